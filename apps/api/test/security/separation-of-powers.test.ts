/**
 * Separation of powers between the county office that manages accounts and the people who sign: a
 * password an administrator sets is one-time (nothing but changing it until then), a signature and
 * the confidentiality conclusion ask for the signer's own password again (step-up: a wrong one is
 * refused, audited and counted like a failed login), a signature by an account an administrator
 * created or empowered days ago is named on the record, and a leader sees what changed since the
 * content they last signed. The demo's accounts keep working as before. On SQLite and MariaDB.
 * Uses 盐池县文化旅游广电局's report of the demo's open year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { changeOneTimePassword, expectCode, ReportClient } from '../workflow/helpers';

const ONE_TIME = 'Given-By-Admin-77';
const OWN = 'Chosen-By-Me-2026!';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { mustChangePassword } } }';

describe.each(DIALECTS)('separation of powers on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let wenlvId: string;
  let wenlv: ReportClient;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
    wenlvId = await env.agencyId('yanchi.wenlv');
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => {
    await env?.close();
  });

  const lastOf = (action: string) => env.api.dataSource.manager.findOne(AuditEntry, { where: { action }, order: { id: 'DESC' } });

  it('the demo accounts are not forced to change their password', async () => {
    for (const username of ['admin', 'wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'wenlv.secrecy']) {
      const r = await env.api.ok(LOGIN, { u: username, p: 'touming-demo' });
      expect(r.login.user.mustChangePassword, username).toBe(false);
    }
  });

  it('a password the administrator set allows nothing but changing it; the change lifts the restriction', async () => {
    const created = await env.api.ok(
      'mutation($i: UserInput!) { createUser(input: $i) { id mustChangePassword adminGrantKind } }',
      { i: { username: 'wenlv.newcomer', displayName: '新同事', password: ONE_TIME, agencyId: wenlvId, roles: ['AGENCY_PREPARER'] } },
      admin,
    );
    expect(created.createUser).toMatchObject({ mustChangePassword: true, adminGrantKind: 'created' });
    const login = await env.api.ok(LOGIN, { u: 'wenlv.newcomer', p: ONE_TIME });
    expect(login.login.user.mustChangePassword).toBe(true);
    const token = login.login.token;
    // every other operation is refused with its own code and a Chinese message, before it runs
    for (const query of ['{ cycles { year } }', '{ me { id } reports { totalItems } }', 'mutation { markNotificationsRead }']) {
      const r = await env.api.gql(query, {}, token);
      expect(codeOf(r), query).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(r.errors![0].message).toContain('请先修改密码');
    }
    expect((await env.api.ok('{ me { username mustChangePassword } }', {}, token)).me).toEqual({ username: 'wenlv.newcomer', mustChangePassword: true });
    const changed = await env.api.ok(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { mustChangePassword } } }',
      { c: ONE_TIME, n: OWN },
      token,
    );
    expect(changed.changePassword.user.mustChangePassword).toBe(false);
    expect((await env.api.ok('{ cycles { year } }', {}, changed.changePassword.token)).cycles.length).toBeGreaterThan(0);
    expect((await lastOf('user.passwordChange'))!.detail).toMatchObject({ replacedOneTimePassword: true });

    // a reset by the administrator is one-time again
    await env.api.ok('mutation($id: ID!) { updateUser(id: $id, input: { password: "Reset-By-Admin-88" }) { id } }', { id: created.createUser.id }, admin);
    const again = await env.api.ok(LOGIN, { u: 'wenlv.newcomer', p: 'Reset-By-Admin-88' });
    expect(again.login.user.mustChangePassword).toBe(true);
    expect(codeOf(await env.api.gql('{ cycles { year } }', {}, again.login.token))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await lastOf('user.update'))!.detail).toMatchObject({ passwordChanged: true, oneTimePassword: true });
  });

  it('a signature needs the signer\'s own password: missing or wrong is STEP_UP_FAILED, audited and counted against the login throttle', async () => {
    const [preparer, reviewer] = await Promise.all(['wenlv.preparer', 'wenlv.reviewer'].map((u) => env.api.login(u)));
    await wenlv.explainAll(preparer);
    let s = await wenlv.state(preparer);
    // the preparer's submission is handing on, not a signature that needs the password
    expect((await env.api.gql('mutation($id: ID!, $h: String!) { submitReport(id: $id, contentHash: $h) { status } }', { id: wenlv.id, h: s.contentHash }, preparer)).errors).toBeUndefined();

    expectCode(await wenlv.sign(reviewer, 'REVIEW', s.contentHash, undefined, ''), 'STEP_UP_FAILED', '本人登录密码');
    const failuresBefore = await env.api.dataSource.query("SELECT `count` AS n FROM rate_limit_bucket WHERE `key` = 'login:user:wenlv.reviewer'".replace(/`/g, dialect === 'sqlite' ? '"' : '`'));
    const wrong = await wenlv.sign(reviewer, 'REVIEW', s.contentHash, undefined, 'not-my-password');
    expectCode(wrong, 'STEP_UP_FAILED', '密码不正确');
    const entry = await lastOf('auth.stepUp.failed');
    expect(entry).toMatchObject({ reportId: wenlv.id, targetType: 'Report' });
    expect(entry!.detail).toMatchObject({ attempted: 'report.review', reason: 'wrong-password' });
    const failuresAfter = await env.api.dataSource.query("SELECT `count` AS n FROM rate_limit_bucket WHERE `key` = 'login:user:wenlv.reviewer'".replace(/`/g, dialect === 'sqlite' ? '"' : '`'));
    expect(Number(failuresAfter[0].n)).toBe(Number(failuresBefore[0]?.n ?? 0) + 1);
    s = await wenlv.state(preparer);
    expect(s.status).toBe('SUBMITTED');

    expect((await wenlv.sign(reviewer, 'REVIEW', s.contentHash)).data!.signReport.status).toBe('REVIEWED');
    expect((await lastOf('report.review'))!.detail).toMatchObject({ stepUp: true });
    // a demo signer is no account an administrator just made: no warning
    const signatures = (await env.api.ok('query($id: ID!) { report(id: $id) { signatures { stage adminGrantWarning } } }', { id: wenlv.id }, preparer)).report.signatures;
    expect(signatures.filter((x: { adminGrantWarning: string | null }) => x.adminGrantWarning)).toEqual([]);
  });

  it('the confidentiality conclusion needs the reviewer\'s own password; a record without a conclusion does not', async () => {
    const secrecy = await env.api.login('wenlv.secrecy');
    const s = await wenlv.state(secrecy);
    expect((await wenlv.review(secrecy, s.contentHash, [], {}, null as never)).errors).toBeUndefined();
    expectCode(await wenlv.review(secrecy, s.contentHash, undefined, {}, null as never), 'STEP_UP_FAILED');
    expectCode(await wenlv.review(secrecy, s.contentHash, undefined, {}, 'wrong-password-1'), 'STEP_UP_FAILED', '密码不正确');
    expect((await lastOf('auth.stepUp.failed'))!.detail).toMatchObject({ attempted: 'confidentiality.review' });
    expect((await wenlv.review(secrecy, s.contentHash)).data!.saveConfidentialityReview.conclusion).toBe('OPEN');
    expect((await lastOf('confidentiality.review'))!.detail).toMatchObject({ stepUp: true, conclusion: 'OPEN' });
  });

  it('an account the administrator created days before signing is named on the signature and in the trail', async () => {
    await env.api.ok(
      'mutation($i: UserInput!) { createUser(input: $i) { id } }',
      { i: { username: 'wenlv.approver2', displayName: '新任局长', password: ONE_TIME, agencyId: wenlvId, roles: ['AGENCY_APPROVER'] } },
      admin,
    );
    const approver = await changeOneTimePassword(env.api, 'wenlv.approver2', ONE_TIME, OWN);
    const s = await wenlv.state(approver);
    expect((await wenlv.sign(approver, 'APPROVE', s.contentHash)).data!.signReport.status).toBe('APPROVED');
    const detail = (await lastOf('report.approve'))!.detail as Record<string, unknown>;
    expect(detail.adminGrant).toMatch(/^该签署账号由管理员于 \d{4}-\d{2}-\d{2} 创建$/);
    const signatures = (await env.api.ok('query($id: ID!) { report(id: $id) { signatures { stage voidedAt adminGrantWarning } } }', { id: wenlv.id }, admin)).report.signatures;
    const approve = signatures.find((x: { stage: string; voidedAt: string | null }) => x.stage === 'APPROVE' && !x.voidedAt);
    expect(approve.adminGrantWarning).toMatch(/^该签署账号由管理员于 .* 创建$/);

    // a signing role given to an existing account is a grant too
    const contributor = (await env.api.ok('{ users(filter: { search: "wenlv.contributor" }) { items { id roles } } }', {}, admin)).users.items[0];
    const updated = await env.api.ok('mutation($id: ID!) { updateUser(id: $id, input: { roles: [AGENCY_CONTRIBUTOR, AGENCY_REVIEWER] }) { adminGrantKind } }', { id: contributor.id }, admin);
    expect(updated.updateUser.adminGrantKind).toBe('role');
    expect((await lastOf('user.update'))!.detail).toMatchObject({ signingGrant: 'role' });
  });

  it('与上次签署版本对比: the base is the content the signer last signed, else the previous stage\'s', async () => {
    const [preparer, reviewer] = await Promise.all(['wenlv.preparer', 'wenlv.reviewer'].map((u) => env.api.login(u)));
    const BASE = 'query($id: ID!, $s: SignatureStage!) { report(id: $id) { contentHash signComparisonBase(stage: $s) { kind label stage same available contentHash cells { key value } sections { key text } } } }';
    // before a return the reviewer's own last signature is the current content
    let r = (await env.api.ok(BASE, { id: wenlv.id, s: 'REVIEW' }, reviewer)).report;
    expect(r.signComparisonBase).toMatchObject({ kind: 'own', stage: 'REVIEW', same: true, available: true });

    expect((await wenlv.returnTo(reviewer, '请核对第五部分')).errors).toBeUndefined();
    await wenlv.edit(preparer, { sections: [{ key: 'other', text: '本年度未收取信息处理费，特此说明。' }] });
    await wenlv.explainAll(preparer);
    const s = await wenlv.state(preparer);
    await wenlv.submit(preparer, s.contentHash);
    r = (await env.api.ok(BASE, { id: wenlv.id, s: 'REVIEW' }, reviewer)).report;
    expect(r.signComparisonBase).toMatchObject({ kind: 'own', label: '您上次签署的版本', same: false, available: true });
    expect(r.signComparisonBase.contentHash).not.toBe(r.contentHash);
    expect(r.signComparisonBase.sections.find((x: { key: string }) => x.key === 'other').text).not.toContain('特此说明');

    // the county office never signed this report: it compares with the previous stage's signature
    r = (await env.api.ok(BASE, { id: wenlv.id, s: 'COUNTY_PRE_REVIEW' }, admin)).report;
    expect(r.signComparisonBase).toMatchObject({ kind: 'previousStage', stage: 'APPROVE', same: false });
  });

  it('a step-up of a locked account is refused before the password is looked at, even the right one', async () => {
    // the throttle's buckets are read with the password hash (one statement): the lock must still hold
    const reviewer = await env.api.login('wenlv.reviewer');
    const s = await wenlv.state(reviewer);
    expect(s.status).toBe('SUBMITTED');
    for (let i = 0; i < 5; i++) expectCode(await wenlv.sign(reviewer, 'REVIEW', s.contentHash, undefined, `wrong-${i}`), 'STEP_UP_FAILED', '密码不正确');
    const refused = await wenlv.sign(reviewer, 'REVIEW', s.contentHash);
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions).toMatchObject({ scope: 'account' });
    expect((await wenlv.state(reviewer)).status).toBe('SUBMITTED');
  });
});
