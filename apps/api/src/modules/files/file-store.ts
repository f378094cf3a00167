/**
 * Where published files' bytes live: in the database (published_file_content, the default: one backup
 * holds everything) or, with FILES_DIR, in a directory shared by every instance — content-addressed
 * (<dir>/<ab>/<sha256>), written to a temporary name and renamed, so a half-written file is never
 * served and two instances writing the same file write the same bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { PublishedFileContent } from './published-file.entity';

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export class FileStore {
  constructor(readonly dir: string | null) {}

  get kind(): 'db' | 'dir' {
    return this.dir ? 'dir' : 'db';
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid file hash');
    return path.join(this.dir!, sha256.slice(0, 2), sha256);
  }

  /** stores the bytes (in the caller's transaction when in the database); idempotent by hash */
  async put(manager: EntityManager, sha256: string, bytes: Buffer): Promise<void> {
    if (!this.dir) {
      if (!(await manager.existsBy(PublishedFileContent, { sha256 }))) await manager.insert(PublishedFileContent, { sha256, content: bytes });
      return;
    }
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) return;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
  }

  /** the bytes, checked against their hash (a file changed on disk or in the database is refused) */
  async get(manager: EntityManager, sha256: string, storage: string): Promise<Buffer | null> {
    let bytes: Buffer | null = null;
    if (storage === 'dir') {
      if (!this.dir) return null;
      const file = this.pathOf(sha256);
      bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
    } else {
      const row = await manager.findOneBy(PublishedFileContent, { sha256 });
      bytes = row ? Buffer.from(row.content) : null;
    }
    if (bytes && sha256Of(bytes) !== sha256) throw new Error(`published file ${sha256} does not match its hash`);
    return bytes;
  }
}
