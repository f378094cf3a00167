// The console's typed GraphQL documents: graphql-codegen's client preset reads the API's schema
// (apps/api/schema.graphql, committed by the API) and the console's documents (src/**/*.graphql) and
// writes src/gql/ — the result and variables type of every operation and fragment, the schema's enums
// and inputs as string unions and object types, and each document as a TypedDocumentString (the query
// text, carrying its types). src/gql/ is built, not committed: turbo runs this before the console's
// build, typecheck and tests, so a schema change is picked up by the next build. A document the
// schema does not allow (a field removed, an argument renamed) fails here with the GraphQL error; a
// changed type (a field turned nullable, an enum value added) fails the type-check where it is used.
//
//   node scripts/codegen.mjs            write src/gql/ (only files whose text changed)
//
// The preset is driven through @graphql-codegen/core rather than the CLI: one schema file and plain
// .graphql documents need no loaders, and the CLI would bring ~170 more packages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';

// graphql as Node loads it for the codegen packages: under Vitest a plain import would resolve to
// graphql's ESM build, a second copy whose schema objects the plugins refuse
const { buildSchema, parse, printSchema, stripIgnoredCharacters } = createRequire(import.meta.url)('graphql');

export const ADMIN = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_FILE = path.join(ADMIN, '../api/schema.graphql');
export const OUT_DIR = 'src/gql/';

const CONFIG = {
  // documents are sent as their text: no GraphQL parser in the browser bundle
  documentMode: 'string',
  // the API's scalars as they arrive in JSON
  scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>', ID: 'string' },
  strictScalars: true,
  enumType: 'string-literal',
  useTypeImports: true,
  skipTypename: true,
  dedupeFragments: true,
};

/**
 * The documents as compact text (graphql's stripIgnoredCharacters: no layout in the bundle or on the
 * wire), each marked pure so one nothing uses (a fragment's own document) stays out of the bundle.
 */
function compactDocuments(code) {
  return code.replace(
    /new TypedDocumentString\(`([^`]*)`/g,
    (_, text) => `/* @__PURE__ */ new TypedDocumentString(\`${stripIgnoredCharacters(text)}\``,
  );
}

/** every *.graphql file under src/, in a stable order */
export function documentFiles(dir = path.join(ADMIN, 'src')) {
  const out = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...documentFiles(full));
    else if (entry.name.endsWith('.graphql')) out.push(full);
  }
  return out;
}

/**
 * The generated files (path relative to the console → text) for a schema and documents. Throws when
 * a document does not validate against the schema.
 */
export async function generate({
  schema = fs.readFileSync(SCHEMA_FILE, 'utf8'),
  files = documentFiles(),
} = {}) {
  const schemaAst = buildSchema(schema);
  const documents = files.map((file) => {
    const rawSDL = fs.readFileSync(file, 'utf8');
    return { location: path.relative(ADMIN, file), rawSDL, document: parse(rawSDL) };
  });
  const sections = await preset.buildGeneratesSection({
    baseOutputDir: OUT_DIR,
    schema: parse(printSchema(schemaAst)),
    schemaAst,
    documents,
    config: CONFIG,
    // masking would hide a fragment's fields behind a helper; the console reads them directly
    presetConfig: { fragmentMasking: false },
    plugins: [],
    pluginMap: {},
  });
  // graphql.ts holds the types and the documents; the preset's gql.ts (a graphql() lookup for
  // documents written inside .ts files, with every query text twice in the bundle) is not used
  const out = new Map();
  for (const section of sections.filter((s) => s.filename.endsWith('/graphql.ts')))
    out.set(section.filename, compactDocuments(await codegen(section)));
  return out;
}

/** generates and writes src/gql/ (only files whose text changed, so Vite and tsc see no change otherwise) */
export async function writeGenerated() {
  const files = await generate();
  let written = 0;
  for (const [name, text] of files) {
    const target = path.join(ADMIN, name);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    written++;
  }
  return { files: files.size, written };
}

async function main() {
  const started = Date.now();
  const { files, written } = await writeGenerated();
  console.log(
    `[codegen] ${OUT_DIR}: ${files} file(s), ${written} changed, from ${documentFiles().length} documents in ${Date.now() - started} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    // the GraphQL validation errors name the document and the field
    console.error(`[codegen] ${error?.message ?? error}`);
    for (const e of error?.errors ?? []) console.error(`  ${e.message}`);
    process.exit(1);
  });
}
