// The ESM build lives beside the CommonJS one. Node's ESM loader needs full relative specifiers
// ("./x.js", "./x/index.js") while the source is written extensionless for bundlers, so this adds them.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
writeFileSync(join(dist, 'esm', 'package.json'), '{ "type": "module" }\n');
writeFileSync(join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.js')) fixSpecifiers(path);
  }
}

function fixSpecifiers(file) {
  const source = readFileSync(file, 'utf8');
  const fixed = source.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*)(['"])/g, (all, head, spec, tail) => {
    if (spec.endsWith('.js')) return all;
    const base = join(dirname(file), spec);
    if (existsSync(`${base}.js`)) return `${head}${spec}.js${tail}`;
    if (existsSync(join(base, 'index.js'))) return `${head}${spec}/index.js${tail}`;
    return all;
  });
  if (fixed !== source) writeFileSync(file, fixed);
}

walk(join(dist, 'esm'));
