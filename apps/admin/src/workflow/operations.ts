/** Typed GraphQL operations of the workflow screens (names and arguments from apps/api/schema.graphql). */
import { operation } from '../providers/graphqlClient';
import type { ListOptions, ListResult } from '../providers/operations';
import type { ReportStatus, SignatureStage } from '@touming/domain/workflow';
import type { Finding, ReportForReview, ReportWorkflow } from './types';

const BLOCKER = 'code message ref';
const WORKFLOW = `id agencyId agencyName year status revision contentHash errorCount availableActions
  publicationBlockers { ${BLOCKER} }
  signatures { id stage signerName signedAt comment contentHash revision voidedAt voidReason }
  revisions { id revisionNo publishedAt correctionNote contentHash isCurrent }
  rectifications { id comment requestedAt }
  deadline { deadline overdue daysLeft daysOverdue published }
  confidentiality { cleared blockers { ${BLOCKER} } }`;
const FINDING = 'id kind key section start end match message status dismissReason';
const REVIEW = `id contentHash checks { key label question conclusion note } conclusion conclusionLabel disclosure bases note
  reviewerName reviewedAt voidedAt`;
const FOR_REVIEW = `id agencyId agencyName year status revision contentHash sections { key title text } availableActions
  confidentiality { cleared blockers { ${BLOCKER} } findings { ${FINDING} } review { ${REVIEW} } }`;

export const REPORT_WORKFLOW = operation<{ report: ReportWorkflow | null }, { id: string }>(
  `query ReportWorkflow($id: ID!) { report(id: $id) { ${WORKFLOW} } }`,
);
export const SUBMIT = operation<{ submitReport: ReportWorkflow }, { id: string; contentHash: string; comment?: string | null }>(
  `mutation Submit($id: ID!, $contentHash: String!, $comment: String) {
    submitReport(id: $id, contentHash: $contentHash, comment: $comment) { ${WORKFLOW} } }`,
);
export const SIGN = operation<
  { signReport: ReportWorkflow },
  { id: string; stage: SignatureStage; contentHash: string; comment?: string | null }
>(
  `mutation Sign($id: ID!, $stage: SignatureStage!, $contentHash: String!, $comment: String) {
    signReport(id: $id, stage: $stage, contentHash: $contentHash, comment: $comment) { ${WORKFLOW} } }`,
);
export const RETURN = operation<{ returnReport: ReportWorkflow }, { id: string; comment: string }>(
  `mutation Return($id: ID!, $comment: String!) { returnReport(id: $id, comment: $comment) { ${WORKFLOW} } }`,
);
export const PUBLISH = operation<{ publishReport: ReportWorkflow }, { id: string; correctionNote?: string | null }>(
  `mutation Publish($id: ID!, $correctionNote: String) { publishReport(id: $id, correctionNote: $correctionNote) { ${WORKFLOW} } }`,
);
export const START_CORRECTION = operation<{ startCorrection: ReportWorkflow }, { id: string }>(
  `mutation StartCorrection($id: ID!) { startCorrection(id: $id) { ${WORKFLOW} } }`,
);
export const REQUEST_RECTIFICATION = operation<{ requestRectification: { id: string } }, { id: string; comment: string }>(
  `mutation RequestRectification($id: ID!, $comment: String!) { requestRectification(id: $id, comment: $comment) { id } }`,
);

// ---- 保密审查
export const REPORT_FOR_REVIEW = operation<{ report: ReportForReview | null }, { id: string }>(
  `query ReportForReview($id: ID!) { report(id: $id) { ${FOR_REVIEW} } }`,
);
export interface ReviewInput {
  checks: { key: string; conclusion: string; note?: string | null }[];
  conclusion?: string | null;
  disclosure?: string | null;
  bases?: string[];
  note?: string | null;
}
export const SAVE_REVIEW = operation<
  { saveConfidentialityReview: { id: string } },
  { reportId: string; contentHash: string; input: ReviewInput }
>(
  `mutation SaveReview($reportId: ID!, $contentHash: String!, $input: ConfidentialityReviewInput!) {
    saveConfidentialityReview(reportId: $reportId, contentHash: $contentHash, input: $input) { id } }`,
);
export const SCAN = operation<{ scanReport: Finding[] }, { id: string }>(
  `mutation Scan($id: ID!) { scanReport(id: $id) { ${FINDING} } }`,
);
export const DISMISS_FINDING = operation<{ dismissFinding: Finding }, { id: string; reason: string }>(
  `mutation Dismiss($id: ID!, $reason: String!) { dismissFinding(id: $id, reason: $reason) { ${FINDING} } }`,
);

// ---- 待我处理
export interface TodoReport {
  id: string;
  agencyName: string;
  year: number;
  status: ReportStatus;
  errorCount: number;
  warningCount: number;
  updatedAt: string;
  availableActions: string[];
  deadline: { deadline: string; overdue: boolean; daysLeft?: number | null; daysOverdue: number };
  confidentiality: { cleared: boolean };
}
export const TODO_REPORTS = operation<
  { reports: ListResult<TodoReport> },
  { filter?: { status?: string; year?: number }; options?: ListOptions }
>(
  `query TodoReports($filter: ReportFilter, $options: ListOptions) {
    reports(filter: $filter, options: $options) { items {
      id agencyName year status errorCount warningCount updatedAt availableActions
      deadline { deadline overdue daysLeft daysOverdue } confidentiality { cleared }
    } totalItems } }`,
);
export interface OverdueContribution {
  daysOverdue: number;
  contribution: { id: string; reportId: string; target: string; dueDate: string; note?: string | null; assignee?: { displayName: string } | null };
}
export const OVERDUE_CONTRIBUTIONS = operation<{ overdueContributions: OverdueContribution[] }>(
  `query OverdueContributions { overdueContributions { daysOverdue contribution { id reportId target dueDate note assignee { displayName } } } }`,
);

// ---- 审计
export const VERIFY_CHAIN = operation<{ verifyAuditChain: { ok: boolean; checked: number; firstBrokenId?: string | null } }>(
  `query VerifyChain { verifyAuditChain { ok checked firstBrokenId } }`,
);
