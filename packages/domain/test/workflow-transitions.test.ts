import { generateReport } from '../src/generate';
import { contentHash } from '../src/hash';
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  canExplainWarnings,
  checkExplainWarning,
  MAX_EXPLANATION_LENGTH,
  isContentEditable,
  REPORT_STATUSES,
  checkPublish,
  checkRequestRectification,
  checkReturn,
  checkSign,
  checkStartCorrection,
  nextStatus,
  publicationBlockers,
  requiredStages,
  reviewerSeparationProblem,
  signaturesToVoid,
  signaturesVoidedByReturn,
  stageForAction,
  submissionWarnings,
  checkPublishedIntegrity,
  agencyNameWarning,
  submitBlockers,
  validSignatures,
  type PublicationInput,
  type Signature,
  type SignInput,
  type WorkflowActor,
} from '../src/workflow';
import type { ConfidentialityReview } from '../src/confidentiality';
import { CONFIDENTIALITY_CHECK_KEYS } from '../src/confidentiality';
import type { RuleResult, ValidationResult } from '../src/validation/types';
import type { ReportStatus, SignatureStage } from '../src/workflow/states';

const AGENCY = 'agency-1';
const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

const preparer: WorkflowActor = { id: 'u-prep', roles: ['AGENCY_PREPARER'], agencyId: AGENCY };
const reviewer: WorkflowActor = { id: 'u-rev', roles: ['AGENCY_REVIEWER'], agencyId: AGENCY };
const approver: WorkflowActor = { id: 'u-app', roles: ['AGENCY_APPROVER'], agencyId: AGENCY };
const county: WorkflowActor = { id: 'u-county', roles: ['COUNTY_ADMIN'], agencyId: 'county-office' };
const secrecy: WorkflowActor = { id: 'u-sec', roles: ['CONFIDENTIALITY_REVIEWER'], agencyId: AGENCY };
const otherAgencyReviewer: WorkflowActor = { id: 'u-rev2', roles: ['AGENCY_REVIEWER'], agencyId: 'agency-2' };

const clean: ValidationResult = { errors: [], warnings: [], notAssessable: [] };
const rule = (ruleId: string, severity: 'error' | 'warning', message: string): RuleResult => ({
  ruleId,
  id: `${ruleId}:x`,
  severity,
  status: 'failed',
  cells: [],
  message,
});

const sig = (stage: SignatureStage, signerId: string, contentHash = H1, voidedAt: string | null = null): Signature => ({
  stage,
  signerId,
  contentHash,
  signedAt: '2021-01-10T02:00:00Z',
  voidedAt,
});

function signInput(over: Partial<SignInput>): SignInput {
  return {
    status: 'DRAFT',
    stage: 'PREPARE',
    actor: preparer,
    reportAgencyId: AGENCY,
    currentHash: H1,
    sentHash: H1,
    signatures: [],
    requiresPreReview: false,
    validation: clean,
    explanations: {},
    ...over,
  };
}

const clearedReview: ConfidentialityReview = {
  contentHash: H1,
  checks: Object.fromEntries(CONFIDENTIALITY_CHECK_KEYS.map((k) => [k, { conclusion: 'PASS' as const }])),
  conclusion: 'OPEN',
  disclosure: 'PROACTIVE',
  reviewerId: secrecy.id,
};

const threeSignatures = [sig('PREPARE', preparer.id), sig('REVIEW', reviewer.id), sig('APPROVE', approver.id)];

function publication(over: Partial<PublicationInput>): PublicationInput {
  return {
    status: 'APPROVED',
    validation: clean,
    explanations: {},
    signatures: threeSignatures,
    currentHash: H1,
    requiresPreReview: false,
    review: clearedReview,
    findings: [],
    isCorrection: false,
    correctionNote: null,
    ...over,
  };
}

