import { cellKeys } from '@touming/domain/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { PublishedCell } from '../../src/modules/revisions/published-cell.entity';
import { verifyPublishedRevisions } from '../../src/modules/revisions/integrity';
import { ReportRevision } from '../../src/modules/revisions/report-revision.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { createUser, expectCode, lastAuditId, ReportClient } from './helpers';

const LONG_OVERVIEW = '本机关认真贯彻落实政府信息公开条例，'.repeat(70);

describe.each(DIALECTS)('三级联签, 保密审查 and publication on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  let reviewer: string;
  let approver: string;
  let secrecy: string;
  let wenlv: ReportClient;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    [admin, preparer, reviewer, approver, secrecy] = await Promise.all(
      ['admin', 'wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'wenlv.secrecy'].map((u) => env.api.login(u)),
    );
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('goes draft → published with three different signers and a cleared review, every step on the trail', async () => {
    const start = await lastAuditId(env.api);
    // a long 总体情况 makes a warning that must be explained before submission
    await wenlv.edit(preparer, { sections: [{ key: 'overview', text: LONG_OVERVIEW }] });
    let s = await wenlv.state(preparer);
    expect(s.status).toBe('DRAFT');
    expect(s.validation.errors).toEqual([]);
    expect(s.validation.warnings.map((w: { ruleId: string }) => w.ruleId)).toContain('s1.length');
    expect(s.availableActions).toContain('submit');

    const blocked = await wenlv.submit(preparer, s.contentHash);
    expectCode(blocked, 'VALIDATION_FAILED', '校验提示未作说明');
    expect((blocked.errors![0].extensions!.blockers as { code: string; ref: string }[]).some((b) => b.code === 'validation.warningUnexplained' && b.ref === 's1.length')).toBe(true);

    await wenlv.explainAll(preparer);
    s = await wenlv.state(preparer);
    expect(s.validation.warnings.every((w: { explanation: string | null }) => w.explanation === '已核实，情况属实')).toBe(true);
    expect((await wenlv.submit(preparer, s.contentHash, '请审核')).data!.submitReport.status).toBe('SUBMITTED');

    // the approver cannot give the reviewer's signature; the reviewer must sign what is stored now
    expectCode(await wenlv.sign(approver, 'REVIEW', s.contentHash), 'FORBIDDEN');
    expect((await env.api.lastAudit())!.action).toBe('access.denied');
    expectCode(await wenlv.sign(reviewer, 'REVIEW', 'f'.repeat(64)), 'CONFLICT');
    // a signature refused as CONFLICT stays on the trail: who tried to sign what
    const stale = (await env.api.lastAudit())!;
    expect(stale.action).toBe('signature.refused');
    expect(stale.reportId).toBe(wenlv.id);
    expect(stale.detail).toMatchObject({ attempted: 'report.review', stage: 'REVIEW', code: 'CONFLICT', sentHash: 'f'.repeat(64), contentHash: s.contentHash });
    expect((await wenlv.sign(reviewer, 'REVIEW', s.contentHash)).data!.signReport.status).toBe('REVIEWED');
    expectCode(await wenlv.sign(approver, 'REVIEW', s.contentHash), 'CONFLICT');
    expect((await env.api.lastAudit())!).toMatchObject({ action: 'signature.refused', detail: { stage: 'REVIEW', status: 'REVIEWED' } });
    expect((await wenlv.sign(approver, 'APPROVE', s.contentHash)).data!.signReport.status).toBe('APPROVED');

    // no review yet: publication refused with the reason
    const early = await wenlv.publish(preparer);
    expectCode(early, 'VALIDATION_FAILED', '尚未进行保密审查');
    s = await wenlv.state(preparer);
    expect(s.publicationBlockers.map((b: { code: string }) => b.code)).toEqual(['review.missing']);

    expectCode(await wenlv.review(preparer, s.contentHash), 'FORBIDDEN');
    const review = await wenlv.review(secrecy, s.contentHash);
    expect(review.data!.saveConfidentialityReview.conclusion).toBe('OPEN');
    s = await wenlv.state(preparer);
    expect(s.confidentiality.cleared).toBe(true);
    expect(s.publicationBlockers).toEqual([]);

    expect((await wenlv.publish(preparer)).data!.publishReport.status).toBe('PUBLISHED');
    s = await wenlv.state(preparer);
    const valid = s.signatures.filter((x: { voidedAt: string | null }) => !x.voidedAt);
    expect(valid.map((x: { stage: string }) => x.stage)).toEqual(['PREPARE', 'REVIEW', 'APPROVE']);
    expect(new Set(valid.map((x: { signerId: string }) => x.signerId)).size).toBe(3);
    expect(s.revisions).toHaveLength(1);
    expect(s.revisions[0]).toMatchObject({ revisionNo: 1, isCurrent: true, contentHash: s.contentHash, correctionNote: null });
    const cells = await env.db.dataSource.manager.count(PublishedCell, { where: { revisionId: s.revisions[0].id } });
    expect(cells).toBe(cellKeys('2021').length);

    const trail = await env.api.ok(
      `query($id: ID!) { auditEntries(filter: { reportId: $id }, options: { take: 200 }) { totalItems items { id action actorName at } } }`,
      { id: wenlv.id },
      admin,
    );
    const steps = trail.auditEntries.items.filter((e: { id: string }) => Number(e.id) > start);
    const explained = new Set(s.validation.warnings.map((w: { ruleId: string }) => w.ruleId)).size;
    expect(steps.map((e: { action: string }) => e.action)).toEqual([
      'report.update',
      ...Array(explained).fill('report.explainWarning'),
      'report.submit',
      // the approver's attempt at the reviewer's signature, and the preparer's at the review
      'access.denied',
      // the reviewer's signature on a stale hash, refused as CONFLICT and kept
      'signature.refused',
      'report.review',
      // the approver's second try at the reviewer's stage, already signed
      'signature.refused',
      'report.approve',
      'access.denied',
      'confidentiality.review',
      'report.publish',
    ]);
    expect(steps.find((e: { action: string }) => e.action === 'report.review').actorName).toContain('wenlv.reviewer');
    expect(steps.find((e: { action: string }) => e.action === 'report.approve').actorName).toContain('wenlv.approver');
    expect(steps.find((e: { action: string }) => e.action === 'confidentiality.review').actorName).toContain('wenlv.secrecy');
    expect(steps.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const chain = await env.api.ok(`{ verifyAuditChain { ok checked firstBrokenId } }`, {}, admin);
    expect(chain.verifyAuditChain).toMatchObject({ ok: true, firstBrokenId: null });
    // the revision just published and the demo's seeded archive all match their chained publication hashes
    const published = await verifyPublishedRevisions(env.db.dataSource.manager);
    expect(published.failures).toEqual([]);
    expect(published.checked).toBeGreaterThan(50);
  });

  it('a published revision cannot be changed by any mutation', async () => {
    const s = await wenlv.state(preparer);
    expect(s.status).toBe('PUBLISHED');
    const revisionBefore = await env.db.dataSource.manager.findOneByOrFail(ReportRevision, { id: s.revisions[0].id });
    const audits = await env.api.auditCount();
    const id = wenlv.id;
    const attempts = [
      wenlv.update(preparer, s.revision, { cells: [{ key: 't3.new.natural', value: 999 }] }),
      wenlv.update(admin, s.revision, { sections: [{ key: 'other', text: '改' }] }),
      env.api.gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id }, preparer),
      env.api.gql(`mutation($id: ID!) { explainWarning(id: $id, ruleId: "s1.length", text: "再说明") { id } }`, { id }, preparer),
      wenlv.review(secrecy, s.contentHash),
      env.api.gql(`mutation($id: ID!) { scanReport(id: $id) { id } }`, { id }, preparer),
      wenlv.returnTo(reviewer, '退回'),
      wenlv.sign(reviewer, 'REVIEW', s.contentHash),
      wenlv.publish(preparer),
    ];
    for (const result of await Promise.all(attempts)) expectCode(result, 'CONFLICT');
    // nothing changed; only the refused signature is on the trail
    expect(await env.api.auditCount()).toBe(audits + 1);
    expect((await env.api.lastAudit())!).toMatchObject({ action: 'signature.refused', detail: { stage: 'REVIEW', status: 'PUBLISHED' } });
    const revisionAfter = await env.db.dataSource.manager.findOneByOrFail(ReportRevision, { id: s.revisions[0].id });
    expect(revisionAfter).toEqual(revisionBefore);
    expect((await wenlv.state(preparer)).contentHash).toBe(s.contentHash);
  });

  it('a correction after 整改 is a new revision published with a 更正说明; the old one stays retrievable', async () => {
    const id = wenlv.id;
    expectCode(await env.api.gql(`mutation($id: ID!) { requestRectification(id: $id, comment: "表三数字有误") { id } }`, { id }, preparer), 'FORBIDDEN');
    const rect = await env.api.ok(`mutation($id: ID!) { requestRectification(id: $id, comment: "表三数字有误") { id comment } }`, { id }, admin);
    expect(rect.requestRectification.comment).toBe('表三数字有误');

    const started = await env.api.ok(`mutation($id: ID!) { startCorrection(id: $id) { status rectifications { id } } }`, { id }, preparer);
    expect(started.startCorrection.status).toBe('DRAFT');
    expect(started.startCorrection.rectifications).toHaveLength(1);
    // the correction draft cannot be deleted: its published revision is the public record
    expectCode(await env.api.gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id }, preparer), 'CONFLICT', '已公开过');
    let s = await wenlv.state(preparer);
    expect(s.signatures.every((x: { voidedAt: string | null }) => x.voidedAt)).toBe(true);
    expect(s.revisions[0].isCurrent).toBe(true);

    await wenlv.edit(preparer, { sections: [{ key: 'other', text: '本年度未收取信息处理费。更正：补充说明。' }] });
    await wenlv.explainAll(preparer);
    s = await wenlv.state(preparer);
    expect(s.signatures.filter((x: { voidedAt: string | null }) => !x.voidedAt)).toEqual([]);
    await wenlv.submit(preparer, s.contentHash);
    await wenlv.sign(reviewer, 'REVIEW', s.contentHash);
    await wenlv.sign(approver, 'APPROVE', s.contentHash);
    await wenlv.review(secrecy, s.contentHash);
    expectCode(await wenlv.publish(preparer), 'VALIDATION_FAILED', '更正说明');
    expect((await wenlv.publish(preparer, '更正第六部分表述')).data!.publishReport.status).toBe('PUBLISHED');

    s = await wenlv.state(preparer);
    expect(s.revisions.map((r: { revisionNo: number; isCurrent: boolean }) => [r.revisionNo, r.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(s.revisions[1].correctionNote).toBe('更正第六部分表述');
    const old = await env.api.ok(
      `query($id: ID!) { reportRevision(id: $id) { revisionNo isCurrent contentHash title sections { key text } } }`,
      { id: s.revisions[0].id },
      preparer,
    );
    expect(old.reportRevision.revisionNo).toBe(1);
    expect(old.reportRevision.sections.find((x: { key: string }) => x.key === 'other').text).not.toContain('更正：补充说明');
    const open = await env.api.ok(`query($id: ID!) { report(id: $id) { rectifications { id } } }`, { id }, preparer);
    expect(open.report.rectifications).toEqual([]);
  });

  describe('refusals', () => {
    let team: Record<'p' | 'r' | 'a' | 's' | 'ra', string>;
    let gongan: ReportClient;
    beforeAll(async () => {
      const agencyId = await env.agencyId('yanchi.gongan');
      team = {
        p: await createUser(env.api, admin, agencyId, 'gongan.p', ['AGENCY_PREPARER']),
        r: await createUser(env.api, admin, agencyId, 'gongan.r', ['AGENCY_REVIEWER']),
        a: await createUser(env.api, admin, agencyId, 'gongan.a', ['AGENCY_APPROVER']),
        s: await createUser(env.api, admin, agencyId, 'gongan.s', ['CONFIDENTIALITY_REVIEWER']),
        ra: await createUser(env.api, admin, agencyId, 'gongan.ra', ['AGENCY_REVIEWER', 'AGENCY_APPROVER']),
      };
      gongan = new ReportClient(env.api, await env.reportId('yanchi.gongan', env.demo.currentYear));
      await gongan.explainAll(team.p);
    });

    it('one person never signs two stages of one revision; another agency cannot sign at all', async () => {
      let s = await gongan.state(team.p);
      expect((await gongan.submit(team.p, s.contentHash)).data?.submitReport.status).toBe('SUBMITTED');
      expect((await gongan.sign(team.ra, 'REVIEW', s.contentHash)).data?.signReport.status).toBe('REVIEWED');
      s = await gongan.state(team.ra);
      expect(s.availableActions).not.toContain('approve');
      const twice = await gongan.sign(team.ra, 'APPROVE', s.contentHash);
      expectCode(twice, 'FORBIDDEN', '同一人不能在同一版本上签署两个环节');
      expectCode(await gongan.sign(approver, 'APPROVE', s.contentHash), 'FORBIDDEN');
      expect((await gongan.sign(team.a, 'APPROVE', s.contentHash)).data!.signReport.status).toBe('APPROVED');
    });

    it('an edit after signing voids the signatures and the review visibly and sends the report back to DRAFT', async () => {
      let s = await gongan.state(team.p);
      expect(s.status).toBe('APPROVED');
      await gongan.review(team.s, s.contentHash);
      const start = await lastAuditId(env.api);
      await gongan.edit(team.p, { cells: [{ key: 't2.penalty.decisions', value: 12345 }] });
      s = await gongan.state(team.p);
      expect(s.status).toBe('DRAFT');
      expect(s.signatures).toHaveLength(3);
      expect(s.signatures.every((x: { voidedAt: string | null; voidReason: string }) => x.voidedAt && x.voidReason.includes('gongan.p'))).toBe(true);
      expect(s.confidentiality.cleared).toBe(false);
      expect(s.confidentiality.review).toBeNull();
      expect(await gongan.actionsSince(start)).toEqual([
        'report.status',
        'signature.voided',
        'signature.voided',
        'signature.voided',
        'confidentiality.review.voided',
        'report.update',
      ]);
      const voided = await env.db.dataSource.manager.find(AuditEntry, { where: { action: 'signature.voided', reportId: gongan.id } });
      expect(voided.every((e) => e.actorName!.includes('gongan.p') && String(e.detail!.reason).includes('修改'))).toBe(true);
    });

    it('a validation error blocks submission; a return needs a comment and voids the round', async () => {
      const before = await env.api.ok(`query($id: ID!) { report(id: $id) { cell(key: "t3.new.natural") } }`, { id: gongan.id }, team.p);
      await gongan.edit(team.p, { cells: [{ key: 't3.new.natural', value: null }] });
      let s = await gongan.state(team.p);
      expect(s.validation.errors.map((e: { ruleId: string }) => e.ruleId)).toContain('cell.blank');
      const refused = await gongan.submit(team.p, s.contentHash);
      expectCode(refused, 'VALIDATION_FAILED', '校验错误');
      await gongan.edit(team.p, { cells: [{ key: 't3.new.natural', value: before.report.cell }] });
      await gongan.explainAll(team.p);
      s = await gongan.state(team.p);
      expect(s.validation.errors).toEqual([]);
      await gongan.submit(team.p, s.contentHash);
      expectCode(await gongan.returnTo(team.r, '  '), 'BAD_USER_INPUT');
      expectCode(await gongan.returnTo(team.p, '不同意'), 'FORBIDDEN');
      const start = await lastAuditId(env.api);
      expect((await gongan.returnTo(team.r, '请补充第五部分')).data!.returnReport.status).toBe('DRAFT');
      expect(await gongan.actionsSince(start)).toEqual(['report.return', 'signature.voided']);
      s = await gongan.state(team.p);
      expect(s.signatures.filter((x: { voidedAt: string | null }) => !x.voidedAt)).toEqual([]);
    });

    it('a returned draft says who returned it, when and why until resubmitted; the preparer may withdraw before the 分管领导 acts', async () => {
      const RETURNED = `returned { returnedByName returnedAt comment }`;
      const returned = async (token: string) =>
        (await env.api.ok(`query($id: ID!) { report(id: $id) { status ${RETURNED} availableActions } }`, { id: gongan.id }, token)).report;
      // the previous step returned the report with this comment
      let r = await returned(team.p);
      expect(r.status).toBe('DRAFT');
      expect(r.returned).toMatchObject({ comment: '请补充第五部分', returnedByName: expect.stringContaining('gongan.r') });
      expect(Date.now() - new Date(r.returned.returnedAt).getTime()).toBeLessThan(10 * 60_000);
      // the reviewer sees the same notice (it is the report's, not the preparer's)
      expect((await returned(team.r)).returned.comment).toBe('请补充第五部分');

      let s = await gongan.state(team.p);
      await gongan.submit(team.p, s.contentHash);
      r = await returned(team.p);
      expect(r.status).toBe('SUBMITTED');
      expect(r.returned).toBeNull();
      expect(r.availableActions).toEqual(['withdraw']);

      // only the preparer withdraws; each refusal is typed
      expectCode(await env.api.gql(`mutation($id: ID!) { withdrawReport(id: $id) { id } }`, { id: gongan.id }, team.r), 'FORBIDDEN');
      const start = await lastAuditId(env.api);
      const done = await env.api.ok(`mutation($id: ID!) { withdrawReport(id: $id) { status ${RETURNED} signatures { stage voidedAt voidReason } } }`, { id: gongan.id }, team.p);
      expect(done.withdrawReport.status).toBe('DRAFT');
      // a withdrawal is not a return: no 已退回 notice
      expect(done.withdrawReport.returned).toBeNull();
      expect(done.withdrawReport.signatures.filter((x: { voidedAt: string | null }) => !x.voidedAt)).toEqual([]);
      expect(await gongan.actionsSince(start)).toEqual(['report.withdraw', 'signature.voided']);
      const entry = await env.db.dataSource.manager.findOneByOrFail(AuditEntry, { action: 'report.withdraw', reportId: gongan.id });
      expect(entry.detail).toMatchObject({ from: 'SUBMITTED', to: 'DRAFT' });
      expectCode(await env.api.gql(`mutation($id: ID!) { withdrawReport(id: $id) { id } }`, { id: gongan.id }, team.p), 'CONFLICT', '尚未提交');

      // once the 分管领导 has signed, withdrawing is refused and leaves the state as it was
      s = await gongan.state(team.p);
      await gongan.submit(team.p, s.contentHash);
      await gongan.sign(team.r, 'REVIEW', s.contentHash);
      const late = await env.api.gql(`mutation($id: ID!) { withdrawReport(id: $id) { id } }`, { id: gongan.id }, team.p);
      expectCode(late, 'CONFLICT', '分管领导已经处理，不能撤回');
      expect((await gongan.state(team.p)).status).toBe('REVIEWED');
      // back to a draft for the steps that follow
      await gongan.returnTo(team.r, '继续修改');
    });

    it('the scanner flags texts on save, forgets fixed findings, and open findings block publication until dismissed with a reason', async () => {
      const text = '联系人身份证号11010519491231002X，手机13800138000；订单号110105194912310021不是身份证号。';
      await gongan.edit(team.p, { sections: [{ key: 'problems', text }] });
      let s = await gongan.state(team.p);
      const kinds = s.confidentiality.findings.map((f: { kind: string }) => f.kind).sort();
      // an ID-shaped number whose check digit fails is flagged too, with lower confidence: a mistyped ID is personal data
      expect(kinds).toEqual(['idNumber', 'mobile', 'suspectedIdNumber']);
      const suspected = s.confidentiality.findings.find((f: { kind: string }) => f.kind === 'suspectedIdNumber');
      expect(suspected).toMatchObject({ match: '110105194912310021', confidence: 'LOW' });
      expect(suspected.message).toContain('疑似身份证号');
      expect(s.confidentiality.findings.find((f: { kind: string }) => f.kind === 'idNumber').confidence).toBe('HIGH');
      await gongan.edit(team.p, { sections: [{ key: 'problems', text: text.replace('订单号110105194912310021不是身份证号', '订单号已删除') }] });
      s = await gongan.state(team.p);
      const id = s.confidentiality.findings.find((f: { kind: string }) => f.kind === 'idNumber');
      expect(id).toMatchObject({ section: 'problems', match: '11010519491231002X', status: 'OPEN' });
      expect(text.slice(id.start, id.end)).toBe('11010519491231002X');

      // fixing the text removes the finding
      await gongan.edit(team.p, { sections: [{ key: 'problems', text: text.replace('11010519491231002X', '（已删除）').replace('订单号110105194912310021不是身份证号', '订单号已删除') }] });
      s = await gongan.state(team.p);
      expect(s.confidentiality.findings.map((f: { kind: string }) => f.kind)).toEqual(['mobile']);
      const mobile = s.confidentiality.findings[0];

      await gongan.explainAll(team.p);
      s = await gongan.state(team.p);
      // the phone number is still open: each signer acknowledges it
      expect((await gongan.submit(team.p, s.contentHash, undefined, true)).errors).toBeUndefined();
      expect((await gongan.sign(team.r, 'REVIEW', s.contentHash, true)).errors).toBeUndefined();
      expect((await gongan.sign(team.a, 'APPROVE', s.contentHash, true)).errors).toBeUndefined();
      expect((await gongan.review(team.s, s.contentHash)).errors).toBeUndefined();
      s = await gongan.state(team.p);
      expect(s.publicationBlockers.map((b: { code: string }) => b.code)).toEqual(['finding.open']);
      expectCode(await gongan.publish(team.p), 'VALIDATION_FAILED', '扫描发现尚未处理');

      const dismiss = (reason: string, token: string) =>
        env.api.gql(`mutation($id: ID!, $r: String!) { resolveFinding(id: $id, reason: $r) { status dismissReason } }`, { id: mobile.id, r: reason }, token);
      expectCode(await dismiss(' ', team.s), 'BAD_USER_INPUT');
      expectCode(await dismiss('是单位公开电话', team.p), 'FORBIDDEN');
      const start = await lastAuditId(env.api);
      expect((await dismiss('是单位对外公开的咨询电话', team.s)).data!.resolveFinding).toEqual({ status: 'DISMISSED', dismissReason: '是单位对外公开的咨询电话' });
      expect(await gongan.actionsSince(start)).toEqual(['finding.dismiss']);
      s = await gongan.state(team.p);
      expect(s.confidentiality.cleared).toBe(true);
      expect((await gongan.publish(team.p)).data!.publishReport.status).toBe('PUBLISHED');
    });

    it('a review of content that changed since is a CONFLICT', async () => {
      const other = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
      const s = await other.state(admin);
      expect(codeOf(await other.review(secrecy, 'a'.repeat(64)))).toBe(s.status === 'PUBLISHED' ? 'CONFLICT' : 'CONFLICT');
    });
  });
});
