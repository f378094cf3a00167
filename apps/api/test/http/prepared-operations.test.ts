/**
 * The prepared path (src/http/prepared-operations.ts) answers a document Apollo has validated before
 * without Apollo's pipeline. Two HTTP servers run over the same seeded database, one with the path
 * (the default) and one with GRAPHQL_PREPARED=off, and every call is sent to the second once and to
 * the first twice: the first time Apollo answers and the document is remembered, the second time the
 * prepared path answers a success itself and hands anything else to Apollo. All three answers must be
 * the same bytes: status, content type, Retry-After and body. The calls are the console's documents,
 * the bench's documents and the refusals (support/equivalence-calls.ts), on both dialects.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { createApi } from '../../src/app';
import { PreparedOperations } from '../../src/http/prepared-operations';
import { registry } from '../../src/observability';
import { User } from '../../src/modules/users/user.entity';
import { TEST_SECRET } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { benchCalls, consoleCalls, equivalenceFixture, inputCalls, type Call, type EquivalenceFixture } from '../support/equivalence-calls';
import { startHttp, type HttpEnv } from '../support/http';

interface Reply {
  status: number;
  contentType: string | undefined;
  retryAfter: string | undefined;
  body: string;
}

function send(base: string, body: string, headers: Record<string, string>): Promise<Reply> {
  const url = new URL('/graphql', base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], retryAfter: res.headers['retry-after'] as string | undefined, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(DIALECTS)('the prepared path answers as Apollo does (%s)', (dialect) => {
  let env: SeededEnv;
  let on: HttpEnv;
  let off: HttpEnv;
  let fx: EquivalenceFixture;
  let n = 0;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    // TRUST_PROXY: each call comes from an address of its own (the login and anonymous limits count per address)
    on = await startHttp(env.db, { TRUST_PROXY: '1' });
    off = await startHttp(env.db, { TRUST_PROXY: '1', GRAPHQL_PREPARED: 'off' });
    fx = await equivalenceFixture(env);
    fx.tokens.forged = fx.tokens.admin.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  }, 180_000);
  afterAll(async () => {
    await on?.close();
    await off?.close();
    await env?.close();
  });

  /**
   * The call three times — without the path, then with it twice — and the answers compared. Returns
   * the last answer and whether the prepared path answered it itself.
   */
  async function threeTimes(call: Call, extraHeaders: Record<string, string> = {}, rawBody?: string) {
    const i = n++;
    const headers: Record<string, string> = {
      'x-forwarded-for': `10.${dialect === 'mysql' ? 20 : 21}.${(i >> 8) & 255}.${i & 255}`,
      'x-request-id': `prepared-${dialect}-${i}`,
      ...(call.who ? { authorization: `Bearer ${fx.tokens[call.who]}` } : {}),
      ...extraHeaders,
    };
    const body = rawBody ?? JSON.stringify({ query: call.query, operationName: call.operationName, variables: call.variables ?? {} });
    const apollo = await send(off.base, body, headers);
    const first = await send(on.base, body, headers);
    const before = on.http.api.prepared.answeredCount;
    const second = await send(on.base, body, headers);
    const answeredHere = on.http.api.prepared.answeredCount - before;
    expect(first, `${call.label}: first time`).toEqual(apollo);
    expect(second, `${call.label}: second time`).toEqual(apollo);
    return { reply: second, answeredHere };
  }

  /** a success is answered by the prepared path the second time; anything else by Apollo */
  function expectAnsweredWhenSuccessful(label: string, reply: Reply, answeredHere: number) {
    const success = reply.status === 200 && !('errors' in JSON.parse(reply.body));
    expect(answeredHere, `${label}: ${success ? 'success answered by the prepared path' : 'left to Apollo'}`).toBe(success ? 1 : 0);
    return success;
  }

  it('is on by default, and off with GRAPHQL_PREPARED=off', () => {
    expect(on.http.api.prepared.active).toBe(true);
    expect(off.http.api.prepared.active).toBe(false);
  });

  it('every document the console sends (queries as four callers, mutations refused harmlessly)', async () => {
    let successes = 0;
    let names = 0;
    const calls = consoleCalls(fx, () => `${dialect}-p${names++}`);
    for (const call of calls) {
      const { reply, answeredHere } = await threeTimes(call);
      if (expectAnsweredWhenSuccessful(call.label, reply, answeredHere)) successes++;
    }
    // most console queries succeed for some caller: the path is exercised, not merely skipped
    expect(successes).toBeGreaterThan(60);
  }, 300_000);

  it("the bench's documents, and the same documents with a forged token", async () => {
    let successes = 0;
    for (const call of await benchCalls(env, fx)) {
      const { reply, answeredHere } = await threeTimes(call);
      if (expectAnsweredWhenSuccessful(call.label, reply, answeredHere)) successes++;
      if (call.label === 'report as admin') expect(reply.body.length).toBeGreaterThan(10_000);
      // a forged token: refused wherever a user is needed (the public statistics are not)
      const forged = await threeTimes({ ...call, label: `${call.label}, forged token`, who: 'forged' });
      if (!expectAnsweredWhenSuccessful(`${call.label}, forged token`, forged.reply, forged.answeredHere)) {
        expect(JSON.parse(forged.reply.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(successes).toBeGreaterThan(8);
  }, 120_000);

  it('inputs: defaults, coercion, refusals before execution and field errors', async () => {
    for (const call of inputCalls(fx)) {
      const { reply, answeredHere } = await threeTimes(call);
      expectAnsweredWhenSuccessful(call.label, reply, answeredHere);
    }
  }, 120_000);

  it('bodies Apollo reads differently, and every Accept header, are answered as Apollo answers them', async () => {
    const me = { label: 'me', query: 'query Me { me { id username } }', operationName: 'Me', who: 'admin' };
    await threeTimes(me);
    const bodies: Array<[string, unknown]> = [
      ['extensions', { query: me.query, operationName: 'Me', extensions: { x: 1 } }],
      ['persisted query', { query: me.query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
      ['variables as text', { query: me.query, variables: '{}' }],
      ['variables as a list', { query: me.query, variables: [] }],
      ['operation name as a number', { query: me.query, operationName: 7 }],
      ['an empty operation name', { query: me.query, operationName: '' }],
      ['null operation name and variables', { query: me.query, operationName: null, variables: null }],
      ['a batch', [{ query: me.query }]],
      ['no query', { operationName: 'Me' }],
      ['an empty query', { query: '' }],
      ['an unknown key', { query: me.query, operationName: 'Me', id: 'x' }],
    ];
    for (const [label, body] of bodies) {
      const { answeredHere } = await threeTimes({ ...me, label }, {}, JSON.stringify(body));
      // only the plain shapes are answered by the path
      expect(answeredHere, label).toBe(label === 'null operation name and variables' ? 1 : 0);
    }
    for (const accept of ['application/json', 'application/graphql-response+json', 'application/json;q=0.5, application/graphql-response+json', '*/*', 'text/html', 'application/xml']) {
      const { reply, answeredHere } = await threeTimes({ ...me, label: `Accept: ${accept}` }, { accept });
      expect(answeredHere, accept).toBe(reply.status === 200 ? 1 : 0);
      if (accept === 'application/graphql-response+json') expect(reply.contentType).toBe('application/graphql-response+json; charset=utf-8');
      if (accept === 'text/html') expect(reply.status).toBe(406);
    }
  });

  it('the operation checks run on the prepared path: a password an administrator set allows nothing but changing it', async () => {
    // a public query: nothing but the gate refuses it, so a path skipping the check would answer it
    const call = { label: 'statistics before a password change', query: `{ publicStatistics(year: ${fx.year - 1}) { year reportCount } }`, who: 'preparer' };
    const { answeredHere } = await threeTimes(call);
    expect(answeredHere).toBe(1);
    const users = env.db.dataSource.getRepository(User);
    await users.update({ username: 'wenlv.preparer' }, { mustChangePassword: true });
    try {
      const { reply, answeredHere: after } = await threeTimes(call);
      expect(after).toBe(0);
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await users.update({ username: 'wenlv.preparer' }, { mustChangePassword: false });
    }
  });

  it('counts its answers in the metrics, under the operation name', async () => {
    const call = { label: 'metrics', query: 'query PreparedMetrics { me { id } }', operationName: 'PreparedMetrics', who: 'admin' };
    const counted = async () =>
      ((await registry.getSingleMetric('touming_graphql_requests_total')?.get())?.values ?? []).find((v) => v.labels.operation === 'query me')?.value ?? 0;
    const before = await counted();
    const { answeredHere } = await threeTimes(call);
    expect(answeredHere).toBe(1);
    expect((await counted()) - before).toBe(3);
  });

  it('is off when another plugin with request hooks is installed (it could not stand in for it)', async () => {
    const api = await createApi(env.db.dataSource, { jwtSecret: TEST_SECRET, jwtTtl: '1h', production: false }, { plugins: [{ requestDidStart: async () => ({}) }] });
    await api.apollo.start();
    try {
      expect(api.prepared.enabled).toBe(true);
      expect(api.prepared.active).toBe(false);
    } finally {
      await api.apollo.stop();
    }
  });

  it('nothing is reported to Apollo\'s hosted services even with APOLLO_KEY set, and the path stays on', async () => {
    const saved = { key: process.env.APOLLO_KEY, ref: process.env.APOLLO_GRAPH_REF };
    process.env.APOLLO_KEY = 'service:touming-test:not-a-real-key';
    process.env.APOLLO_GRAPH_REF = 'touming-test@current';
    try {
      const api = await createApi(env.db.dataSource, { jwtSecret: TEST_SECRET, jwtTtl: '1h', production: false });
      await api.apollo.start();
      try {
        const plugins = (api.apollo as unknown as { internals: { plugins: Array<{ __internal_plugin_id__?: string; __is_disabled_plugin__?: boolean }> } }).internals.plugins;
        for (const id of ['UsageReporting', 'SchemaReporting', 'InlineTrace']) {
          expect(plugins.filter((p) => p.__internal_plugin_id__ === id).map((p) => p.__is_disabled_plugin__), id).toEqual([true]);
        }
        expect(api.prepared.active).toBe(true);
      } finally {
        await api.apollo.stop();
      }
    } finally {
      if (saved.key === undefined) delete process.env.APOLLO_KEY;
      else process.env.APOLLO_KEY = saved.key;
      if (saved.ref === undefined) delete process.env.APOLLO_GRAPH_REF;
      else process.env.APOLLO_GRAPH_REF = saved.ref;
    }
  });
});

describe('the prepared documents are bounded', () => {
  it('by count and by characters of query text (a stranger cannot grow it without limit)', async () => {
    const schema = buildSchema('type Query { a: Int }');
    const prepared = new PreparedOperations({ schema, checks: [], run: async () => ({ data: {} }), enabled: true, maxDocuments: 3, maxChars: 100 });
    const hooks = await prepared.recorder().requestDidStart!({} as never);
    const see = async (query: string) => {
      const document = parse(query);
      await hooks!.didResolveOperation!({ source: query, document, operation: document.definitions[0] as OperationDefinitionNode, queryHash: query, request: {} } as never);
    };
    await see('{ a }');
    await see('{ a b: a }');
    await see('{ a c: a }');
    expect(prepared.size).toBe(3);
    await see('{ a d: a }');
    expect(prepared.size).toBe(3);
    // one document longer than the whole budget is not kept at all
    await see(`{ ${'a '.repeat(60)}}`);
    expect(prepared.size).toBe(3);
    // 40 characters each: the budget of 100 holds two of them
    await see(`{ a ${'e: a '.repeat(7)}}`);
    await see(`{ a ${'f: a '.repeat(7)}}`);
    expect(prepared.size).toBeLessThanOrEqual(3);
    await see(`{ a ${'g: a '.repeat(7)}}`);
    expect(prepared.size).toBe(2);
  });
});
