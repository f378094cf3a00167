import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { verifyAuditChain } from '../src/modules/audit/audit.service';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

describe.each(DIALECTS)('login and the audit chain on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('login succeeds with the demo password and is audited', async () => {
    const data = await env.api.ok(
      `mutation { login(username: "wenlv.reviewer", password: "touming-demo") { token expiresAt user { username roles agency { code } } } }`,
    );
    expect(data.login.user).toEqual({ username: 'wenlv.reviewer', roles: ['AGENCY_REVIEWER'], agency: { code: 'yanchi.wenlv' } });
    expect(new Date(data.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const entry = await env.api.lastAudit();
    expect(entry).toMatchObject({ action: 'auth.login', targetType: 'User' });
    expect(entry!.actorName).toContain('wenlv.reviewer');
    const me = await env.api.ok(`{ me { username } }`, {}, data.login.token);
    expect(me.me.username).toBe('wenlv.reviewer');
  });

  it.each([
    ['a wrong password', 'wenlv.reviewer', 'wrong-password', 'wrong-password'],
    ['an unknown user', 'nobody.here', 'touming-demo', 'unknown-user'],
  ])('login fails with %s: UNAUTHENTICATED, one message, a failure entry', async (_what, username, password, reason) => {
    const before = await env.api.auditCount();
    const result = await env.api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toBe('用户名或密码错误');
    expect(await env.api.auditCount()).toBe(before + 1);
    const entry = await env.api.lastAudit();
    expect(entry).toMatchObject({ action: 'auth.login.failed', actorId: null });
    expect(entry!.detail).toMatchObject({ username, reason });
  });

  it('a forged, expired-looking or revoked token is UNAUTHENTICATED', async () => {
    expect(codeOf(await env.api.gql(`{ cycles { year } }`, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
    const token = await env.api.login('huamachi.approver');
    const users = await env.api.ok(`{ users(filter: { search: "huamachi.approver" }) { items { id } } }`, {}, admin);
    const id = users.users.items[0].id;
    // a new password ends the user's sessions
    await env.api.ok(`mutation($id: ID!) { updateUser(id: $id, input: { password: "New-Password-2026" }) { id } }`, { id }, admin);
    expect(codeOf(await env.api.gql(`{ cycles { year } }`, {}, token))).toBe('UNAUTHENTICATED');
    expect(await env.api.login('huamachi.approver', 'New-Password-2026')).toBeTruthy();
    const entry = await env.api.dataSource.manager.findOne(AuditEntry, { where: { action: 'user.update', targetId: id } });
    expect(entry!.detail).toMatchObject({ passwordChanged: true, sessionsRevoked: true });
    expect(JSON.stringify(entry!.detail)).not.toContain('New-Password-2026');
  });

  it('concurrent writers leave one unbroken, gap-free chain', async () => {
    const tokens = await Promise.all(['wenlv.preparer', 'jiaoti.preparer', 'weijian.preparer', 'huamachi.preparer'].map((u) => env.api.login(u)));
    const codes = ['yanchi.wenlv', 'yanchi.jiaoti', 'yanchi.weijian', 'yanchi.huamachi'];
    const ids = await Promise.all(codes.map((c) => env.reportId(c, env.demo.currentYear)));
    const updates = () => env.api.dataSource.manager.count(AuditEntry, { where: { action: 'report.update' } });
    const before = await updates();
    await Promise.all(
      ids.flatMap((id, i) =>
        [0, 1, 2].map(async (n) => {
          // each writer retries on CONFLICT, as a client would
          for (;;) {
            const { report } = await env.api.ok(`query($id: ID!) { report(id: $id) { revision } }`, { id }, tokens[i]);
            const r = await env.api.gql(
              `mutation($id: ID!, $r: Int!, $t: String!) { updateReport(id: $id, expectedRevision: $r, input: { sections: [{ key: "problems", text: $t }] }) { revision } }`,
              { id, r: report.revision, t: `并发写入 ${i}-${n}` },
              tokens[i],
            );
            if (!r.errors) return;
            expect(codeOf(r)).toBe('CONFLICT');
          }
        }),
      ),
    );
    // twelve saves, twelve update entries (other modules may add entries of their own, e.g. voided signatures)
    expect(await updates()).toBe(before + 12);
    const ids2 = (await env.api.dataSource.manager.find(AuditEntry, { select: { id: true }, order: { id: 'ASC' } })).map((e) => Number(e.id));
    expect(ids2).toEqual(ids2.map((_, i) => i + 1));
    expect(await verifyAuditChain(env.db.dataSource)).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('an UPDATE made by hand on one audit row is reported at that row', async () => {
    const ok = await verifyAuditChain(env.db.dataSource);
    expect(ok.ok).toBe(true);
    const victim = await env.api.dataSource.manager.findOneOrFail(AuditEntry, { where: { action: 'auth.login.failed' }, order: { id: 'ASC' } });
    const table = env.db.dialect === 'mysql' ? '`audit_entry`' : '"audit_entry"';
    const column = env.db.dialect === 'mysql' ? '`actorName`' : '"actorName"';
    await env.db.dataSource.query(`UPDATE ${table} SET ${column} = 'someone else' WHERE id = ${Number(victim.id)}`);
    expect(await verifyAuditChain(env.db.dataSource)).toEqual({ ok: false, checked: Number(victim.id) - 1, firstBrokenId: Number(victim.id) });
  });
});