describe('nextStatus', () => {
  const no = { requiresPreReview: false };
  const pre = { requiresPreReview: true };
  it('walks DRAFT → SUBMITTED → REVIEWED → APPROVED → PUBLISHED', () => {
    expect(nextStatus('DRAFT', 'submit', no)).toBe('SUBMITTED');
    expect(nextStatus('SUBMITTED', 'review', no)).toBe('REVIEWED');
    expect(nextStatus('REVIEWED', 'approve', no)).toBe('APPROVED');
    expect(nextStatus('APPROVED', 'publish', no)).toBe('PUBLISHED');
  });
  it('inserts PRE_REVIEWED when the cycle requires the county pre-review', () => {
    expect(nextStatus('APPROVED', 'publish', pre)).toBeNull();
    expect(nextStatus('APPROVED', 'preReview', pre)).toBe('PRE_REVIEWED');
    expect(nextStatus('PRE_REVIEWED', 'publish', pre)).toBe('PUBLISHED');
    expect(nextStatus('APPROVED', 'preReview', no)).toBeNull();
  });
  it('refuses actions out of order', () => {
    expect(nextStatus('DRAFT', 'review', no)).toBeNull();
    expect(nextStatus('DRAFT', 'publish', no)).toBeNull();
    expect(nextStatus('SUBMITTED', 'approve', no)).toBeNull();
    expect(nextStatus('REVIEWED', 'publish', no)).toBeNull();
    expect(nextStatus('PUBLISHED', 'submit', no)).toBeNull();
  });
  it('returns to DRAFT from every signed state but not from DRAFT or PUBLISHED', () => {
    for (const s of ['SUBMITTED', 'REVIEWED', 'APPROVED'] as ReportStatus[]) expect(nextStatus(s, 'return', no)).toBe('DRAFT');
    expect(nextStatus('PRE_REVIEWED', 'return', pre)).toBe('DRAFT');
    expect(nextStatus('DRAFT', 'return', no)).toBeNull();
    expect(nextStatus('PUBLISHED', 'return', no)).toBeNull();
  });
  it('corrections and rectification only start from PUBLISHED', () => {
    expect(nextStatus('PUBLISHED', 'startCorrection', no)).toBe('DRAFT');
    expect(nextStatus('PUBLISHED', 'requestRectification', no)).toBe('PUBLISHED');
    expect(nextStatus('APPROVED', 'startCorrection', no)).toBeNull();
    expect(nextStatus('DRAFT', 'requestRectification', no)).toBeNull();
  });
  it('maps actions to stages', () => {
    expect(stageForAction('submit')).toBe('PREPARE');
    expect(stageForAction('review')).toBe('REVIEW');
    expect(stageForAction('approve')).toBe('APPROVE');
    expect(stageForAction('preReview')).toBe('COUNTY_PRE_REVIEW');
    expect(stageForAction('publish')).toBeNull();
    expect(requiredStages(false)).toEqual(['PREPARE', 'REVIEW', 'APPROVE']);
    expect(requiredStages(true)).toEqual(['PREPARE', 'REVIEW', 'APPROVE', 'COUNTY_PRE_REVIEW']);
  });
});

