import { buildSchema, execute, GraphQLScalarType, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { GraphQLISODateTime } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createJitExecutor, executorFromEnv, Lru, RECOERCIBLE_SCALARS } from '../src/common/executor';

/** the executor's own rules, on small schemas (its equality with graphql-js on the API: executor-equivalence.test.ts) */
const SDL = `
  enum Order { ASC DESC }
  input Options { order: Order! = ASC  take: Int! = 25  sort: String }
  type Item { id: ID! name: String }
  union Thing = Item
  type Query { list(options: Options): String  thing: Thing  item: Item }
`;

function schemaWithResolvers() {
  const schema = buildSchema(SDL);
  const fields = schema.getQueryType()!.getFields();
  fields.list.resolve = (_root, args) => JSON.stringify(args);
  fields.item.resolve = () => ({ id: 1, name: 'x' });
  fields.thing.resolve = () => ({ id: 2, name: 'y' });
  // an asynchronous resolveType, as type-graphql makes them
  (schema.getType('Thing') as unknown as { resolveType: () => Promise<string> }).resolveType = async () => 'Item';
  return schema;
}

const op = (document: ReturnType<typeof parse>) => document.definitions[0] as Parameters<ReturnType<typeof createJitExecutor>['execute']>[0]['operation'];

describe('the compiled executor', () => {
  it('GRAPHQL_EXECUTOR: jit by default, js on request, anything else refused', () => {
    expect(executorFromEnv(undefined)).toBe('jit');
    expect(executorFromEnv('')).toBe('jit');
    expect(executorFromEnv('JIT')).toBe('jit');
    expect(executorFromEnv('js')).toBe('js');
    expect(() => executorFromEnv('fast')).toThrow(/GRAPHQL_EXECUTOR/);
  });

  it('the LRU keeps at most its size and drops the least recently used', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  it('compiles a document once per hash and operation name, within the bound', async () => {
    const schema = schemaWithResolvers();
    const jit = createJitExecutor(schema, { maxDocuments: 3 });
    for (let i = 0; i < 10; i++) {
      const document = parse(`query Q${i % 5} { item { id name } }`);
      const result = await jit.execute({ document, operation: op(document), queryHash: `h${i % 5}`, operationName: `Q${i % 5}`, context: {}, variables: {} });
      expect(result).toEqual({ data: { item: { id: '1', name: 'x' } } });
    }
    expect(jit.cached).toBe(3);
    expect(jit.fallbacks).toBe(0);
  });

  it("graphql-jit's own coercion misses input-object defaults: the executor coerces with graphql-js", async () => {
    const schema = schemaWithResolvers();
    const document = parse('query L($o: Options) { list(options: $o) }');
    // the reason: graphql-jit alone refuses what graphql-js accepts
    const raw = compileQuery(schema, document, 'L');
    expect(isCompiledQuery(raw)).toBe(true);
    const alone = await (raw as { query: (r: unknown, c: unknown, v: unknown) => unknown }).query(undefined, {}, { o: { take: 5 } });
    expect(JSON.stringify(alone)).toMatch(/was not provided/);
    const expected = await execute({ schema, document, variableValues: { o: { take: 5 } } });
    expect(expected.errors).toBeUndefined();
    const jit = createJitExecutor(schema);
    const result = await jit.execute({ document, operation: op(document), queryHash: 'l', operationName: 'L', context: {}, variables: { o: { take: 5 } } });
    expect(result).toEqual(expected);
    expect(jit.fallbacks).toBe(0);
    // invalid variables: graphql-js's errors, in its order ({ errors } first)
    const bad = await jit.execute({ document, operation: op(document), queryHash: 'l', operationName: 'L', context: {}, variables: { o: { take: 'many' } } });
    expect(JSON.stringify(bad)).toBe(JSON.stringify(await execute({ schema, document, variableValues: { o: { take: 'many' } } })));
  });

  it('a union with an asynchronous resolveType runs on graphql-js, logged once', async () => {
    const schema = schemaWithResolvers();
    const logged: unknown[] = [];
    const jit = createJitExecutor(schema, { logger: { info: (obj) => logged.push(obj) } });
    const document = parse('query T { thing { ... on Item { id } } }');
    for (let i = 0; i < 3; i++) {
      const result = await jit.execute({ document, operation: op(document), queryHash: 't', operationName: 'T', context: {}, variables: {} });
      expect(result).toEqual({ data: { thing: { id: '2' } } });
    }
    expect(jit.fallbacks).toBe(1);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toMatch(/union/);
  });

  it('an enum stored under another value, or an unknown custom scalar, in the variables runs on graphql-js', async () => {
    const schema = buildSchema(`enum E { A }  scalar Odd  type Query { e(v: E): String  odd(v: Odd): String }`);
    (schema.getType('E') as unknown as { getValue: (n: string) => { value: unknown } }).getValue('A').value = 1;
    schema.getQueryType()!.getFields().e.resolve = (_r, args) => String(args.v);
    schema.getQueryType()!.getFields().odd.resolve = (_r, args) => String(args.v);
    const jit = createJitExecutor(schema);
    for (const [query, vars] of [['query A($v: E) { e(v: $v) }', { v: 'A' }], ['query B($v: Odd) { odd(v: $v) }', { v: 'x' }]] as const) {
      const document = parse(query);
      const result = await jit.execute({ document, operation: op(document), queryHash: query, operationName: undefined, context: {}, variables: vars });
      expect(result).toEqual(await execute({ schema, document, variableValues: vars }));
    }
    expect(jit.fallbacks).toBe(2);
  });

  it("the API's custom scalars accept their own parsed values unchanged (graphql-jit parses them again)", () => {
    const scalars: Record<string, [GraphQLScalarType, unknown]> = {
      DateTimeISO: [GraphQLISODateTime, '2026-12-03T04:00:00.000Z'],
      JSONObject: [GraphQLJSONObject, { a: 1, b: [1, 2], c: { d: 'e' } }],
    };
    expect([...RECOERCIBLE_SCALARS].sort()).toEqual(Object.keys(scalars).sort());
    for (const [name, [scalar, input]] of Object.entries(scalars)) {
      expect(scalar.name).toBe(name);
      const once = scalar.parseValue(input);
      const twice = scalar.parseValue(once);
      expect(twice, name).toEqual(once);
    }
  });
});
