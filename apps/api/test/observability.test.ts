/**
 * Logs and metrics over real HTTP: a login's log lines carry the request id and operation but never
 * the password or the token; /metrics exposes the named series after a few requests.
 */
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/observability';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/seed/demo-data';
import { seedDemo } from '../src/seed/seed';
import { TEST_SECRET } from './support/api';
import { DIALECTS, openTestDatabase, type TestDatabase } from './support/databases';

const METRICS_TOKEN = 'observability-metrics-token';

describe.each(DIALECTS)('observability on %s', (dialect) => {
  let db: TestDatabase;
  let http: HttpApp;
  let base: string;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedDemo(db.dataSource);
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const config = { ...loadConfig({ JWT_SECRET: TEST_SECRET, SEED_DEMO: '0', METRICS_TOKEN: METRICS_TOKEN }), adminDist: '/nonexistent' };
    http = await createHttpApp(db.dataSource, config, createLogger(sink));
    await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => http.server.close(() => resolve()));
    await http.api.apollo.stop();
    await db.drop();
  });

  async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { res, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
  }

  const LOGIN = 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

  it('logs one JSON line per request with request id, user id and operation, and no password or token', async () => {
    const username = DEMO_USERS[0].username;
    const { res, body } = await gql(LOGIN, { u: username, p: DEMO_PASSWORD });
    const token: string = body.data.login.token;
    expect(token.length).toBeGreaterThan(20);
    const loginRequestId = res.headers.get('x-request-id');
    const me = await gql('query Me { me { id } }', {}, token);
    const wrong = await gql(LOGIN, { u: username, p: 'wrong-password-xyz' });
    expect(wrong.body.errors?.length).toBeGreaterThan(0);

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const loginLine = parsed.find((l) => l.requestId === loginRequestId);
    expect(loginLine).toMatchObject({ path: '/graphql', status: 200, operation: 'mutation login', userId: null });
    const meLine = parsed.find((l) => l.requestId === me.res.headers.get('x-request-id'));
    expect(meLine).toMatchObject({ operation: 'query me', userId: me.body.data.me.id });

    const all = lines.join('\n');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('wrong-password-xyz');
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[2]); // not even the signature
  });

  it('GET /metrics exposes requests, latency and errors per operation, the DB pool and audit appends', async () => {
    await gql('query Me { me { id } }');
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(series + ' '));
      return line ? Number(line.slice(series.length + 1)) : NaN;
    };
    expect(value('touming_graphql_requests_total{operation="mutation login"}')).toBeGreaterThanOrEqual(2);
    expect(value('touming_graphql_request_duration_seconds_count{operation="query me"}')).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^touming_graphql_request_duration_seconds_bucket\{le="0\.1",operation="mutation login"\} \d+$/m);
    expect(text).toMatch(/^touming_graphql_errors_total\{operation="mutation login",code="[A-Z_]+"\} [1-9]\d*$/m);
    // the successful and the failed login each append to the audit chain
    expect(value('touming_audit_appends_total')).toBeGreaterThanOrEqual(2);
    if (dialect === 'mysql') {
      expect(value('touming_db_pool_connections{role="primary",state="open"}')).toBeGreaterThanOrEqual(1);
      expect(value('touming_db_pool_connections{role="primary",state="in_use"}')).toBeGreaterThanOrEqual(0);
      expect(value('touming_db_pool_connections{role="primary",state="max"}')).toBe(10);
    } else {
      expect(value('touming_db_pool_connections{role="primary",state="open"}')).toBe(1);
    }
    expect(text).toContain('touming_process_cpu_seconds_total');
  });
});
