/**
 * The 保密审查 runs in parallel with the leaders' signatures: due from submission on, given before,
 * between or after the signatures; publication needs all of them on the same content; an edit voids
 * both. Signing with open scanner findings needs an acknowledgement; a reviewer sends a finding back.
 */
import { describe, expect, it } from 'vitest';
import { CONFIDENTIALITY_CHECK_KEYS, checkFindingChangeRequest, findingEditorLink, type ConfidentialityReview, type FindingState } from '../src/confidentiality';
import {
  checkSign,
  isReviewDue,
  openFindingsToAcknowledge,
  publicationBlockers,
  reviewerSeparationProblem,
  signaturesToVoid,
  unacknowledgedFindings,
  type PublicationInput,
  type Signature,
  type SignInput,
  type WorkflowActor,
} from '../src/workflow';
import type { ReportStatus, SignatureStage } from '../src/workflow/states';

const AGENCY = 'agency-1';
const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const preparer: WorkflowActor = { id: 'u-prep', roles: ['AGENCY_PREPARER'], agencyId: AGENCY };
const reviewer: WorkflowActor = { id: 'u-rev', roles: ['AGENCY_REVIEWER'], agencyId: AGENCY };
const approver: WorkflowActor = { id: 'u-app', roles: ['AGENCY_APPROVER'], agencyId: AGENCY };
const secrecy: WorkflowActor = { id: 'u-sec', roles: ['CONFIDENTIALITY_REVIEWER'], agencyId: AGENCY };
const clean = { errors: [], warnings: [], notAssessable: [] };

const sig = (stage: SignatureStage, signerId: string, contentHash = H1): Signature => ({ stage, signerId, contentHash, signedAt: '2027-01-10T02:00:00Z' });
const review = (contentHash = H1): ConfidentialityReview => ({
  contentHash,
  checks: Object.fromEntries(CONFIDENTIALITY_CHECK_KEYS.map((k) => [k, { conclusion: 'PASS' as const }])),
  conclusion: 'OPEN',
  disclosure: 'PROACTIVE',
  reviewerId: secrecy.id,
});
const publication = (status: ReportStatus, signatures: Signature[], rev: ConfidentialityReview | null, currentHash = H1): PublicationInput => ({
  status,
  validation: clean,
  explanations: {},
  signatures,
  currentHash,
  requiresPreReview: false,
  review: rev,
  findings: [],
  isCorrection: false,
});
const codes = (input: PublicationInput) => publicationBlockers(input).map((b) => `${b.code}${b.ref ? ':' + b.ref : ''}`);
const signed = {
  submitted: [sig('PREPARE', preparer.id)],
  reviewed: [sig('PREPARE', preparer.id), sig('REVIEW', reviewer.id)],
  approved: [sig('PREPARE', preparer.id), sig('REVIEW', reviewer.id), sig('APPROVE', approver.id)],
};

describe('the review in parallel with the signatures', () => {
  it('is due from submission on, not on a draft', () => {
    expect(isReviewDue('DRAFT')).toBe(false);
    for (const s of ['SUBMITTED', 'REVIEWED', 'APPROVED', 'PRE_REVIEWED'] as const) expect(isReviewDue(s)).toBe(true);
    expect(isReviewDue('PUBLISHED')).toBe(false);
  });

  it('a review given right after submission (before the leaders) counts at publication', () => {
    // the reviewer may review the submitted content: the PREPARE signature is someone else's
    expect(reviewerSeparationProblem({ actorId: secrecy.id, signatures: signed.submitted, currentHash: H1 })).toBeNull();
    // the leaders still have to sign; then nothing is missing
    expect(codes(publication('SUBMITTED', signed.submitted, review()))).toEqual(['status.notReady', 'signature.missing:REVIEW', 'signature.missing:APPROVE']);
    expect(codes(publication('APPROVED', signed.approved, review()))).toEqual([]);
  });

  it('a review given between the signatures or after them counts the same way', () => {
    expect(codes(publication('REVIEWED', signed.reviewed, review()))).toEqual(['status.notReady', 'signature.missing:APPROVE']);
    expect(codes(publication('APPROVED', signed.approved, review()))).toEqual([]);
  });

  it('all three signatures without a passed review are not enough', () => {
    expect(codes(publication('APPROVED', signed.approved, null))).toEqual(['review.missing']);
  });

  it('an edit after the review voids it and every signature: the new content needs all of them again', () => {
    // the content changed from H1 to H2 after the review and the three signatures
    expect(signaturesToVoid(signed.approved, H2)).toHaveLength(3);
    const after = codes(publication('DRAFT', signed.approved, review(H1), H2));
    expect(after).toContain('review.stale');
    expect(after).toEqual(expect.arrayContaining(['signature.missing:PREPARE', 'signature.missing:REVIEW', 'signature.missing:APPROVE']));
    // a review of the new content and new signatures clear it
    const resigned = [sig('PREPARE', preparer.id, H2), sig('REVIEW', reviewer.id, H2), sig('APPROVE', approver.id, H2)];
    expect(codes(publication('APPROVED', resigned, review(H2), H2))).toEqual([]);
  });
});

