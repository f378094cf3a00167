/**
 * The states of a report revision (三级联签 and publication). Transitions, signature validity and
 * publication preconditions live beside this file (./transitions.ts).
 */
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'PRE_REVIEWED', 'PUBLISHED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交（待分管领导审核）',
  REVIEWED: '分管领导已审核（待主要领导审批）',
  APPROVED: '主要领导已审批',
  PRE_REVIEWED: '县政务公开办已预审',
  PUBLISHED: '已公开',
};

/** the three signatures of 三级联签, plus the county office's pre-publication review when the cycle asks */
export const SIGNATURE_STAGES = ['PREPARE', 'REVIEW', 'APPROVE', 'COUNTY_PRE_REVIEW'] as const;
export type SignatureStage = (typeof SIGNATURE_STAGES)[number];

export const SIGNATURE_STAGE_LABELS: Record<SignatureStage, string> = {
  PREPARE: '填报人提交',
  REVIEW: '分管领导审核',
  APPROVE: '主要领导审批',
  COUNTY_PRE_REVIEW: '县政务公开办预审',
};

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/**
 * A report's content may change until it is published (an edit after a signature voids that signature
 * visibly); a published revision changes only through a correction, which opens a new draft.
 */
export function isContentEditable(status: ReportStatus): boolean {
  return status !== 'PUBLISHED';
}

/**
 * The confidentiality reviewer's review is due as soon as the preparer submits, in parallel with the
 * leaders' signatures, and until publication: a phone number found then costs the preparer one edit
 * and one new submission, not a return after three signatures. Publication still needs all the
 * signatures and a passed review of the same content (an edit voids both). The 待我处理 queue of
 * reviewers lists these.
 */
export function isReviewDue(status: ReportStatus): boolean {
  return status === 'SUBMITTED' || status === 'REVIEWED' || status === 'APPROVED' || status === 'PRE_REVIEWED';
}

/** warnings are explained in the draft, before the preparer's signature, so the signers see the explanations */
export function canExplainWarnings(status: ReportStatus): boolean {
  return status === 'DRAFT';
}
