/**
 * Authentication hardening: login throttling per account and per address kept in the database,
 * locks that end by themselves, no user enumeration (message, lockout or timing), sessions revoked
 * on role change and deactivation, and no production start with a weak JWT secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtSecretProblem, loadConfig } from '../src/config';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { verifyAuditChain } from '../src/modules/audit/audit.service';
import { AuthService } from '../src/modules/auth/auth.service';
import { LoginThrottle } from '../src/modules/auth/login-throttle';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { codeOf, type GqlResult } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

describe.each(DIALECTS)('login hardening on %s', (dialect) => {
  let env: SeededEnv;
  let now = Date.UTC(2025, 0, 6, 9, 0, 0);
  let throttle: LoginThrottle;

  /** a login as sent from `ip` (the HTTP layer fills ctx.ip from the socket) */
  async function login(username: string, password: string, ip: string): Promise<GqlResult> {
    const contextValue = await env.api.api.contextFor(undefined, { ip });
    const response = await env.api.api.apollo.executeOperation({ query: LOGIN, variables: { u: username, p: password } }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GqlResult;
  }
  const audits = (action: string) => env.api.dataSource.manager.find(AuditEntry, { where: { action }, order: { id: 'ASC' } });

  beforeAll(async () => {
    env = await seededEnv(dialect);
    throttle = env.api.api.container.get(AuthService).throttle.configure({ clock: () => now });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('locks an account after 5 failures for 30 s (even for the right password, from any address), then lets the owner in', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await login('wenlv.reviewer', `guess-${i}`, `198.51.100.${i}`);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toBe('用户名或密码错误');
    }
    const [lockout] = (await audits('auth.lockout')).filter((e) => e.detail?.username === 'wenlv.reviewer');
    expect(lockout.detail).toMatchObject({ scope: 'account', failures: 5, lockSeconds: 30 });

    const refused = await login('wenlv.reviewer', DEMO_PASSWORD, '203.0.113.7');
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions).toMatchObject({ retryAfter: 30, scope: 'account' });
    expect(refused.errors![0].message).toContain('30 秒后再试');
    // a second instance over the same database sees the same lock
    const ds = env.api.dataSource;
    expect(await new LoginThrottle().configure({ clock: () => now }).refusal(ds.manager, 'WENLV.reviewer', '192.0.2.1')).toMatchObject({ scope: 'account' });

    now += 31_000;
    const ok = await login('wenlv.reviewer', DEMO_PASSWORD, '203.0.113.7');
    expect(ok.errors).toBeUndefined();
    // the success cleared the count: one more failure does not lock again
    expect(codeOf(await login('wenlv.reviewer', 'guess-again', '203.0.113.7'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login('wenlv.reviewer', DEMO_PASSWORD, '203.0.113.7'))).toBeUndefined();
  });

  it('backs off exponentially, capped at 15 minutes: an attacker cannot lock an account for longer', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 50].map((n) => throttle.lockSeconds(n))).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('refused attempts are not counted and cost no password check; each new failure after a lock doubles it', async () => {
    for (let i = 0; i < 5; i++) await login('wenlv.approver', `guess-${i}`, '198.51.100.50');
    // locked for 30 s after the 5th failure; hammering during the lock does not lengthen it
    for (let i = 0; i < 5; i++) expect(codeOf(await login('wenlv.approver', 'x', '198.51.100.51'))).toBe('TOO_MANY_REQUESTS');
    now += 29_000;
    expect((await login('wenlv.approver', DEMO_PASSWORD, '198.51.100.52')).errors![0].extensions!.retryAfter).toBe(1);
    now += 1_000;
    // the 6th failure locks for 60 s
    expect(codeOf(await login('wenlv.approver', 'guess-6', '198.51.100.52'))).toBe('UNAUTHENTICATED');
    expect((await login('wenlv.approver', DEMO_PASSWORD, '198.51.100.52')).errors![0].extensions!.retryAfter).toBe(60);
    now += 60_000;
    expect((await login('wenlv.approver', DEMO_PASSWORD, '198.51.100.52')).errors).toBeUndefined();
  });

  it('unknown usernames lock exactly like real ones (a lockout reveals nothing)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await login('no.such.user', `guess-${i}`, '198.51.100.60');
      expect(r.errors![0].message).toBe('用户名或密码错误');
    }
    expect(codeOf(await login('no.such.user', 'guess', '198.51.100.61'))).toBe('TOO_MANY_REQUESTS');
    now += 31_000;
  });

  it('limits failures per address (spraying many accounts), not the other addresses, until the window ends', async () => {
    throttle.configure({ settings: { ipFailures: 3 } });
    try {
      const sprayer = '198.51.100.99';
      for (const u of ['jiaoti.preparer', 'jiaoti.reviewer', 'jiaoti.approver']) expect(codeOf(await login(u, 'Passw0rd!', sprayer))).toBe('UNAUTHENTICATED');
      const refused = await login('jiaoti.secrecy', DEMO_PASSWORD, sprayer);
      expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
      expect(refused.errors![0].extensions).toMatchObject({ scope: 'ip' });
      expect((await audits('auth.lockout')).some((e) => e.detail?.scope === 'ip' && e.detail?.ip === sprayer)).toBe(true);
      // the agency's own office elsewhere is not affected
      expect((await login('jiaoti.secrecy', DEMO_PASSWORD, '203.0.113.20')).errors).toBeUndefined();
      now += 15 * 60_000;
      expect((await login('jiaoti.secrecy', DEMO_PASSWORD, sprayer)).errors).toBeUndefined();
    } finally {
      throttle.configure({ settings: { ipFailures: 30 } });
    }
  });

  it('an unknown user takes about as long as a wrong password (a dummy hash is verified)', async () => {
    const time = async (u: string) => {
      const t0 = performance.now();
      await login(u, 'wrong-password', `198.51.100.${Math.floor(Math.random() * 200)}`);
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const unknown: number[] = [];
    const known: number[] = [];
    const users = ['weijian.preparer', 'weijian.reviewer', 'weijian.approver', 'jiaoti.preparer', 'jiaoti.approver', 'weijian.preparer'];
    for (let i = 0; i < users.length; i++) {
      unknown.push(await time(`ghost.${i}`));
      known.push(await time(users[i]));
    }
    // argon2 dominates both: without the dummy hash an unknown user answers many times faster
    // (a lookup and an insert); the bound is loose because the CI machine is shared
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });

  it('a role change or a deactivation ends the user\'s sessions', async () => {
    const admin = await env.api.login('admin');
    const idOf = async (username: string) =>
      (await env.api.ok(`query($s: String!) { users(filter: { search: $s }) { items { id username } } }`, { s: username }, admin)).users.items.find(
        (u: { username: string }) => u.username === username,
      ).id;
    const reviewer = await env.api.login('huamachi.reviewer');
    await env.api.ok(`mutation($id: ID!) { updateUser(id: $id, input: { roles: [AGENCY_APPROVER] }) { id } }`, { id: await idOf('huamachi.reviewer') }, admin);
    expect(codeOf(await env.api.gql(`{ me { id } cycles { year } }`, {}, reviewer))).toBe('UNAUTHENTICATED');

    const preparer = await env.api.login('huamachi.preparer');
    await env.api.ok(`mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }`, { id: await idOf('huamachi.preparer') }, admin);
    expect(codeOf(await env.api.gql(`{ cycles { year } }`, {}, preparer))).toBe('UNAUTHENTICATED');
    // and no new session: the right password of a deactivated account is refused
    expect(codeOf(await env.api.gql(LOGIN, { u: 'huamachi.preparer', p: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(await verifyAuditChain(env.db.dataSource)).toMatchObject({ ok: true });
  });
});

describe('JWT secret in production', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' };
  it('refuses a missing, short, placeholder or low-variety secret', () => {
    expect(() => loadConfig(base)).toThrow('JWT_SECRET');
    expect(() => loadConfig({ ...base, JWT_SECRET: 'short-secret' })).toThrow('至少需要 32 个字符');
    expect(() => loadConfig({ ...base, JWT_SECRET: 'CHANGE-ME-to-at-least-32-random-characters' })).toThrow('示例或默认值');
    expect(() => loadConfig({ ...base, JWT_SECRET: 'ab'.repeat(20) })).toThrow('过于简单');
  });
  it('accepts a random secret, and development keeps its generated one', () => {
    const secret = 'q8Zr3kV1xN0pLw7TyB2mC5dH9fJ4sG6u';
    expect(jwtSecretProblem(secret)).toBeNull();
    expect(loadConfig({ ...base, JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });
});