describe('signing with open scanner findings', () => {
  const open: FindingState[] = [
    { status: 'OPEN', key: 'mobile:overview:1', message: '疑似手机号码“138****5678”' },
    { status: 'DISMISSED', key: 'email:overview:2', message: '疑似电子邮箱地址' },
  ];
  const input = (over: Partial<SignInput>): SignInput => ({
    status: 'SUBMITTED',
    stage: 'REVIEW',
    actor: reviewer,
    reportAgencyId: AGENCY,
    currentHash: H1,
    sentHash: H1,
    signatures: signed.submitted,
    requiresPreReview: false,
    ...over,
  });

  it('is refused without an acknowledgement, naming the open findings in Chinese', () => {
    const refused = checkSign(input({ findings: open }));
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    if (refused.ok) return;
    expect(refused.message).toContain('1 项未处理的保密扫描发现');
    expect(refused.message).toContain('138****5678');
    expect(refused.blockers).toEqual([{ code: 'finding.unacknowledged', ref: 'mobile:overview:1', message: '扫描发现尚未处理：疑似手机号码“138****5678”' }]);
  });

  it('is allowed with the acknowledgement, and without findings needs none', () => {
    expect(checkSign(input({ findings: open, acknowledgeFindings: true }))).toEqual({ ok: true, nextStatus: 'REVIEWED' });
    expect(checkSign(input({ findings: [open[1]] }))).toEqual({ ok: true, nextStatus: 'REVIEWED' });
    expect(checkSign(input({}))).toEqual({ ok: true, nextStatus: 'REVIEWED' });
  });

  it('applies to the submission too, after validation', () => {
    const submit = input({ status: 'DRAFT', stage: 'PREPARE', actor: preparer, signatures: [], validation: clean, findings: open });
    expect(checkSign(submit)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(checkSign({ ...submit, acknowledgeFindings: true })).toEqual({ ok: true, nextStatus: 'SUBMITTED' });
  });

  it('records only the open findings', () => {
    expect(openFindingsToAcknowledge(open)).toEqual([{ key: 'mobile:overview:1', message: '疑似手机号码“138****5678”' }]);
    expect(unacknowledgedFindings(open, true)).toBeNull();
  });
});

describe('请修改: a finding sent to the preparer', () => {
  const base = { actor: secrecy, reportAgencyId: AGENCY, status: 'SUBMITTED' as ReportStatus, findingStatus: 'OPEN' as const, comment: ' 请删除手机号 ' };
  it('the agency’s 保密审查员 sends an open finding with a comment', () => {
    expect(checkFindingChangeRequest(base)).toEqual({ ok: true, comment: '请删除手机号' });
  });
  it('refuses others, an empty comment, a closed finding and a published report', () => {
    expect(checkFindingChangeRequest({ ...base, actor: preparer })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkFindingChangeRequest({ ...base, actor: { ...secrecy, agencyId: 'agency-2' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkFindingChangeRequest({ ...base, comment: '  ' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'comment' });
    expect(checkFindingChangeRequest({ ...base, comment: 'x'.repeat(1001) })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkFindingChangeRequest({ ...base, findingStatus: 'FIXED' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkFindingChangeRequest({ ...base, findingStatus: 'DISMISSED' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkFindingChangeRequest({ ...base, status: 'PUBLISHED' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // a draft may be asked for a change too (a report returned meanwhile)
    expect(checkFindingChangeRequest({ ...base, status: 'DRAFT' }).ok).toBe(true);
  });
  it('links to the editor at the finding’s text span', () => {
    expect(findingEditorLink('r1', { section: 'problems', start: 10, end: 21 })).toBe('/reports/r1?focus=section%3Aproblems&start=10&end=21');
  });
});