describe('checkSign', () => {
  it('allows the happy path of three different signers', () => {
    expect(checkSign(signInput({}))).toEqual({ ok: true, nextStatus: 'SUBMITTED' });
    const afterPrep = [sig('PREPARE', preparer.id)];
    expect(checkSign(signInput({ status: 'SUBMITTED', stage: 'REVIEW', actor: reviewer, signatures: afterPrep }))).toEqual({
      ok: true,
      nextStatus: 'REVIEWED',
    });
    const afterRev = [...afterPrep, sig('REVIEW', reviewer.id)];
    expect(checkSign(signInput({ status: 'REVIEWED', stage: 'APPROVE', actor: approver, signatures: afterRev }))).toEqual({
      ok: true,
      nextStatus: 'APPROVED',
    });
  });

  it('allows the county pre-review only when the cycle requires it', () => {
    const input = signInput({ status: 'APPROVED', stage: 'COUNTY_PRE_REVIEW', actor: county, signatures: threeSignatures });
    expect(checkSign({ ...input, requiresPreReview: true })).toEqual({ ok: true, nextStatus: 'PRE_REVIEWED' });
    expect(checkSign(input)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('refuses a stage that does not fit the state (CONFLICT)', () => {
    const r = checkSign(signInput({ status: 'DRAFT', stage: 'REVIEW', actor: reviewer }));
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!r.ok && r.message).toContain('草稿');
  });

  it('refuses the wrong role (FORBIDDEN)', () => {
    expect(checkSign(signInput({ status: 'SUBMITTED', stage: 'REVIEW', actor: approver }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkSign(signInput({ status: 'REVIEWED', stage: 'APPROVE', actor: reviewer }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkSign(signInput({ stage: 'PREPARE', actor: reviewer }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // a reviewer of another agency may not review this one
    expect(checkSign(signInput({ status: 'SUBMITTED', stage: 'REVIEW', actor: otherAgencyReviewer }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses a stale hash (CONFLICT) saying the content changed', () => {
    const r = checkSign(signInput({ status: 'SUBMITTED', stage: 'REVIEW', actor: reviewer, sentHash: H2 }));
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!r.ok && r.message).toContain('已被修改');
  });

  it('refuses the same person signing two stages of one revision', () => {
    const both: WorkflowActor = { id: 'u-both', roles: ['AGENCY_PREPARER', 'AGENCY_REVIEWER'], agencyId: AGENCY };
    const r = checkSign(signInput({ status: 'SUBMITTED', stage: 'REVIEW', actor: both, signatures: [sig('PREPARE', 'u-both')] }));
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(!r.ok && r.message).toContain('同一人');
  });

  it('lets the same person sign again once the earlier signature is voided or on other content', () => {
    const both: WorkflowActor = { id: 'u-both', roles: ['AGENCY_PREPARER', 'AGENCY_REVIEWER'], agencyId: AGENCY };
    const voided = [sig('PREPARE', 'u-both', H1, '2021-01-11T00:00:00Z'), sig('PREPARE', preparer.id)];
    expect(checkSign(signInput({ status: 'SUBMITTED', stage: 'REVIEW', actor: both, signatures: voided }))).toMatchObject({ ok: true });
  });

  it('blocks submission on validation errors and unexplained warnings (VALIDATION_FAILED)', () => {
    const withError: ValidationResult = { ...clean, errors: [rule('t3.balance', 'error', '表三总计不平')] };
    const r = checkSign(signInput({ validation: withError }));
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(!r.ok && r.blockers?.map((b) => b.ref)).toEqual(['t3.balance']);

    const withWarning: ValidationResult = { ...clean, warnings: [rule('t3.carryOver', 'warning', '上年结转与上年报告不一致')] };
    expect(checkSign(signInput({ validation: withWarning }))).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(checkSign(signInput({ validation: withWarning, explanations: { 't3.carryOver': '   ' } }))).toMatchObject({ ok: false });
    expect(checkSign(signInput({ validation: withWarning, explanations: { 't3.carryOver': '上年报告填报有误，已核实' } }))).toEqual({
      ok: true,
      nextStatus: 'SUBMITTED',
    });
  });
});

describe('submitBlockers', () => {
  it('lists errors and unexplained warnings with their messages, notAssessable does not block', () => {
    const v: ValidationResult = {
      errors: [rule('t4.total', 'error', '表四行政复议总计应为3，实为2')],
      warnings: [rule('w1', 'warning', '提示一'), rule('w2', 'warning', '提示二')],
      notAssessable: [{ ...rule('x', 'warning', '无法判断'), status: 'notAssessable' }],
    };
    const b = submitBlockers({ validation: v, explanations: { w2: '已说明' } });
    expect(b.map((x) => [x.code, x.ref])).toEqual([
      ['validation.error', 't4.total'],
      ['validation.warningUnexplained', 'w1'],
    ]);
    expect(b[0].message).toContain('表四行政复议总计应为3，实为2');
    expect(b[1].message).toContain('提示一');
  });
});

describe('signatures', () => {
  it('an edit after signing voids every standing signature on other content', () => {
    const sigs = [sig('PREPARE', preparer.id), sig('REVIEW', reviewer.id), sig('PREPARE', 'old', H2, '2021-01-01T00:00:00Z')];
    expect(validSignatures(sigs, H1)).toHaveLength(2);
    const voided = signaturesToVoid(sigs, H2);
    expect(voided.map((s) => s.signerId)).toEqual([preparer.id, reviewer.id]);
    // after the edit, nothing counts on the new hash
    expect(validSignatures(sigs, H2)).toHaveLength(0);
    // saving identical content voids nothing
    expect(signaturesToVoid(sigs, H1)).toEqual([]);
  });
  it('a return voids every standing signature', () => {
    const sigs = [sig('PREPARE', preparer.id), sig('REVIEW', reviewer.id, H1, '2021-01-02T00:00:00Z')];
    expect(signaturesVoidedByReturn(sigs).map((s) => s.stage)).toEqual(['PREPARE']);
  });
});

describe('checkReturn / rectification / correction', () => {
  it('any signer may return with a comment', () => {
    expect(checkReturn({ status: 'SUBMITTED', actor: reviewer, reportAgencyId: AGENCY, comment: '数据有误', requiresPreReview: false })).toEqual({
      ok: true,
      nextStatus: 'DRAFT',
    });
    expect(checkReturn({ status: 'REVIEWED', actor: approver, reportAgencyId: AGENCY, comment: '请修改', requiresPreReview: false })).toMatchObject({
      ok: true,
    });
    expect(checkReturn({ status: 'APPROVED', actor: secrecy, reportAgencyId: AGENCY, comment: '涉及个人信息', requiresPreReview: false })).toMatchObject({
      ok: true,
    });
  });
  it('requires the comment, the role and a returnable state', () => {
    expect(checkReturn({ status: 'SUBMITTED', actor: reviewer, reportAgencyId: AGENCY, comment: ' ', requiresPreReview: false })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
    expect(checkReturn({ status: 'SUBMITTED', actor: preparer, reportAgencyId: AGENCY, comment: 'x', requiresPreReview: false })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkReturn({ status: 'PUBLISHED', actor: reviewer, reportAgencyId: AGENCY, comment: 'x', requiresPreReview: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
  it('only the county office requests rectification, with a comment, of a published report', () => {
    expect(checkRequestRectification({ status: 'PUBLISHED', actor: county, reportAgencyId: AGENCY, comment: '表三不平' })).toEqual({
      ok: true,
      nextStatus: 'PUBLISHED',
    });
    expect(checkRequestRectification({ status: 'PUBLISHED', actor: preparer, reportAgencyId: AGENCY, comment: 'x' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(checkRequestRectification({ status: 'APPROVED', actor: county, reportAgencyId: AGENCY, comment: 'x' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(checkRequestRectification({ status: 'PUBLISHED', actor: county, reportAgencyId: AGENCY, comment: '' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
  it('a correction starts from PUBLISHED as a new DRAFT, once', () => {
    expect(checkStartCorrection({ status: 'PUBLISHED', actor: preparer, reportAgencyId: AGENCY })).toEqual({ ok: true, nextStatus: 'DRAFT' });
    expect(checkStartCorrection({ status: 'PUBLISHED', actor: preparer, reportAgencyId: AGENCY, hasOpenRevision: true })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(checkStartCorrection({ status: 'DRAFT', actor: preparer, reportAgencyId: AGENCY })).toMatchObject({ code: 'CONFLICT' });
    expect(checkStartCorrection({ status: 'PUBLISHED', actor: reviewer, reportAgencyId: AGENCY })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('publicationBlockers', () => {
  const codes = (input: Partial<PublicationInput>) => publicationBlockers(publication(input)).map((b) => `${b.code}${b.ref ? ':' + b.ref : ''}`);

  it('is empty when everything is in place', () => {
    expect(publicationBlockers(publication({}))).toEqual([]);
    expect(checkPublish({ ...publication({}), actor: preparer, reportAgencyId: AGENCY })).toEqual({ ok: true, nextStatus: 'PUBLISHED' });
  });
  it('needs the approved state', () => {
    expect(codes({ status: 'REVIEWED' })).toEqual(['status.notReady']);
    expect(codes({ status: 'PUBLISHED' })).toEqual(['status.published']);
  });
  it('blocks on validation errors and unexplained warnings', () => {
    expect(codes({ validation: { ...clean, errors: [rule('e', 'error', '错')] } })).toEqual(['validation.error:e']);
    expect(codes({ validation: { ...clean, warnings: [rule('w', 'warning', '提示')] } })).toEqual(['validation.warningUnexplained:w']);
    expect(codes({ validation: { ...clean, warnings: [rule('w', 'warning', '提示')] }, explanations: { w: '说明' } })).toEqual([]);
  });
  it('needs each signature valid on the current hash', () => {
    expect(codes({ signatures: threeSignatures.slice(0, 2) })).toEqual(['signature.missing:APPROVE']);
    const voided = threeSignatures.map((s) => (s.stage === 'REVIEW' ? { ...s, voidedAt: '2021-01-12T00:00:00Z' } : s));
    expect(codes({ signatures: voided })).toEqual(['signature.missing:REVIEW']);
  });
  it('an edit after signing (new hash) voids signatures and review alike', () => {
    expect(codes({ currentHash: H2 })).toEqual([
      'signature.missing:PREPARE',
      'signature.missing:REVIEW',
      'signature.missing:APPROVE',
      'review.stale',
    ]);
  });
  it('needs the county pre-review signature when the cycle requires it', () => {
    expect(codes({ requiresPreReview: true, status: 'PRE_REVIEWED' })).toEqual(['signature.missing:COUNTY_PRE_REVIEW']);
    expect(codes({ requiresPreReview: true, status: 'PRE_REVIEWED', signatures: [...threeSignatures, sig('COUNTY_PRE_REVIEW', county.id)] })).toEqual([]);
    expect(codes({ requiresPreReview: true, status: 'APPROVED', signatures: [...threeSignatures, sig('COUNTY_PRE_REVIEW', county.id)] })).toEqual([
      'status.notReady',
    ]);
  });
  it('needs a cleared review and no open finding', () => {
    expect(codes({ review: null })).toEqual(['review.missing']);
    expect(codes({ review: { ...clearedReview, checks: { ...clearedReview.checks, privacy: { conclusion: 'ISSUE' } } } })).toEqual([
      'review.check.issue:privacy',
    ]);
    expect(codes({ findings: [{ status: 'OPEN', key: 'mobile:overview:x', message: '疑似手机号码' }] })).toEqual(['finding.open:mobile:overview:x']);
    expect(codes({ findings: [{ status: 'DISMISSED', key: 'k' }, { status: 'FIXED', key: 'k2' }] })).toEqual([]);
  });
  it('a correction needs its 更正说明', () => {
    expect(codes({ isCorrection: true })).toEqual(['correction.noteMissing']);
    expect(codes({ isCorrection: true, correctionNote: '更正表三第二行数据' })).toEqual([]);
  });
  it('checkPublish refuses with the blockers, and refuses the wrong role', () => {
    const r = checkPublish({ ...publication({ findings: [{ status: 'OPEN', message: '疑似手机号码' }] }), actor: preparer, reportAgencyId: AGENCY });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(!r.ok && r.message).toContain('疑似手机号码');
    expect(checkPublish({ ...publication({}), actor: reviewer, reportAgencyId: AGENCY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkPublish({ ...publication({ status: 'PUBLISHED' }), actor: preparer, reportAgencyId: AGENCY })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
});

describe('availableActions', () => {
  const base = { reportAgencyId: AGENCY, requiresPreReview: false, signatures: [] as Signature[], currentHash: H1 };
  it('shows each actor the buttons of the current state only', () => {
    expect(availableActions({ ...base, status: 'DRAFT', actor: preparer })).toEqual(['submit']);
    expect(availableActions({ ...base, status: 'DRAFT', actor: reviewer })).toEqual([]);
    expect(availableActions({ ...base, status: 'SUBMITTED', actor: reviewer })).toEqual(['review', 'return']);
    expect(availableActions({ ...base, status: 'REVIEWED', actor: approver })).toEqual(['approve', 'return']);
    expect(availableActions({ ...base, status: 'APPROVED', actor: preparer })).toEqual(['publish']);
    expect(availableActions({ ...base, status: 'PUBLISHED', actor: county })).toEqual(['startCorrection', 'requestRectification']);
    expect(availableActions({ ...base, status: 'SUBMITTED', actor: otherAgencyReviewer })).toEqual([]);
  });
  it('hides a signature the actor may not give because they signed another stage', () => {
    const both: WorkflowActor = { id: 'u-both', roles: ['AGENCY_PREPARER', 'AGENCY_REVIEWER'], agencyId: AGENCY };
    expect(availableActions({ ...base, status: 'SUBMITTED', actor: both, signatures: [sig('PREPARE', 'u-both')] })).toEqual(['return', 'withdraw']);
  });
  it('shows the pre-review to the county office when required', () => {
    expect(availableActions({ ...base, requiresPreReview: true, status: 'APPROVED', actor: county })).toEqual(['preReview', 'return']);
  });
});

describe('what may change in each state', () => {
  it('content until publication, warning explanations only in the draft', () => {
    expect(REPORT_STATUSES.filter(isContentEditable)).toEqual(['DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'PRE_REVIEWED']);
    expect(REPORT_STATUSES.filter(canExplainWarnings)).toEqual(['DRAFT']);
  });
});

describe('explaining a warning', () => {
  const input = (over: Partial<Parameters<typeof checkExplainWarning>[0]>) =>
    checkExplainWarning({ status: 'DRAFT', actor: preparer, reportAgencyId: AGENCY, text: '已核实', ...over });

  it('the preparer explains in the draft; the state stays', () => {
    expect(input({})).toEqual({ ok: true, nextStatus: 'DRAFT' });
  });

  it('refuses, in this order: another role or agency, an empty or overlong text, a signed report', () => {
    expect(input({ actor: reviewer })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(input({ actor: { ...preparer, agencyId: 'agency-2' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // the permission is checked before the text: a signer sending nothing is still refused as a signer
    expect(input({ actor: reviewer, text: '' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(input({ text: '  ' })).toEqual({ ok: false, code: 'BAD_USER_INPUT', message: '说明内容不能为空', field: 'text' });
    expect(input({ text: 'x'.repeat(MAX_EXPLANATION_LENGTH + 1) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(input({ text: 'x'.repeat(MAX_EXPLANATION_LENGTH) }).ok).toBe(true);
    expect(input({ status: 'SUBMITTED', text: '' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(input({ status: 'SUBMITTED' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(input({ status: 'PUBLISHED' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('separation of the preparer and the confidentiality reviewer', () => {
  // one person holding both roles (a small agency's office clerk)
  const both: WorkflowActor = { id: 'u-both', roles: ['AGENCY_PREPARER', 'CONFIDENTIALITY_REVIEWER'], agencyId: AGENCY };
  const reviewedByBoth = { ...clearedReview, reviewerId: both.id };
  const off = { preparerNotConfidentialityReviewer: false };

  it('the reviewer of the current content may not submit it (on by default); switched off, they may', () => {
    const refused = checkSign(signInput({ actor: both, review: reviewedByBoth }));
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(!refused.ok && refused.message).toContain('保密审查');
    expect(checkSign(signInput({ actor: both, review: reviewedByBoth, rules: off }))).toEqual({ ok: true, nextStatus: 'SUBMITTED' });
    // a review of other (older) content does not count; another reviewer's review does not either
    expect(checkSign(signInput({ actor: both, review: { ...reviewedByBoth, contentHash: H2 } })).ok).toBe(true);
    expect(checkSign(signInput({ actor: both, review: clearedReview })).ok).toBe(true);
  });

  it('the preparer of the current content may not review it', () => {
    const signatures = [sig('PREPARE', both.id)];
    expect(reviewerSeparationProblem({ actorId: both.id, signatures, currentHash: H1 })).toContain('填报人不能');
    expect(reviewerSeparationProblem({ actorId: secrecy.id, signatures, currentHash: H1 })).toBeNull();
    expect(reviewerSeparationProblem({ actorId: both.id, signatures, currentHash: H1, rules: off })).toBeNull();
    // a voided PREPARE signature (returned, edited) no longer makes its signer the preparer
    expect(reviewerSeparationProblem({ actorId: both.id, signatures: [sig('PREPARE', both.id, H1, '2021-01-11T00:00:00Z')], currentHash: H1 })).toBeNull();
  });

  it('publication is blocked while one person prepared and reviewed the content', () => {
    const codes = (input: Partial<PublicationInput>) => publicationBlockers(publication(input)).map((b) => b.code);
    const signatures = [sig('PREPARE', both.id), sig('REVIEW', reviewer.id), sig('APPROVE', approver.id)];
    expect(codes({ signatures, review: reviewedByBoth })).toEqual(['separation.preparerReviewer']);
    expect(codes({ signatures, review: reviewedByBoth, rules: off })).toEqual([]);
    expect(codes({ signatures, review: clearedReview })).toEqual([]);
  });
});

describe('warnings at submission', () => {
  it('warns when the agency name in the report differs from the registered one, not for width or spacing', () => {
    expect(submissionWarnings({ reportAgency: '盐池县文化旅游广电局', registeredAgencyName: '盐池县文化旅游广电局' })).toEqual([]);
    expect(agencyNameWarning(' 盐池县 文化旅游广电局 ', '盐池县文化旅游广电局')).toBeNull();
    expect(agencyNameWarning('盐池县（文化旅游广电局）', '盐池县(文化旅游广电局)')).toBeNull();
    expect(agencyNameWarning('', '盐池县文化旅游广电局')).toBeNull();
    const other = submissionWarnings({ reportAgency: '盐池县教育体育局', registeredAgencyName: '盐池县文化旅游广电局' });
    expect(other).toEqual([{ code: 'agency.nameMismatch', message: expect.stringContaining('盐池县教育体育局') }]);
    expect(other[0].message).toContain('盐池县文化旅游广电局');
  });
});

describe('published content against the chain', () => {
  const content = generateReport({ format: '2021', year: 2025, agency: '某县某局', seed: 3 });
  const hash = contentHash(content);

  it('holds when the stored content hashes to the chained hash and the hash column agrees', () => {
    expect(checkPublishedIntegrity({ content, storedHash: hash, chainedHash: hash })).toEqual({ ok: true, recomputed: hash });
  });

  it('an edited text or cell, the content and its hash column edited together, and an unrecorded revision all fail', () => {
    const edited = { ...content, sections: { ...content.sections, overview: `${content.sections.overview}（改）` } };
    expect(checkPublishedIntegrity({ content: edited, storedHash: hash, chainedHash: hash })).toMatchObject({ ok: false, problem: 'content' });
    const cell = { ...content, cells: { ...content.cells, 't3.new.natural': 999 } };
    const both = checkPublishedIntegrity({ content: cell, storedHash: contentHash(cell), chainedHash: hash });
    expect(both).toMatchObject({ ok: false, problem: 'content', recomputed: contentHash(cell) });
    expect(checkPublishedIntegrity({ content, storedHash: 'f'.repeat(64), chainedHash: hash })).toMatchObject({ ok: false, problem: 'storedHash' });
    expect(checkPublishedIntegrity({ content, storedHash: hash, chainedHash: null })).toMatchObject({ ok: false, problem: 'unrecorded' });
    const broken = { ...content, cells: { ...content.cells, 't3.new.natural': Number.NaN } };
    expect(checkPublishedIntegrity({ content: broken, storedHash: hash, chainedHash: hash })).toMatchObject({ ok: false, problem: 'content' });
  });
});
