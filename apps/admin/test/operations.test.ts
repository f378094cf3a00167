import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import ts from 'typescript';
import { ADMIN, documentFiles, generate, OUT_DIR, SCHEMA_FILE } from '../scripts/codegen.mjs';

// the API's generated schema is the contract (apps/api/schema.graphql, committed by the API); the
// console's documents are the .graphql files next to its screens, typed by scripts/codegen.mjs
const schemaText = () => readFileSync(SCHEMA_FILE, 'utf8');
const GENERATED = path.join(ADMIN, OUT_DIR, 'graphql.ts');

function allDocuments(): DocumentNode {
  return {
    kind: parse('{ a }').kind,
    definitions: documentFiles().flatMap((f) => parse(readFileSync(f, 'utf8')).definitions),
  } as DocumentNode;
}

/** the schema with one type's block changed */
function changeType(schema: string, type: string, change: (block: string) => string) {
  const start = schema.indexOf(`\ntype ${type} {`);
  const end = schema.indexOf('\n}', start);
  expect(start, `type ${type} in the schema`).toBeGreaterThan(-1);
  return schema.slice(0, start) + change(schema.slice(start, end)) + schema.slice(end);
}

/**
 * The type errors of the console's code reachable from `root`, checked (with the console's
 * tsconfig) against the given text of the generated types instead of the one on disk.
 */
function typeErrors(root: string, generated: string, oldProgram?: ts.Program) {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ADMIN, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    path.resolve(fileName) === GENERATED
      ? ts.createSourceFile(fileName, generated, language)
      : getSourceFile(fileName, language, ...rest);
  const program = ts.createProgram({
    rootNames: [path.join(ADMIN, root)],
    options: config.options,
    host,
    oldProgram,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(ADMIN, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
  return { errors, program };
}

describe("the console's operation documents", () => {
  it('are many, parse, and have unique names', () => {
    expect(existsSync(SCHEMA_FILE), `${SCHEMA_FILE} is missing`).toBe(true);
    const operations = allDocuments().definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    expect(operations.length).toBeGreaterThan(40);
    const names = operations.map((o) => o.name?.value);
    expect(names.every(Boolean), 'every operation is named').toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  // no skip: the schema is committed with the API; if it is missing the test says so
  it('validate against the API schema', () => {
    const problems = validate(buildSchema(schemaText()), allDocuments()).map((e) => e.message);
    expect(problems).toEqual([]);
  });

  it('are what the console is type-checked against (src/gql is generated from the current schema)', async () => {
    const files = await generate();
    expect([...files.keys()]).toEqual([`${OUT_DIR}graphql.ts`]);
    expect(readFileSync(GENERATED, 'utf8')).toBe(files.get(`${OUT_DIR}graphql.ts`));
  });
});

describe('a schema change that breaks a console query', () => {
  it('fails the generation when a field the console asks for is gone, naming it', async () => {
    const schema = changeType(schemaText(), 'Report', (block) =>
      block.replace(/\n\s*"""[^"]*"""\n\s*contentHash: String!/, ''),
    );
    expect(schema).not.toBe(schemaText());
    await expect(generate({ schema })).rejects.toSatisfy(
      (e: { message: string; errors?: { message: string }[] }) =>
        [e.message, ...(e.errors ?? []).map((x) => x.message)].some((m) =>
          m.includes('Cannot query field "contentHash" on type "Report"'),
        ),
    );
  });

  it(
    'fails the type-check where the console uses a field whose type changed',
    { timeout: 120_000 },
    async () => {
      const root = 'src/editor/useReportDraft.ts';
      const current = typeErrors(root, readFileSync(GENERATED, 'utf8'));
      expect(current.errors).toEqual([]);

      // the revision the editor sends back as expectedRevision (Int!) becomes a string
      const schema = changeType(schemaText(), 'Report', (block) =>
        block.replace(/\n(\s*)revision: Int!/, '\n$1revision: String!'),
      );
      const generated = (await generate({ schema })).get(`${OUT_DIR}graphql.ts`)!;
      expect(generated).not.toBe(readFileSync(GENERATED, 'utf8'));
      const changed = typeErrors(root, generated, current.program);
      expect(changed.errors.join('\n')).toMatch(
        /src\/editor\/useReportDraft\.ts: Type 'string' is not assignable to type 'number'/,
      );
    },
  );
});
