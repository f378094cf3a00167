/**
 * Input abuse over HTTP, property-based (fast-check): every mutation of the schema gets variables
 * built from its argument types out of hostile values — huge, negative, fractional and non-finite
 * numbers, numbers as strings, unknown keys, SQL and HTML/JS injection, lone surrogates, NUL bytes,
 * long texts, real and made-up ids. Each answer must be a clear client error (a known code, HTTP < 500,
 * never INTERNAL_SERVER_ERROR), and a refused request must write nothing (report revisions and the
 * audit trail, failed logins and denials aside, unchanged). Then oversized bodies, batches, deep and
 * aliased queries, malformed bytes; and `<script>` in narrative text is stored exactly as typed.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, login, post, recordSummary, REPO, sql, startApi, type ApiProcess, type Reply } from './support';
import { demo } from '../demo';

const DB = 'rel_input';
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 40);
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION_FAILED',
  'TOO_MANY_REQUESTS',
  // a signature whose confirming password is missing or wrong (fuzzed passwords)
  'STEP_UP_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);
const schema = buildSchema(fs.readFileSync(path.join(REPO, 'apps', 'api', 'schema.graphql'), 'utf8'));

const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE report; --",
  '" OR ""="',
  '1; SELECT SLEEP(5)',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\uD800',
  'a\uDFFFb',
  '\u0000',
  '\u202Eevil',
  '../../../etc/passwd',
  '%s%n%x',
  '{{7*7}}${7*7}',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '',
  ' ',
  '💩'.repeat(1000),
  '长'.repeat(20_000),
];
const NASTY_NUMBERS = [0, -1, -0.5, 0.1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];

const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 50 }));
const nastyNumber = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.double(), fc.integer(), fc.constantFrom('NaN', 'Infinity', '1e999', '12'));

/** an arbitrary for a value of `type`, hostile but mostly of the right shape so the resolvers run */
function valueOf(type: GraphQLInputType, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, ids, depth);
  const nullable = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(valueOf(type.ofType, ids, depth + 1), { maxLength: depth > 1 ? 2 : 5 }));
  const named = getNamedType(type);
  if (isEnumType(named)) return nullable(fc.oneof(fc.constantFrom(...named.getValues().map((v) => v.name)), nastyString));
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(named.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) shape[f.name] = valueOf(f.type, ids, depth + 1);
    // plus, sometimes, a key the type does not have
    return nullable(
      fc.tuple(fc.record(shape, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }), fc.option(nastyString, { nil: undefined })).map(([o, extra]) =>
        extra === undefined ? o : { ...o, [`x${extra.length}`]: extra },
      ),
    );
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
      case 'Float':
        return nullable(nastyNumber);
      case 'Boolean':
        return nullable(fc.oneof(fc.boolean(), nastyString));
      case 'ID':
        return nullable(fc.oneof(fc.constantFrom(...ids), nastyString));
      default:
        return nullable(fc.oneof(nastyString, fc.constantFrom('2025-01-31', '2025-02-30T25:61:00Z', 't4.reconsideration.upheld', 'problems')));
    }
  }
  return fc.constant(null);
}

/** the selection for a mutation's result: its id when it has one, else __typename */
function selectionOf(fieldName: string): string {
  const type = getNamedType(schema.getMutationType()!.getFields()[fieldName].type);
  if (isScalarType(type) || isEnumType(type)) return '';
  return 'fields' in type && 'id' in (type as { getFields(): Record<string, unknown> }).getFields() ? '{ id }' : '{ __typename }';
}

