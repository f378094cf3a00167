/**
 * A Vite build plugin: once the bundle is written, put a brotli (`.br`, quality 11) and a gzip (`.gz`,
 * level 9) copy beside every text asset of 1 KB or more. The API serves the smallest copy a browser
 * accepts (apps/api/src/http/console-assets.ts), so compression costs CPU once per build at the best
 * settings instead of on every request (figures: node e2e/load/assets.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** below this, headers cost about what compression saves */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** writes x.br and x.gz beside each compressible file of `dir`; returns what it wrote */
export async function precompressDir(dir: string): Promise<{ file: string; raw: number; br: number; gz: number }[]> {
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
  return Promise.all(
    files.map(async (file) => {
      const raw = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)]);
      return { file: path.relative(dir, file), raw: raw.length, br: br.length, gz: gz.length };
    }),
  );
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'touming-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const written = await precompressDir(outDir);
      const sum = (k: 'raw' | 'br' | 'gz') => Math.round(written.reduce((n, w) => n + w[k], 0) / 1024);
      this.info(`precompressed ${written.length} files: ${sum('raw')} KB → brotli ${sum('br')} KB, gzip ${sum('gz')} KB`);
    },
  };
}
