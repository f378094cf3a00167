// tsc copies no data files: put the seed's demo report beside the compiled seed code.
const fs = require('node:fs');
const path = require('node:path');
const from = path.join(__dirname, '..', 'src', 'seed', 'data');
const to = path.join(__dirname, '..', 'dist', 'seed', 'data');
fs.mkdirSync(to, { recursive: true });
for (const file of fs.readdirSync(from)) fs.copyFileSync(path.join(from, file), path.join(to, file));
