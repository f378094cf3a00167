/**
 * Accounts and input: the password policy wherever a password is set through the API,
 * every free-text input bounded before it reaches a row or the audit trail, tokens without an expiry
 * (or living longer than JWT_TTL) refused, production's secret check and error messages without
 * schema hints. On SQLite and MariaDB.
 */
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/app';
import { DEFAULT_TEXT_LIMIT, textLimit } from '../../src/common/input-bounds';
import { jwtSecretProblem, loadConfig } from '../../src/config';
import { User } from '../../src/modules/users/user.entity';
import { codeOf, TEST_SECRET } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

describe('production configuration', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' };
  it('refuses made-up secrets of enough length and variety: repeated pieces, runs of the alphabet', () => {
    expect(jwtSecretProblem('abcdefghij'.repeat(3) + 'ab')).toContain('过于简单');
    expect(() => loadConfig({ ...base, JWT_SECRET: 'abcdefghij'.repeat(3) + 'ab' })).toThrow('过于简单');
    expect(jwtSecretProblem('Xq-abcdefghijklmnop-7Zk2Lw9Rt4Vb8Nm')).toContain('过于简单');
    // what `openssl rand -base64 48` and `-hex 32` give is accepted
    expect(jwtSecretProblem('q8Zr3kV1xN0pLw7TyB2mC5dH9fJ4sG6uYt1Re8Wq5Ez0Ua3Io7Pl')).toBeNull();
    expect(jwtSecretProblem('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBeNull();
  });
  it('refuses a short METRICS_TOKEN and a bad METRICS_PORT or HSTS_MAX_AGE', () => {
    const dev = { DATABASE_URL: 'sqlite::memory:', JWT_SECRET: TEST_SECRET };
    expect(() => loadConfig({ ...dev, METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN');
    expect(() => loadConfig({ ...dev, METRICS_PORT: '70000' })).toThrow('METRICS_PORT');
    expect(() => loadConfig({ ...dev, HSTS_MAX_AGE: '-1' })).toThrow('HSTS_MAX_AGE');
    expect(() => loadConfig({ ...dev, TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY');
    expect(loadConfig(dev)).toMatchObject({ trustProxy: false, metricsToken: null, metricsPort: null, hstsMaxAge: 0 });
  });
});

describe('text limits (no database)', () => {
  it('every argument has a bound: the default for names and comments, more only where long text belongs', () => {
    expect(textLimit('login.username')).toBe(64);
    expect(textLimit('returnReport.comment')).toBe(DEFAULT_TEXT_LIMIT);
    expect(textLimit('some.future.argument')).toBe(DEFAULT_TEXT_LIMIT);
    expect(textLimit('updateReport.input.sections.text')).toBe(65_535);
  });
});

describe.each(DIALECTS)('accounts and input on %s', (dialect) => {
  let env: SeededEnv;
  let admin = '';
  let agencyId = '';
  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
    agencyId = await env.agencyId('yanchi.wenlv');
  });
  afterAll(async () => {
    await env?.close();
  });

  const CREATE = 'mutation($input: UserInput!) { createUser(input: $input) { id } }';
  const input = (username: string, password: string) => ({ username, displayName: '策略测试', password, agencyId, roles: ['AGENCY_PREPARER'] });

  it('createUser refuses a password that fails the policy, with its reason, and creates nobody', async () => {
    for (const [password, reason] of [
      ['short-1A', '至少需要 12 个字符'],
      ['alllowercaseletters', '至少 3 类'],
      ['Password1234', '常见密码'],
      ['Policy.Test#2026', '用户名'],
      ['x'.repeat(200) + 'A1', '最多 128 个字符'],
    ] as const) {
      const r = await env.api.gql(CREATE, { input: input('policy.test', password) }, admin);
      expect(codeOf(r), password).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain(reason);
    }
    expect(await env.db.dataSource.manager.count(User, { where: { username: 'policy.test' } })).toBe(0);
    const ok = await env.api.gql(CREATE, { input: input('policy.test', 'Kx7#mQ2vLp9w') }, admin);
    expect(ok.errors).toBeUndefined();
    expect(await env.api.login('policy.test', 'Kx7#mQ2vLp9w')).toBeTruthy();
  });

  it('updateUser applies the same policy (the username counts) and keeps the old password when refused', async () => {
    const id = (await env.db.dataSource.manager.findOneByOrFail(User, { username: 'policy.test' })).id;
    const UPDATE = 'mutation($id: ID!, $p: String) { updateUser(id: $id, input: { password: $p }) { id } }';
    const weak = await env.api.gql(UPDATE, { id, p: 'policy.test-Pw1' }, admin);
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].message).toContain('用户名');
    expect(await env.api.login('policy.test', 'Kx7#mQ2vLp9w')).toBeTruthy();
    expect((await env.api.gql(UPDATE, { id, p: 'Ningxia-Caves-7' }, admin)).errors).toBeUndefined();
    expect(await env.api.login('policy.test', 'Ningxia-Caves-7')).toBeTruthy();
  });

  it('a 1.5-million-character user name is refused before the login runs: no audit entry', async () => {
    const before = await env.api.auditCount();
    const r = await env.api.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'a'.repeat(1_500_000), p: 'x' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('login.username 最多 64 个字符');
    expect(await env.api.auditCount()).toBe(before);
    // a literal in the query text is bounded the same way as a variable
    const literal = await env.api.gql(`mutation { login(username: "${'b'.repeat(65)}", password: "x") { token } }`);
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
  });

  it('comments, reasons and names going into the audit detail are bounded; long text only where it belongs', async () => {
    const before = await env.api.auditCount();
    const reportId = await env.reportId('yanchi.wenlv', 2024);
    const returned = await env.api.gql('mutation($id: ID!, $c: String!) { returnReport(id: $id, comment: $c) { id } }', { id: reportId, c: '意见'.repeat(1001) }, admin);
    expect(codeOf(returned)).toBe('BAD_USER_INPUT');
    expect(returned.errors![0].extensions!.field).toBe('returnReport.comment');
    const named = await env.api.gql(CREATE, { input: { ...input('long.name', 'Kx7#mQ2vLp9w'), displayName: '名'.repeat(DEFAULT_TEXT_LIMIT + 1) } }, admin);
    expect(named.errors![0].extensions!.field).toBe('createUser.input.displayName');
    const search = await env.api.gql('query($s: String) { users(filter: { search: $s }) { totalItems } }', { s: '%'.repeat(100_000) }, admin);
    expect(codeOf(search)).toBe('BAD_USER_INPUT');
    expect(await env.api.auditCount()).toBe(before);
    // a narrative section may be long (its own limit is 65,535 UTF-8 bytes)
    const preparer = await env.api.login('wenlv.preparer');
    const draft = (await env.api.ok('{ reports(filter: { status: DRAFT }) { items { id revision agencyId } } }', {}, preparer)).reports.items[0];
    const long = await env.api.gql(
      'mutation($id: ID!, $r: Int!, $t: String!) { updateReport(id: $id, expectedRevision: $r, input: { sections: [{ key: "problems", text: $t }] }) { id } }',
      { id: draft.id, r: draft.revision, t: '问题'.repeat(5000) },
      preparer,
    );
    expect(long.errors).toBeUndefined();
  });

  it('a token without an expiry, or living longer than JWT_TTL, is refused even when signed with the secret', async () => {
    const user = await env.db.dataSource.manager.findOneByOrFail(User, { username: 'admin' });
    const ME = '{ users(options: { take: 1 }) { totalItems } }';
    const forever = jwt.sign({ sub: user.id, tv: user.tokenVersion }, TEST_SECRET, { algorithm: 'HS256', issuer: 'touming' });
    expect(codeOf(await env.api.gql(ME, {}, forever))).toBe('UNAUTHENTICATED');
    const tenYears = jwt.sign({ sub: user.id, tv: user.tokenVersion }, TEST_SECRET, { algorithm: 'HS256', issuer: 'touming', expiresIn: '3650d' });
    expect(codeOf(await env.api.gql(ME, {}, tenYears))).toBe('UNAUTHENTICATED');
    // the test API's JWT_TTL is 1 h: a token of that lifetime is accepted
    const hour = jwt.sign({ sub: user.id, tv: user.tokenVersion }, TEST_SECRET, { algorithm: 'HS256', issuer: 'touming', expiresIn: '1h' });
    expect((await env.api.gql(ME, {}, hour)).errors).toBeUndefined();
  });

  it('production error messages do not suggest field, argument or enum names', async () => {
    const prod = await createApi(env.db.dataSource, { jwtSecret: TEST_SECRET, jwtTtl: '1h', production: true });
    await prod.apollo.start();
    try {
      const run = async (query: string, variables: Record<string, unknown> = {}) => {
        const contextValue = await prod.contextFor(undefined);
        const response = await prod.apollo.executeOperation({ query, variables }, { contextValue });
        return (response.body as { singleResult: { errors?: { message: string }[] } }).singleResult.errors ?? [];
      };
      const field = await run('{ publicAgencie { id } }');
      expect(field[0].message).toContain('Cannot query field');
      expect(field[0].message).not.toContain('Did you mean');
      const enumValue = await run('query($k: AgencyKind) { publicAgencies(kind: $k) { id } }', { k: 'DEPARTMEN' });
      expect(enumValue.length).toBeGreaterThan(0);
      expect(enumValue.map((e) => e.message).join(' ')).not.toContain('Did you mean');
      // development keeps the hints (they help the people building the console)
      const dev = await env.api.gql('{ publicAgencie { id } }');
      expect(dev.errors![0].message).toContain('Did you mean');
    } finally {
      await prod.apollo.stop();
    }
  });
});
