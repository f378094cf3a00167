/**
 * The 保密审查 runs in parallel with the leaders: from submission on it is the 保密审查员's turn
 * (待我处理, a 消息); the review counts whether given before, between or after the signatures, as
 * long as it is of the content they signed; an edit voids the review and the signatures. A signature
 * with open scanner findings needs an acknowledgement, recorded on the signature and the trail; the
 * reviewer sends a finding to the preparer (请修改) with a link to the span.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode, lastAuditId, ReportClient } from './helpers';

const LONG_OVERVIEW = '本机关认真贯彻落实政府信息公开条例，'.repeat(70);
const MINE = `query { myNotifications { items { kind title body link reportId } } }`;
const TODO = `query($id: ID!) { report(id: $id) { status availableActions confidentiality { cleared } } }`;

describe.each(DIALECTS)('the 保密审查 in parallel with the signatures on %s', (dialect) => {
  let env: SeededEnv;
  let t: Record<'p' | 'r' | 'a' | 's', string>;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    const [p, r, a, s] = await Promise.all(['wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'wenlv.secrecy'].map((u) => env.api.login(u)));
    t = { p, r, a, s };
  });
  afterAll(async () => {
    await env?.close();
  });

  /** the 文旅 report of the open year back in a known draft: explained, submittable */
  async function freshDraft(text = LONG_OVERVIEW) {
    const report = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
    let s = await report.state(t.p);
    if (s.status !== 'DRAFT') {
      // an edit of a signed report sends it back to DRAFT (and voids everything)
      await report.edit(t.p, { sections: [{ key: 'other', text: `本年度未收取信息处理费。${Date.now()}` }] });
      s = await report.state(t.p);
    }
    await report.edit(t.p, { sections: [{ key: 'overview', text }] });
    await report.explainAll(t.p);
    return { report, hash: (await report.state(t.p)).contentHash as string };
  }

  it('is due to the 保密审查员 as soon as the preparer submits (消息 with the link to the review)', async () => {
    const { report, hash } = await freshDraft();
    expect((await report.submit(t.p, hash)).data!.submitReport.status).toBe('SUBMITTED');
    const messages = (await env.api.ok<{ myNotifications: { items: { kind: string; link: string; reportId: string }[] } }>(MINE, {}, t.s)).myNotifications.items;
    expect(messages.find((m) => m.reportId === report.id && m.kind === 'REVIEW_TURN')).toMatchObject({ link: `/reports/${report.id}/confidentiality` });
  });

  it('a review right after submission, then the two signatures: publication', async () => {
    const { report, hash } = await freshDraft(`${LONG_OVERVIEW}先审后签。`);
    await report.submit(t.p, hash);
    expect((await report.review(t.s, hash)).errors).toBeUndefined();
    let s = await report.state(t.p);
    expect(s.confidentiality.cleared).toBe(true);
    // cleared, but the leaders have not signed: not publishable
    expect(s.publicationBlockers.map((b: { code: string; ref?: string | null }) => `${b.code}${b.ref ? ':' + b.ref : ''}`)).toEqual(['status.notReady', 'signature.missing:REVIEW', 'signature.missing:APPROVE']);
    await report.sign(t.r, 'REVIEW', hash);
    await report.sign(t.a, 'APPROVE', hash);
    s = await report.state(t.p);
    expect(s.publicationBlockers).toEqual([]);
    // in the preparer's 待发布 now: publish offered and the review passed
    const todo = (await env.api.ok<{ report: { availableActions: string[]; confidentiality: { cleared: boolean } } }>(TODO, { id: report.id }, t.p)).report;
    expect(todo.availableActions).toContain('publish');
    expect(todo.confidentiality.cleared).toBe(true);
    expect((await report.publish(t.p)).data!.publishReport.status).toBe('PUBLISHED');
    // a new draft for the next tests
    await env.api.ok(`mutation($id: ID!) { startCorrection(id: $id) { id } }`, { id: report.id }, t.p);
  });

  it('a review between the signatures, or after them, counts the same way', async () => {
    const between = await freshDraft(`${LONG_OVERVIEW}审核后审查。`);
    await between.report.submit(t.p, between.hash);
    await between.report.sign(t.r, 'REVIEW', between.hash);
    await between.report.review(t.s, between.hash);
    await between.report.sign(t.a, 'APPROVE', between.hash);
    expect((await between.report.state(t.p)).publicationBlockers).toEqual([]);

    const after = await freshDraft(`${LONG_OVERVIEW}签后审查。`);
    await after.report.submit(t.p, after.hash);
    await after.report.sign(t.r, 'REVIEW', after.hash);
    await after.report.sign(t.a, 'APPROVE', after.hash);
    expect((await after.report.state(t.p)).publicationBlockers.map((b: { code: string }) => b.code)).toEqual(['review.missing']);
    await after.report.review(t.s, after.hash);
    expect((await after.report.state(t.p)).publicationBlockers).toEqual([]);
  });

  it('an edit after the review voids it and the signatures; the new content needs them all again', async () => {
    const { report, hash } = await freshDraft(`${LONG_OVERVIEW}审后修改。`);
    await report.submit(t.p, hash);
    await report.review(t.s, hash);
    await report.sign(t.r, 'REVIEW', hash);
    const start = await lastAuditId(env.api);
    await report.edit(t.p, { sections: [{ key: 'other', text: '本年度未收取信息处理费（修改）。' }] });
    expect(await report.actionsSince(start)).toEqual(expect.arrayContaining(['report.update', 'signature.voided', 'confidentiality.review.voided']));
    const s = await report.state(t.p);
    expect(s.status).toBe('DRAFT');
    expect(s.confidentiality.cleared).toBe(false);
    expect(s.signatures.filter((x: { voidedAt: string | null }) => !x.voidedAt)).toEqual([]);
    // the voided review no longer counts: the new content has none
    expect(s.confidentiality.blockers.map((b: { code: string }) => b.code)).toContain('review.missing');
  });

  it('a signature with open findings is refused without the acknowledgement and records it with one', async () => {
    const { report, hash } = await freshDraft(`${LONG_OVERVIEW}联系电话13800138000。`);
    const refused = await report.submit(t.p, hash);
    expectCode(refused, 'VALIDATION_FAILED', '项未处理的保密扫描发现');
    expect(refused.errors![0].message).toContain('138****8000');
    expect((refused.errors![0].extensions!.blockers as { code: string }[]).map((b) => b.code)).toEqual(['finding.unacknowledged']);
    expect((await report.submit(t.p, hash, undefined, true)).data!.submitReport.status).toBe('SUBMITTED');
    expectCode(await report.sign(t.r, 'REVIEW', hash), 'VALIDATION_FAILED', '请确认已知悉后再签署');
    expect((await report.sign(t.r, 'REVIEW', hash, true)).data!.signReport.status).toBe('REVIEWED');
    const s = await report.state(t.p);
    const review = s.signatures.find((x: { stage: string; voidedAt: string | null }) => x.stage === 'REVIEW' && !x.voidedAt);
    expect(review.acknowledgedFindings).toHaveLength(1);
    expect(review.acknowledgedFindings[0].message).toContain('138****8000');
    const entry = (await env.api.lastAudit())!;
    expect(entry.action).toBe('report.review');
    expect((entry.detail as { acknowledgedFindings: string[] }).acknowledgedFindings[0]).toContain('138****8000');

    // once the reviewer dismisses it, the next signer needs no acknowledgement (and none is recorded)
    const finding = s.confidentiality.findings.find((f: { kind: string }) => f.kind === 'mobile');
    await env.api.ok(`mutation($id: ID!) { dismissFinding(id: $id, reason: "单位对外公开的咨询电话") { id } }`, { id: finding.id }, t.s);
    expect((await report.sign(t.a, 'APPROVE', hash)).data!.signReport.status).toBe('APPROVED');
    const approve = (await report.state(t.p)).signatures.find((x: { stage: string; voidedAt: string | null }) => x.stage === 'APPROVE' && !x.voidedAt);
    expect(approve.acknowledgedFindings).toBeNull();
  });

  it('请修改: the reviewer sends a finding to the preparer, who is told with a link to the span', async () => {
    const text = `${LONG_OVERVIEW}经办人身份证号110105194912310021。`;
    const { report, hash } = await freshDraft(text);
    await report.submit(t.p, hash, undefined, true);
    let s = await report.state(t.s);
    const finding = s.confidentiality.findings.find((f: { kind: string }) => f.kind === 'suspectedIdNumber');
    expect(finding).toMatchObject({ status: 'OPEN', confidence: 'LOW', section: 'overview' });

    const ask = (token: string, comment: string, id = finding.id) =>
      env.api.gql(`mutation($id: ID!, $c: String!) { requestFindingChange(id: $id, comment: $c) { id changeRequestComment changeRequestedByName } }`, { id, c: comment }, token);
    expectCode(await ask(t.p, '请删除'), 'FORBIDDEN');
    expectCode(await ask(t.s, '  '), 'BAD_USER_INPUT', '请填写修改意见');
    const start = await lastAuditId(env.api);
    const sent = await ask(t.s, '请删除经办人身份证号');
    expect(sent.data!.requestFindingChange).toMatchObject({ changeRequestComment: '请删除经办人身份证号' });
    expect(sent.data!.requestFindingChange.changeRequestedByName).toContain('wenlv.secrecy');
    expect(await report.actionsSince(start)).toEqual(['finding.requestChange']);

    const messages = (await env.api.ok<{ myNotifications: { items: { kind: string; title: string; body: string; link: string }[] } }>(MINE, {}, t.p)).myNotifications.items;
    const told = messages.find((m) => m.kind === 'FINDING_CHANGE_REQUESTED');
    expect(told).toBeTruthy();
    expect(told!.title).toContain('请修改');
    expect(told!.body).toContain('请删除经办人身份证号');
    expect(told!.body).not.toContain('110105194912310021');
    expect(told!.link).toBe(`/reports/${report.id}?focus=section%3Aoverview&start=${finding.start}&end=${finding.end}`);
    s = await report.state(t.p);
    expect(s.confidentiality.findings.find((f: { id: string }) => f.id === finding.id).changeRequestComment).toBe('请删除经办人身份证号');

    // the preparer fixes the text: the finding is FIXED, the report a draft again; asking again is a CONFLICT
    await report.edit(t.p, { sections: [{ key: 'overview', text: `${LONG_OVERVIEW}经办人身份证号（已删除）。` }] });
    s = await report.state(t.p);
    expect(s.status).toBe('DRAFT');
    expect(s.confidentiality.findings.map((f: { id: string }) => f.id)).not.toContain(finding.id);
    expectCode(await ask(t.s, '请删除'), 'CONFLICT', '已随内容修改而消除');
  });
});
