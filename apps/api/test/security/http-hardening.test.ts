/**
 * The HTTP layer against an outside attacker: security headers and the sandboxed HTML
 * report, /metrics only to a token or on its own port with bounded labels, proxy headers believed
 * only when configured, the per-IP limit answered 429 + Retry-After on /graphql and counting refused
 * requests, query size bounded at parse time, downloads limited unless the token is valid.
 * Over real HTTP, on SQLite and MariaDB.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetricsServer } from '../../src/http/metrics-endpoint';
import { MAX_QUERY_CHARS, MAX_QUERY_TOKENS } from '../../src/http/graphql-guards';
import { securityHeaders } from '../../src/http/security-headers';
import { parseTrustProxy } from '../../src/http/trust-proxy';
import { depthLimit } from '../../src/common/query-limits';
import { AuthService } from '../../src/modules/auth/auth.service';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { seedDemo } from '../../src/seed/seed';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { codeOfReply, post, startHttp, type HttpEnv } from '../support/http';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const METRICS_TOKEN = 'hardening-metrics-token-0123';

describe('proxy, headers and parser settings (no database)', () => {
  it('TRUST_PROXY: off by default; hop counts and address lists; trusting everyone is refused', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseTrustProxy('true')).toThrow('伪造');
    expect(() => parseTrustProxy('not-an-address')).toThrow('TRUST_PROXY 无法识别');
  });

  it('whose address counts: the peer (off), the last proxy hop (1), or the hop after a trusted range', async () => {
    const ipFor = async (trust: string, xff: string) => {
      const app = express().set('trust proxy', parseTrustProxy(trust));
      app.get('/', (req, res) => void res.send(req.ip));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      try {
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'x-forwarded-for': xff } });
        return (await res.text()).replace(/^::ffff:/, '');
      } finally {
        server.close();
      }
    };
    // a client forging its own header in front of one proxy that appends the real address
    const xff = '6.6.6.6, 203.0.113.9';
    expect(await ipFor('off', xff)).toBe('127.0.0.1');
    expect(await ipFor('1', xff)).toBe('203.0.113.9');
    expect(await ipFor('loopback', xff)).toBe('203.0.113.9');
    expect(await ipFor('10.0.0.0/8', xff)).toBe('127.0.0.1');
  });

  it('HSTS only when configured', async () => {
    const headersOf = async (hstsMaxAge: number) => {
      const app = express().use(securityHeaders({ production: true, hstsMaxAge }));
      app.get('/', (_req, res) => void res.send('ok'));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      try {
        return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers;
      } finally {
        server.close();
      }
    };
    expect((await headersOf(0)).get('strict-transport-security')).toBeNull();
    expect((await headersOf(31_536_000)).get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('the depth limit survives 200,000 duplicate fields (it spread them into Math.max and overflowed: a 500)', () => {
    const schema = buildSchema('type Query { me: User } type User { id: ID }');
    const document = parse(`{ me { ${'id '.repeat(200_000)}} }`);
    expect(() => validate(schema, document, [...specifiedRules, depthLimit(12)])).not.toThrow();
  });
});

describe.each(DIALECTS)('HTTP hardening on %s', (dialect) => {
  let db: TestDatabase;
  let env: HttpEnv;
  let limiter: PublicRateLimiter;
  let now = Date.UTC(2025, 0, 1, 0, 0, 5);
  let admin = '';

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedDemo(db.dataSource);
    env = await startHttp(db, { METRICS_TOKEN });
    limiter = env.http.api.container.get(PublicRateLimiter);
    limiter.configure({ settings: { limit: 10_000, windowSeconds: 60 }, clock: () => now });
    admin = (await post(env.base, { query: LOGIN, variables: { u: 'admin', p: DEMO_PASSWORD } })).body.data.login.token;
  });
  afterAll(async () => {
    await env?.close();
    await db?.drop();
  });

  /** a fresh window with `limit` anonymous requests per address */
  function limitTo(limit: number) {
    now += 120_000;
    limiter.configure({ settings: { limit, windowSeconds: 60 } });
  }

  it('every response carries CSP (frame-ancestors none), nosniff, Referrer-Policy and X-Frame-Options; no HSTS by default', async () => {
    const res = await fetch(`${env.base}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const gql = await post(env.base, { query: '{ me { id } }' });
    expect(gql.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('an HTML report download is sandboxed by its own CSP (no script, no same-origin access)', async () => {
    const list = await post(env.base, { query: '{ publicReports(options: { take: 1 }) { items { id } } }' });
    const id = list.body.data.publicReports.items[0].id;
    const res = await fetch(`${env.base}/download/reports/${id}.html`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('/metrics needs the token; without METRICS_TOKEN it is not served; METRICS_PORT serves it alone', async () => {
    expect((await fetch(`${env.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${env.base}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const ok = await fetch(`${env.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('touming_graphql_requests_total');

    const closed = await startHttp(db);
    try {
      expect((await fetch(`${closed.base}/metrics`)).status).toBe(404);
    } finally {
      await closed.close();
    }
    const separate = await startHttp(db, { METRICS_PORT: '9464', METRICS_TOKEN });
    const metrics = separate.http.metricsServer!;
    await new Promise<void>((resolve) => metrics.listen(0, '127.0.0.1', resolve));
    try {
      // with a port of its own, the main port has no /metrics even for the token
      expect((await fetch(`${separate.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
      const port = (metrics.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => metrics.close(() => resolve()));
      await separate.close();
    }
    expect(createMetricsServer().listening).toBe(false);
  });

  it('metric labels stay bounded: 60 operations of varying root fields add at most two values per root field', async () => {
    const roots = ['me { id }', 'formats { id }', 'cycles { year }', 'publicAgencies { id }', 'auditEntries { totalItems }', 'agencies { totalItems }', 'users { totalItems }', 'reports { totalItems }'];
    for (let i = 0; i < 60; i++) {
      // a different combination of root fields each time (the old label named up to four of them)
      const picked = roots.filter((_, j) => ((i + 1) >> j) & 1);
      const r = await post(env.base, { query: `{ ${picked.join(' ')} }` }, { token: admin });
      expect(r.body.errors).toBeUndefined();
    }
    const text = await (await fetch(`${env.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const labels = new Set([...text.matchAll(/^touming_graphql_requests_total\{operation="([^"]*)"\}/gm)].map((m) => m[1]));
    for (const label of labels) expect(label).toMatch(/^(unparsed|(query|mutation) (\w+|…)(,…)?)$/);
    const queryLabels = [...labels].filter((l) => l.startsWith('query '));
    const rootNames = new Set(queryLabels.map((l) => l.replace(/^query /, '').replace(/,…$/, '')));
    expect(queryLabels.length).toBeLessThanOrEqual(rootNames.size * 2);
  });

  it('X-Forwarded-For is ignored by default: forged addresses neither escape the per-IP login limit nor reach the audit trail', async () => {
    const throttle = env.http.api.container.get(AuthService).throttle;
    throttle.configure({ settings: { ipFailures: 4 } });
    try {
      const results = [];
      for (let i = 0; i < 5; i++) {
        // a different unknown user each time, so only the per-address limit can refuse
        results.push(await post(env.base, { query: LOGIN, variables: { u: `nobody.${dialect}.${i}`, p: 'x' } }, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } }));
      }
      expect(results.slice(0, 4).map(codeOfReply)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      expect(codeOfReply(results[4])).toBe('TOO_MANY_REQUESTS');
      expect(results[4].body.errors![0].extensions!.scope).toBe('ip');
      const entries = await db.dataSource.manager.find(AuditEntry, { where: { action: 'auth.login.failed' } });
      const ips = new Set(entries.filter((e) => String((e.detail as { username?: string }).username).startsWith(`nobody.${dialect}.`)).map((e) => (e.detail as { ip: string }).ip.replace(/^::ffff:/, '')));
      expect([...ips]).toEqual(['127.0.0.1']);
    } finally {
      throttle.configure({ settings: { ipFailures: 30 } });
      await db.dataSource.query(dialect === 'mysql' ? "DELETE FROM `rate_limit_bucket` WHERE `key` LIKE 'login:%'" : `DELETE FROM "rate_limit_bucket" WHERE "key" LIKE 'login:%'`);
    }
  });

  it('TOO_MANY_REQUESTS on /graphql is HTTP 429 with Retry-After; the address is then refused before parsing; a signed-in user is not', async () => {
    limitTo(2);
    for (let i = 0; i < 2; i++) expect((await post(env.base, { query: '{ publicAgencies { id } }' })).status).toBe(200);
    const refused = await post(env.base, { query: '{ publicAgencies { id } }' });
    expect(refused.status).toBe(429);
    expect(codeOfReply(refused)).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBe(refused.body.errors![0].extensions!.retryAfter);
    // any further anonymous request — even unparsable junk — is answered 429 without being parsed
    const junk = await post(env.base, '{"query": "{{{{', { raw: true });
    expect(junk.status).toBe(429);
    expect(junk.headers.get('retry-after')).toBeTruthy();
    const signedIn = await post(env.base, { query: '{ publicAgencies { id } }' }, { token: admin });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.errors).toBeUndefined();
  });

  it('anonymous requests refused before execution count against the per-IP limit', async () => {
    limitTo(3);
    const bad = [
      await post(env.base, { query: '{ me { id ' }),
      await post(env.base, { query: '{ noSuchField }' }),
      await post(env.base, { query: '{ me(unknownArgument: 1) { id } }' }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400]);
    const next = await post(env.base, { query: '{ publicAgencies { id } }' });
    expect(next.status).toBe(429);
  });

  it('a query over the token limit is refused by the parser with a Chinese message; over the length limit before parsing', async () => {
    limitTo(10_000);
    const tokens = await post(env.base, { query: `{ me { ${'id '.repeat(MAX_QUERY_TOKENS)}} }` });
    expect(tokens.status).toBe(400);
    expect(codeOfReply(tokens)).toBe('GRAPHQL_PARSE_FAILED');
    expect(tokens.body.errors![0].message).toContain(`超过 ${MAX_QUERY_TOKENS} 个词法单元`);
    // 40,000 aliased fields (360 KB) and 200,000 duplicate fields (600 KB): refused on length, 4xx
    const aliases = await post(env.base, { query: `{ ${Array.from({ length: 40_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors![0].message).toContain(`上限 ${MAX_QUERY_CHARS}`);
    const duplicates = await post(env.base, { query: `{ me { ${'id '.repeat(200_000)}} }` });
    expect(duplicates.status).toBe(400);
    expect(codeOfReply(duplicates)).toBe('BAD_USER_INPUT');
    // the console's queries are far below both limits
    const ok = await post(env.base, { query: '{ me { id } }' }, { token: admin });
    expect(ok.body.data.me.id).toBeTruthy();
  });

  it('downloads: a bogus Authorization header counts as anonymous; a valid token is not limited', async () => {
    limitTo(2);
    const get = (authorization?: string) => fetch(`${env.base}/download/open-data/2024.csv`, { headers: authorization ? { authorization } : {} });
    expect((await get('x')).status).toBe(200);
    expect((await get('Bearer not.a.token')).status).toBe(200);
    const refused = await get('x');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect((await get(`Bearer ${admin}`)).status).toBe(200);
  });
});
