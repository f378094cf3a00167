import { describe, expect, it } from 'vitest';
import {
  availableActions,
  awaitsPublicationBy,
  awaitsReviewBy,
  signatureTurnOf,
  checkWithdraw,
  nextStatus,
  returnNotice,
  returnVoidReason,
  WITHDRAW_VOID_REASON,
  type VoidableSignature,
  type WorkflowActor,
} from '../src/workflow';
import type { ReportStatus } from '../src/workflow/states';

const AGENCY = 'agency-1';
const H = 'a'.repeat(64);
const preparer: WorkflowActor = { id: 'u-prep', roles: ['AGENCY_PREPARER'], agencyId: AGENCY };
const reviewer: WorkflowActor = { id: 'u-rev', roles: ['AGENCY_REVIEWER'], agencyId: AGENCY };
const county: WorkflowActor = { id: 'u-county', roles: ['COUNTY_ADMIN'], agencyId: 'county-office' };
const otherPreparer: WorkflowActor = { id: 'u-prep2', roles: ['AGENCY_PREPARER'], agencyId: 'agency-2' };

describe('撤回: the preparer withdraws a submission the 分管领导 has not acted on', () => {
  it('leads from SUBMITTED back to DRAFT and from nowhere else', () => {
    const statuses: ReportStatus[] = ['DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'PRE_REVIEWED', 'PUBLISHED'];
    expect(statuses.filter((s) => nextStatus(s, 'withdraw', { requiresPreReview: true }))).toEqual(['SUBMITTED']);
    expect(nextStatus('SUBMITTED', 'withdraw', { requiresPreReview: false })).toBe('DRAFT');
  });

  it('is allowed to the agency preparer only', () => {
    expect(checkWithdraw({ status: 'SUBMITTED', actor: preparer, reportAgencyId: AGENCY })).toEqual({ ok: true, nextStatus: 'DRAFT' });
    for (const actor of [reviewer, county, otherPreparer]) {
      expect(checkWithdraw({ status: 'SUBMITTED', actor, reportAgencyId: AGENCY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('is refused once the 分管领导 has signed, and for a draft, saying why', () => {
    const reviewed = checkWithdraw({ status: 'REVIEWED', actor: preparer, reportAgencyId: AGENCY });
    expect(reviewed).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!reviewed.ok && reviewed.message).toMatch(/分管领导已经处理，不能撤回/);
    const draft = checkWithdraw({ status: 'DRAFT', actor: preparer, reportAgencyId: AGENCY });
    expect(!draft.ok && draft.message).toBe('报告尚未提交，无需撤回');
    expect(checkWithdraw({ status: 'PUBLISHED', actor: preparer, reportAgencyId: AGENCY })).toMatchObject({ code: 'CONFLICT' });
  });

  it('is offered as a button to the preparer of a submitted report only', () => {
    const base = { reportAgencyId: AGENCY, requiresPreReview: false, signatures: [], currentHash: H };
    expect(availableActions({ ...base, status: 'SUBMITTED', actor: preparer })).toEqual(['withdraw']);
    expect(availableActions({ ...base, status: 'REVIEWED', actor: preparer })).toEqual([]);
    expect(availableActions({ ...base, status: 'SUBMITTED', actor: reviewer })).toEqual(['review', 'return']);
  });
});

describe('已退回: the notice a returned report carries until it is submitted again', () => {
  const prepare = (signedAt: string, voided?: { at: string; by: string; reason: string }): VoidableSignature => ({
    stage: 'PREPARE',
    signerId: 'u-prep',
    contentHash: H,
    signedAt,
    voidedAt: voided?.at ?? null,
    voidedBy: voided?.by ?? null,
    voidReason: voided?.reason ?? null,
  });
  const returned = prepare('2026-12-01T02:00:00.000Z', { at: '2026-12-02T03:00:00.000Z', by: 'u-rev', reason: returnVoidReason('  请补充第五部分。 ') });

  it('names who returned the draft, when, and the comment', () => {
    expect(returnNotice('DRAFT', [returned])).toEqual({ returnedBy: 'u-rev', returnedAt: '2026-12-02T03:00:00.000Z', comment: '请补充第五部分。' });
  });

  it('ends with a new submission (the newest PREPARE signature counts), and shows only on a draft', () => {
    const again = prepare('2026-12-03T02:00:00.000Z');
    expect(returnNotice('SUBMITTED', [returned, again])).toBeNull();
    // a later return of the new submission is the one shown
    const second = prepare('2026-12-03T02:00:00.000Z', { at: '2026-12-04T01:00:00.000Z', by: 'u-app', reason: returnVoidReason('数字有误') });
    expect(returnNotice('DRAFT', [second, returned])).toMatchObject({ returnedBy: 'u-app', comment: '数字有误' });
    expect(returnNotice('SUBMITTED', [returned])).toBeNull();
  });

  it('is not a return: a withdrawal, an edit after signing, a draft never submitted', () => {
    const withdrawn = prepare('2026-12-03T02:00:00.000Z', { at: '2026-12-03T02:10:00.000Z', by: 'u-prep', reason: WITHDRAW_VOID_REASON });
    expect(returnNotice('DRAFT', [returned, withdrawn])).toBeNull();
    const edited = prepare('2026-12-03T02:00:00.000Z', { at: '2026-12-03T02:10:00.000Z', by: 'u-prep', reason: '签署后报告内容被王丽修改' });
    expect(returnNotice('DRAFT', [edited])).toBeNull();
    expect(returnNotice('DRAFT', [])).toBeNull();
  });
});

describe('whose turn: signing, the confidentiality review, publication', () => {
  const secrecy: WorkflowActor = { id: 'u-sec', roles: ['CONFIDENTIALITY_REVIEWER'], agencyId: AGENCY };
  it('a report is in the 待发布 list only once its confidentiality review has passed', () => {
    expect(awaitsPublicationBy({ status: 'APPROVED', actions: ['publish'], confidentialityCleared: false })).toBe(false);
    expect(awaitsPublicationBy({ status: 'APPROVED', actions: ['publish'], confidentialityCleared: true })).toBe(true);
    expect(awaitsPublicationBy({ status: 'REVIEWED', actions: [], confidentialityCleared: true })).toBe(false);
  });
  it('until then it is the 保密审查员 of its agency whose turn it is', () => {
    const approved = { status: 'APPROVED' as const, actions: [], confidentialityCleared: false };
    expect(awaitsReviewBy(secrecy, approved, AGENCY)).toBe(true);
    expect(awaitsReviewBy(secrecy, approved, 'agency-2')).toBe(false);
    expect(awaitsReviewBy(preparer, approved, AGENCY)).toBe(false);
    expect(awaitsReviewBy(secrecy, { ...approved, confidentialityCleared: true }, AGENCY)).toBe(false);
    // in parallel with the leaders: due as soon as the preparer submits, never on a draft
    expect(awaitsReviewBy(secrecy, { ...approved, status: 'SUBMITTED' }, AGENCY)).toBe(true);
    expect(awaitsReviewBy(secrecy, { ...approved, status: 'REVIEWED' }, AGENCY)).toBe(true);
    expect(awaitsReviewBy(secrecy, { ...approved, status: 'DRAFT' }, AGENCY)).toBe(false);
    expect(awaitsReviewBy(secrecy, { ...approved, status: 'PUBLISHED' }, AGENCY)).toBe(false);
  });
  it('names the signature a signer is to give', () => {
    expect(signatureTurnOf({ actions: ['review', 'return'] })).toBe('review');
    expect(signatureTurnOf({ actions: ['approve', 'return'] })).toBe('approve');
    expect(signatureTurnOf({ actions: ['return'] })).toBeNull();
  });
});