function documentOf(fieldName: string, args: readonly GraphQLArgument[]): string {
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${defs ? `(${defs})` : ''} { ${fieldName}${call ? `(${call})` : ''} ${selectionOf(fieldName)} }`;
}

describe('input abuse (MariaDB, HTTP)', () => {
  let api: ApiProcess;
  let admin: string;
  let ids: string[];
  let draftId: string;
  let tried = 0;
  const summary: string[] = [];

  /** report revisions and the audit entries that record changes (not what a refusal records by design: failed logins, password changes and signature confirmations, refused signatures, denials) */
  async function writeState(): Promise<string> {
    const conn = await sql(DB);
    try {
      const [[r]] = (await conn.query('SELECT COALESCE(SUM(revision), 0) AS revs, COUNT(*) AS n FROM report')) as any;
      const [[a]] = (await conn.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action NOT IN ('access.denied', 'auth.login.failed', 'auth.lockout', 'user.passwordChange.failed', 'auth.stepUp.failed', 'signature.refused')")) as any;
      return `${r.revs}/${r.n}/${a.n}`;
    } finally {
      await conn.end();
    }
  }

  function expectClientError(r: Reply, what: string) {
    expect(r.status, `${what}: HTTP ${r.status} ${JSON.stringify(r.errors)}`).toBeLessThan(500);
    for (const e of r.errors ?? []) {
      expect(CLIENT_CODES.has(String(e.extensions?.code)), `${what}: ${JSON.stringify(e)}`).toBe(true);
      expect(e.message).not.toMatch(/ER_|SQLITE|at .*\.js:\d+|TypeError|ReferenceError/);
    }
  }

  beforeAll(async () => {
    // no public rate limit here: the fuzz is one client sending hundreds of requests
    api = await startApi(DB, { PUBLIC_RATE_LIMIT: '100000' });
    admin = await login(api.base, 'admin');
    // the fuzz gets published reports' ids (it may try deleteReport on them); the injection test its own draft
    const reports = (await gql(api.base, '{ reports(filter: { status: PUBLISHED }, options: { take: 10 }) { items { id status } } }', {}, admin)).data.reports.items as { id: string; status: string }[];
    const drafts = (await gql(api.base, 'query($y: Int) { reports(filter: { status: DRAFT, year: $y }, options: { take: 1 }) { items { id } } }', { y: demo.currentYear }, admin)).data.reports.items as { id: string }[];
    const agencies = (await gql(api.base, '{ agencies(options: { take: 100 }) { items { id } } }', {}, admin)).data.agencies.items as { id: string }[];
    const users = (await gql(api.base, '{ users(options: { take: 100 }) { items { id } } }', {}, admin)).data.users.items as { id: string }[];
    draftId = drafts[0].id;
    ids = [...reports.slice(0, 10).map((r) => r.id), ...agencies.slice(0, 5).map((a) => a.id), ...users.slice(0, 5).map((u) => u.id), '00000000-0000-0000-0000-000000000000'];
  });
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    recordSummary('3-input-abuse', summary);
  });

  const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.name !== 'login');
  it(`every mutation (${mutations.length}) × ${RUNS} hostile inputs: a clear client error, never a 5xx, no write when refused`, async () => {
    let refused = 0;
    let accepted = 0;
    for (const field of mutations) {
      const query = documentOf(field.name, field.args);
      const vars = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type, ids)])));
      await fc.assert(
        fc.asyncProperty(vars, async (variables) => {
          const before = await writeState();
          const r = await gql(api.base, query, variables as Record<string, unknown>, admin);
          tried++;
          expectClientError(r, `${field.name}(${JSON.stringify(variables).slice(0, 300)})`);
          if (r.errors?.length) {
            refused++;
            expect(await writeState(), `${field.name} refused but wrote`).toBe(before);
          } else accepted++;
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }
    summary.push(`输入滥用：${mutations.length} 个变更操作 × ${RUNS} 组恶意输入（fast-check），${refused} 次明确拒绝、${accepted} 次合法接受，无 5xx、无内部错误、拒绝时无任何写入`);
  });

  it('login with hostile usernames and passwords answers UNAUTHENTICATED or BAD_USER_INPUT, never more', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString, nastyString, async (u, p) => {
        const r = await post(api.base, { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u, p } });
        tried++;
        expectClientError(r, `login(${JSON.stringify(u).slice(0, 80)})`);
        expect(r.data?.login ?? null).toBeNull();
      }),
      // under the per-address failure limit of 30 (the lockout itself is tested in the API suite)
      { numRuns: 25 },
    );
  });

  it('oversized bodies, batches, deep and aliased queries, malformed JSON and bytes are refused without a write', async () => {
    const before = await writeState();
    const cases: [string, () => Promise<Reply>][] = [
      [
        '10 MB narrative text',
        () =>
          gql(
            api.base,
            'mutation($id: ID!, $t: String!) { updateReport(id: $id, expectedRevision: 0, input: { sections: [{ key: "problems", text: $t }] }) { id } }',
            { id: draftId, t: 'x'.repeat(10 * 1024 * 1024) },
            admin,
          ),
      ],
      ['a batch of 50 operations', () => post(api.base, Array.from({ length: 50 }, () => ({ query: 'mutation { createCycle(input: { year: 2030 }) { id } }' })), admin)],
      ['a query nested 40 levels', () => gql(api.base, `{ reports { items { ${'previousYear { '.repeat(40)}id${' }'.repeat(40)} } } }`, {}, admin)],
      ['1,000 aliases of a list with a computed field', () => gql(api.base, `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: reports { items { errorCount } }`).join(' ')} }`, {}, admin)],
      ['1,000 aliased mutations', () => gql(api.base, `mutation { ${Array.from({ length: 1000 }, (_, i) => `m${i}: createCycle(input: { year: ${2030 + (i % 5)} }) { id }`).join(' ')} }`, {}, admin)],
      ['malformed JSON', () => post(api.base, '{"query": "{ me { id } ', admin, true)],
      ['invalid UTF-8 bytes', () => post(api.base, Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) as unknown as string, admin, true)],
      ['a query that is not a string', () => post(api.base, { query: { $gt: '' } }, admin)],
      ['an unknown operation name', () => post(api.base, { query: '{ me { id } }', operationName: 'Nope' }, admin)],
    ];
    for (const [what, send] of cases) {
      const r = await send();
      tried++;
      expectClientError(r, what);
      expect(r.errors?.length ?? 0, `${what} was accepted`).toBeGreaterThan(0);
    }
    expect(await writeState()).toBe(before);
    summary.push(`请求层滥用：10 MB 正文、50 个批量操作、40 层嵌套、1000 个别名查询与变更、畸形 JSON、非法 UTF-8 —— 全部 4xx 拒绝，无写入`);
  });

  it('<script> and injection strings in narrative text are stored exactly as typed', async () => {
    const text = `<script>alert("x")</script><img src=x onerror=alert(1)> '; DROP TABLE report; -- 😀 \u202E`;
    const { report } = (await gql(api.base, 'query($id: ID!) { report(id: $id) { revision } }', { id: draftId }, admin)).data;
    const r = await gql(
      api.base,
      'mutation($id: ID!, $r: Int!, $t: String!) { updateReport(id: $id, expectedRevision: $r, input: { sections: [{ key: "problems", text: $t }] }) { sections { key text } } }',
      { id: draftId, r: report.revision, t: text },
      admin,
    );
    expect(r.errors).toBeUndefined();
    const back = (await gql(api.base, 'query($id: ID!) { report(id: $id) { sections { key text } } }', { id: draftId }, admin)).data.report.sections as { key: string; text: string }[];
    expect(back.find((s) => s.key === 'problems')!.text).toBe(text);
    tried++;
    summary.push(`输入总数：${tried} 个恶意请求`);
  });
});
