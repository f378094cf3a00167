/**
 * Self-service password change: only with the current password (a wrong one is audited and counts as a
 * failed login), the policy applies, every other session ends and the caller continues with the new
 * token; the old password no longer signs in. On SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode } from '../workflow/helpers';

const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { username } } }`;
const NEW_PASSWORD = 'Yanchi-Wenlv-Office-2027';

describe.each(DIALECTS)('changePassword on %s', (dialect) => {
  let env: SeededEnv;

  beforeAll(async () => {
    env = await seededEnv(dialect);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('needs a signed-in user and the current password; a wrong one is audited and counted like a failed login', async () => {
    expectCode(await env.api.gql(CHANGE, { c: 'touming-demo', n: NEW_PASSWORD }), 'UNAUTHENTICATED');
    const token = await env.api.login('wenlv.reviewer');
    expectCode(await env.api.gql(CHANGE, { c: 'not-my-password', n: NEW_PASSWORD }, token), 'UNAUTHENTICATED', '当前密码不正确');
    const entry = (await env.api.lastAudit())!;
    expect(entry.action).toBe('user.passwordChange.failed');
    expect(JSON.stringify(entry.detail)).not.toContain('not-my-password');
    const bucket = (await env.db.dataSource.query(`SELECT ${dialect === 'mysql' ? '`count`' : '"count"'} AS n FROM rate_limit_bucket WHERE ${dialect === 'mysql' ? '`key`' : '"key"'} = ?`, ['login:user:wenlv.reviewer'])) as Array<{ n: number }>;
    expect(Number(bucket[0]?.n ?? 0)).toBeGreaterThanOrEqual(1);
    // the session is still valid: nothing changed
    expect((await env.api.ok(`{ me { username } }`, {}, token)).me.username).toBe('wenlv.reviewer');
  });

  it('applies the password policy and refuses the same password', async () => {
    const token = await env.api.login('wenlv.approver');
    expectCode(await env.api.gql(CHANGE, { c: 'touming-demo', n: '12345678' }, token), 'BAD_USER_INPUT');
    expectCode(await env.api.gql(CHANGE, { c: 'touming-demo', n: 'wenlv.approver-2027!' }, token), 'BAD_USER_INPUT');
    expectCode(await env.api.gql(CHANGE, { c: 'touming-demo', n: 'touming-demo' }, token), 'BAD_USER_INPUT');
  });

  it('changes it: other sessions end, this one continues with the new token, the old password fails, the new one works', async () => {
    const first = await env.api.login('wenlv.preparer');
    const second = await env.api.login('wenlv.preparer');
    const result = await env.api.ok(CHANGE, { c: 'touming-demo', n: NEW_PASSWORD }, first);
    expect(result.changePassword.user.username).toBe('wenlv.preparer');
    const entry = (await env.api.lastAudit())!;
    expect(entry).toMatchObject({ action: 'user.passwordChange', detail: { sessionsRevoked: true } });
    expect(JSON.stringify(entry.detail)).not.toContain(NEW_PASSWORD);
    expectCode(await env.api.gql(`{ reports { totalItems } }`, {}, second), 'UNAUTHENTICATED');
    expectCode(await env.api.gql(`{ reports { totalItems } }`, {}, first), 'UNAUTHENTICATED');
    expect((await env.api.ok(`{ me { username } }`, {}, result.changePassword.token)).me.username).toBe('wenlv.preparer');
    await expect(env.api.login('wenlv.preparer')).rejects.toThrow();
    expect(await env.api.login('wenlv.preparer', NEW_PASSWORD)).toBeTruthy();
  });
});
