import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_TOKENS } from '../src/http/graphql-guards';
import { MAX_QUERY_DEPTH } from '../src/common/query-limits';
import { TestApi } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

/**
 * graphql-jit (the default executor) and graphql-js answer every operation with byte-identical JSON
 * and the same HTTP status: the console's documents, the bench's documents, the refusals before
 * execution (limits, invalid variables, text bounds) and, in production, the masking of internal
 * errors. Each operation runs through both, on the same seeded database, with the same context.
 */
const REPO = path.resolve(__dirname, '..', '..', '..');

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return graphqlFiles(full);
    return e.name.endsWith('.graphql') ? [full] : [];
  });
}

interface Call {
  label: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  who: string | null;
}

interface Pair {
  jit: TestApi;
  js: TestApi;
}

let ip = 0;

/** the same call through both executors: status and JSON body */
async function both(pair: Pair, call: Call, tokens: Record<string, string>) {
  const address = `10.9.${(ip >> 8) & 255}.${ip++ & 255}`;
  const run = async (api: TestApi) => {
    const contextValue = await api.api.contextFor(call.who ? `Bearer ${tokens[call.who]}` : undefined, { requestId: 'equivalence', ip: address });
    const response = await api.api.apollo.executeOperation(
      { query: call.query, operationName: call.operationName, variables: call.variables ?? {} },
      { contextValue },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { status: response.http.status ?? 200, body: JSON.stringify(response.body.singleResult) };
  };
  const jit = await run(pair.jit);
  const js = await run(pair.js);
  return { jit, js };
}

describe.each(DIALECTS)('graphql-jit and graphql-js answer alike (%s)', (dialect) => {
  let env: SeededEnv;
  let pair: Pair;
  let prod: Pair;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    env = await seededEnv(dialect);
    pair = { jit: await TestApi.start(env.db.dataSource, { executor: 'jit' }), js: await TestApi.start(env.db.dataSource, { executor: 'js' }) };
    prod = {
      jit: await TestApi.start(env.db.dataSource, { executor: 'jit', production: true, quiet: true }),
      js: await TestApi.start(env.db.dataSource, { executor: 'js', production: true, quiet: true }),
    };
    for (const [who, username] of Object.entries({ admin: 'admin', preparer: 'wenlv.preparer', reviewer: 'wenlv.reviewer', secrecy: 'wenlv.secrecy', contributor: 'wenlv.contributor', other: 'jiaoti.preparer' })) {
      tokens[who] = await env.api.login(username);
    }
    const year = env.demo.currentYear;
    ids.report = await env.reportId('yanchi.wenlv', year);
    ids.published = await env.reportId('yanchi.wenlv', year - 1);
    ids.otherReport = await env.reportId('yanchi.jiaoti', year - 1);
    ids.agency = await env.agencyId('yanchi.wenlv');
    const me = await env.api.ok('{ me { id } }', {}, tokens.preparer);
    ids.user = me.me.id;
  }, 180_000);
  afterAll(async () => {
    for (const api of [pair?.jit, pair?.js, prod?.jit, prod?.js]) await api?.stop();
    await env?.close();
  });

  it('the executors are the ones named (jit compiles, js does not)', async () => {
    expect(pair.jit.api.executor.kind).toBe('jit');
    expect(pair.js.api.executor.kind).toBe('js');
    expect(pair.js.api.executor.jit).toBeNull();
    await pair.jit.ok('{ me { id } }', {}, tokens.admin);
    expect(pair.jit.api.executor.jit!.cached).toBeGreaterThan(0);
    expect(pair.jit.api.executor.jit!.fallbacks).toBe(0);
  });

  /** variables for a console operation, by the variable's name (the operation's own id kind for $id) */
  const variablesFor = (op: OperationDefinitionNode, mutation: boolean): Record<string, unknown> => {
    const name = op.name?.value ?? '';
    const year = env.demo.currentYear;
    const vars: Record<string, unknown> = {};
    for (const def of op.variableDefinitions ?? []) {
      const v = def.variable.name.value;
      const idOf = () => {
        // mutations get an unknown id: they are refused after authorisation, before anything is written
        if (mutation) return '00000000-0000-4000-8000-000000000000';
        if (/Agency/.test(name)) return ids.agency;
        if (/^User$/.test(name)) return ids.user;
        if (/Publications|Review/.test(name)) return ids.published;
        return ids.report;
      };
      const byName: Record<string, unknown> = {
        id: idOf(),
        agencyId: mutation ? '00000000-0000-4000-8000-000000000000' : ids.agency,
        year: /Quality|Proposed|CountySummary|GenerateCounty/.test(name) ? year - 1 : year,
        key: 't3.new.natural',
        scope: null,
        filter: /Report/.test(name) ? { year } : {},
        options: { take: 10, skip: 0 },
        expectedRevision: 1,
        contentHash: '0'.repeat(64),
        stage: 'REVIEW',
        comment: '等价测试',
        reason: '等价测试',
        ruleId: 'r1',
        text: '等价测试',
        // a name of its own per call: login attempts are throttled per name
        username: `nobody-${ip}`,
        password: 'wrong-password-equivalence',
        correctionNote: null,
      };
      if (v in byName) vars[v] = byName[v];
    }
    return vars;
  };

  it('every document the console sends (queries as three users, mutations refused harmlessly)', async () => {
    const files = graphqlFiles(path.join(REPO, 'apps', 'admin', 'src'));
    expect(files.length).toBeGreaterThan(0);
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const def of parse(text).definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION || !def.name) continue;
        const mutation = def.operation === 'mutation';
        const callers: (string | null)[] = mutation ? [null, 'contributor', 'admin'] : [null, 'admin', 'preparer', 'other'];
        for (const who of callers) {
          const call: Call = { label: `${path.basename(file)} ${def.name.value} as ${who ?? 'anonymous'}`, query: text, operationName: def.name.value, variables: variablesFor(def, mutation), who };
          const { jit, js } = await both(pair, call, tokens);
          expect(jit, call.label).toEqual(js);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    // every console document compiled: none fell back to graphql-js
    expect(pair.jit.api.executor.jit!.fallbacks).toBe(0);
  }, 300_000);

  it("the bench's documents", async () => {
    const { QUERIES } = (await import(path.join(REPO, 'e2e', 'load', 'queries.mjs'))) as { QUERIES: Record<string, string> };
    const year = env.demo.currentYear;
    const report = await env.api.ok(`query($id: ID!) { report(id: $id) { revision contentHash } }`, { id: ids.report }, tokens.admin);
    const varsOf: Record<string, Record<string, unknown>> = {
      report: { id: ids.report },
      reports: { year, skip: 0 },
      dashboard: { year },
      statistics: { year: year - 1 },
      // a stale revision and a wrong hash: refused (CONFLICT) after every check, nothing written
      update: { id: ids.report, rev: report.report.revision + 5, cells: [{ key: 't3.new.natural', value: 7 }] },
      signoff: { id: ids.report, hash: report.report.contentHash.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) },
    };
    for (const [name, query] of Object.entries(QUERIES)) {
      for (const who of ['admin', 'preparer', 'reviewer']) {
        const { jit, js } = await both(pair, { label: name, query, variables: varsOf[name], who }, tokens);
        expect(jit, `${name} as ${who}`).toEqual(js);
        if (name === 'report' && who === 'admin') expect(jit.body.length).toBeGreaterThan(10_000);
      }
    }
  }, 120_000);

  it('a successful save answers alike (the same content saved again by the other executor)', async () => {
    const query = `mutation($id: ID!, $rev: Int!, $cells: [CellInput!]!) { updateReport(id: $id, expectedRevision: $rev, input: { cells: $cells }) { id status contentHash errorCount warningCount cells { key value } validation { errors { ruleId message } } } }`;
    const before = await env.api.ok(`query($id: ID!) { report(id: $id) { revision } }`, { id: ids.report }, tokens.admin);
    const cells = [{ key: 't3.new.natural', value: 42 }];
    const run = async (api: TestApi, rev: number) => JSON.stringify(await api.gql(query, { id: ids.report, rev, cells }, tokens.preparer));
    const a = await run(pair.jit, before.report.revision);
    const b = await run(pair.js, before.report.revision + 1);
    expect(JSON.parse(a).errors).toBeUndefined();
    expect(a).toEqual(b);
  });

  it('inputs: defaults, coercion and refusals before execution', async () => {
    const year = env.demo.currentYear;
    const calls: Call[] = [
      // a variable's default and an input object's defaults (ListOptions.take/skip/order)
      { label: 'variable default', query: `query($y: Int = ${year}) { cycleProgress(year: $y) { agencyName status } }`, who: 'admin' },
      { label: 'input defaults', query: `{ reports(options: { sort: "agencyName" }) { totalItems items { agencyName year } } }`, who: 'admin' },
      { label: 'literal arguments', query: `{ reports(filter: { year: ${year} }, options: { take: 3, skip: 1, order: DESC, sort: "agencyName" }) { items { agencyName } } }`, who: 'admin' },
      { label: 'int as string variable', query: `query($y: Int!) { cycleProgress(year: $y) { agencyName } }`, variables: { y: String(year) }, who: 'admin' },
      { label: 'null for non-null', query: `query($y: Int!) { cycleProgress(year: $y) { agencyName } }`, variables: { y: null }, who: 'admin' },
      { label: 'missing variable', query: `query($id: ID!) { report(id: $id) { id } }`, who: 'admin' },
      { label: 'unknown enum', query: `mutation($id: ID!, $s: SignatureStage!) { signReport(id: $id, stage: $s, contentHash: "x") { id } }`, variables: { id: ids.report, s: 'NOPE' }, who: 'admin' },
      { label: 'unknown input field', query: `query($o: ListOptions) { reports(options: $o) { totalItems } }`, variables: { o: { take: 1, nope: 1 } }, who: 'admin' },
      { label: 'unknown field', query: `{ me { idd } }`, who: 'admin' },
      { label: 'syntax error', query: `{ me { id }`, who: 'admin' },
      { label: 'too deep', query: `{ __schema { types { fields { type { ${'ofType { '.repeat(MAX_QUERY_DEPTH)}name ${'} '.repeat(MAX_QUERY_DEPTH)}} } } } }`, who: 'admin' },
      { label: 'too complex', query: `{ ${Array.from({ length: 120 }, (_, i) => `r${i}: report(id: "${ids.report}") { id validation { errors { id } } }`).join(' ')} }`, who: 'admin' },
      { label: 'too many tokens', query: `{ ${Array.from({ length: MAX_QUERY_TOKENS }, (_, i) => `a${i}: __typename`).join(' ')} }`, who: null },
      { label: 'lone surrogate', query: `mutation($t: String!) { explainWarning(id: "${ids.report}", ruleId: "r", text: $t) { id } }`, variables: { t: 'a\udfffb' }, who: 'preparer' },
      { label: 'text too long', query: `mutation($c: String!) { returnReport(id: "${ids.report}", comment: $c) { id } }`, variables: { c: 'x'.repeat(6000) }, who: 'admin' },
      { label: 'unknown operation name', query: `query A { me { id } } query B { me { username } }`, operationName: 'C', who: 'admin' },
      { label: 'two operations, one named', query: `query A { me { id } } query B { me { username } }`, operationName: 'B', who: 'admin' },
      { label: 'too many mutations', query: `mutation { ${Array.from({ length: 11 }, (_, i) => `m${i}: deleteReport(id: "${ids.report}")`).join(' ')} }`, who: 'admin' },
      { label: 'skip and include', query: `query($a: Boolean!) { me { id username @include(if: $a) displayName @skip(if: $a) } }`, variables: { a: true }, who: 'admin' },
      { label: 'typename and aliases', query: `{ __typename x: me { __typename i: id } }`, who: 'admin' },
      { label: 'anonymous needing a user', query: `{ me { id } reports { totalItems } }`, who: null },
      { label: 'forbidden field', query: `query($id: ID!) { report(id: $id) { id } }`, variables: { id: ids.otherReport }, who: 'preparer' },
      { label: 'not found', query: `query($id: ID!) { report(id: $id) { id } }`, variables: { id: '00000000-0000-4000-8000-000000000000' }, who: 'admin' },
      { label: 'public, anonymous', query: `query($y: Int!) { publicStatistics(year: $y) { year reportCount cells { key value } } }`, variables: { y: year - 1 }, who: null },
    ];
    for (const call of calls) {
      const { jit, js } = await both(pair, call, tokens);
      expect(jit, call.label).toEqual(js);
      const { jit: pj, js: pjs } = await both(prod, call, tokens);
      expect(pj, `${call.label} (production)`).toEqual(pjs);
    }
  }, 120_000);

  it('internal errors are masked in production alike (a table gone from under the API)', async () => {
    await env.db.dataSource.query(dialect === 'mysql' ? 'DROP TABLE `accountability_case`' : 'DROP TABLE "accountability_case"');
    const call: Call = { label: 'internal', query: `{ accountabilityCases { totalItems items { id } } }`, who: 'admin' };
    const { jit, js } = await both(prod, call, tokens);
    expect(jit.body).toContain('服务器内部错误');
    expect(jit.body).not.toMatch(/accountability_case|stack/i);
    expect(jit).toEqual(js);
  });
});
