import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';
import { benchCalls, consoleCalls, equivalenceFixture, inputCalls, type Call, type EquivalenceFixture } from './support/equivalence-calls';

/**
 * graphql-jit (the default executor) and graphql-js answer every operation with byte-identical JSON
 * and the same HTTP status: the console's documents, the bench's documents, the refusals before
 * execution (limits, invalid variables, text bounds) and, in production, the masking of internal
 * errors. Each operation runs through both, on the same seeded database, with the same context.
 */

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
  let fx: EquivalenceFixture;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    pair = { jit: await TestApi.start(env.db.dataSource, { executor: 'jit' }), js: await TestApi.start(env.db.dataSource, { executor: 'js' }) };
    prod = {
      jit: await TestApi.start(env.db.dataSource, { executor: 'jit', production: true, quiet: true }),
      js: await TestApi.start(env.db.dataSource, { executor: 'js', production: true, quiet: true }),
    };
    fx = await equivalenceFixture(env);
    tokens = fx.tokens;
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

  it('every document the console sends (queries as four callers, mutations refused harmlessly)', async () => {
    let n = 0;
    const calls = consoleCalls(fx, () => `${dialect}-${n++}`);
    expect(calls.length).toBeGreaterThan(100);
    for (const call of calls) {
      const { jit, js } = await both(pair, call, tokens);
      expect(jit, call.label).toEqual(js);
    }
    // every console document compiled: none fell back to graphql-js
    expect(pair.jit.api.executor.jit!.fallbacks).toBe(0);
  }, 300_000);

  it("the bench's documents", async () => {
    for (const call of await benchCalls(env, fx)) {
      const { jit, js } = await both(pair, call, tokens);
      expect(jit, call.label).toEqual(js);
      if (call.label === 'report as admin') expect(jit.body.length).toBeGreaterThan(10_000);
    }
  }, 120_000);

  it('a successful save answers alike (the same content saved again by the other executor)', async () => {
    const query = `mutation($id: ID!, $rev: Int!, $cells: [CellInput!]!) { updateReport(id: $id, expectedRevision: $rev, input: { cells: $cells }) { id status contentHash errorCount warningCount cells { key value } validation { errors { ruleId message } } } }`;
    const before = await env.api.ok(`query($id: ID!) { report(id: $id) { revision } }`, { id: fx.ids.report }, tokens.admin);
    const cells = [{ key: 't3.new.natural', value: 42 }];
    const run = async (api: TestApi, rev: number) => JSON.stringify(await api.gql(query, { id: fx.ids.report, rev, cells }, tokens.preparer));
    const a = await run(pair.jit, before.report.revision);
    const b = await run(pair.js, before.report.revision + 1);
    expect(JSON.parse(a).errors).toBeUndefined();
    expect(a).toEqual(b);
  });

  it('inputs: defaults, coercion and refusals before execution', async () => {
    const calls = inputCalls(fx);
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
