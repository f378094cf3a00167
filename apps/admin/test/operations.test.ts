import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import * as providerOps from '../src/providers/operations';
import * as workflowOps from '../src/workflow/operations';
import * as workflowDataOps from '../src/workflow/dataProvider';
import * as countyOps from '../src/county/operations';

// the API's generated schema is the contract (apps/api/schema.graphql, committed by the API)
const SCHEMA = fileURLToPath(new URL('../../api/schema.graphql', import.meta.url));

// every module that declares operation documents (not only the resource provider's)
const ops = { ...providerOps, ...workflowOps, ...workflowDataOps, ...countyOps };
const documents = Object.entries(ops).filter(
  (entry): entry is [string, { query: string }] => typeof entry[1] === 'object' && entry[1] !== null && 'query' in entry[1],
);

describe("the console's operation documents", () => {
  it('are many and parse', () => {
    expect(documents.length).toBeGreaterThan(15);
    for (const [name, op] of documents) expect(() => parse(op.query), name).not.toThrow();
  });

  // no skip: the schema is committed with the API; if it is missing the test says so
  it('validate against the API schema', () => {
    expect(existsSync(SCHEMA), `${SCHEMA} is missing`).toBe(true);
    const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
    const problems = documents.flatMap(([name, op]) => validate(schema, parse(op.query)).map((e) => `${name}: ${e.message}`));
    expect(problems).toEqual([]);
  });
});
