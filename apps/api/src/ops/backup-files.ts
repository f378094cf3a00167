/**
 * The library's files kept under FILES_DIR are outside the database, so a backup carries them beside
 * the database backup: <backup>.files/<ab>/<sha256>, the same content-addressed layout. A restore copies
 * them back into FILES_DIR, checking each file against its name (its hash) and skipping those present.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const filesBesideBackup = (backupFile: string) => `${backupFile}.files`;

const HASH_NAME = /^[0-9a-f]{64}$/;

function* storedFiles(dir: string): Generator<{ sha256: string; file: string }> {
  if (!fs.existsSync(dir)) return;
  for (const prefix of fs.readdirSync(dir)) {
    const sub = path.join(dir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) if (HASH_NAME.test(name) && name.startsWith(prefix)) yield { sha256: name, file: path.join(sub, name) };
  }
}

/** copies every stored file from `from` to `to` (same layout); a file whose bytes do not match its hash is refused */
export function copyStoredFiles(from: string, to: string): { copied: number; skipped: number } {
  let copied = 0;
  let skipped = 0;
  for (const { sha256, file } of storedFiles(from)) {
    const target = path.join(to, sha256.slice(0, 2), sha256);
    if (fs.existsSync(target)) {
      skipped++;
      continue;
    }
    const bytes = fs.readFileSync(file);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`文件 ${file} 的内容与其哈希不符，已停止复制`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.tmp`, bytes);
    fs.renameSync(`${target}.tmp`, target);
    copied++;
  }
  return { copied, skipped };
}
