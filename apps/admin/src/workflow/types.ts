/** Shapes of the workflow part of the API (apps/api/schema.graphql) that the workflow screens read. */
import type { ReportStatus, SignatureStage, WorkflowAction } from '@touming/domain/workflow';
import type { SectionText } from '../providers/types';

export interface Blocker {
  code: string;
  message: string;
  ref?: string | null;
}

export interface Signature {
  id: string;
  stage: SignatureStage;
  signerName: string;
  signedAt: string;
  comment?: string | null;
  contentHash: string;
  revision: number;
  voidedAt?: string | null;
  voidReason?: string | null;
}

export interface ReviewCheck {
  key: string;
  label: string;
  question: string;
  conclusion?: string | null;
  note?: string | null;
}

export interface ConfidentialityReview {
  id: string;
  contentHash: string;
  checks: ReviewCheck[];
  conclusion?: string | null;
  conclusionLabel?: string | null;
  disclosure?: string | null;
  bases: string[];
  note?: string | null;
  reviewerName: string;
  reviewedAt: string;
  voidedAt?: string | null;
}

export interface Finding {
  id: string;
  kind: string;
  key: string;
  section: string;
  start: number;
  end: number;
  match: string;
  message: string;
  status: 'OPEN' | 'FIXED' | 'DISMISSED';
  dismissReason?: string | null;
}

export interface ReportConfidentiality {
  cleared: boolean;
  blockers: Blocker[];
  findings: Finding[];
  review?: ConfidentialityReview | null;
}

export interface Revision {
  id: string;
  revisionNo: number;
  publishedAt: string;
  correctionNote?: string | null;
  contentHash: string;
  isCurrent: boolean;
}

export interface Rectification {
  id: string;
  comment: string;
  requestedAt: string;
}

/** the report's workflow state as the API computes it for the signed-in user */
export interface ReportWorkflow {
  id: string;
  agencyId: string;
  agencyName: string;
  year: number;
  status: ReportStatus;
  revision: number;
  contentHash: string;
  errorCount: number;
  availableActions: WorkflowAction[];
  publicationBlockers: Blocker[];
  signatures: Signature[];
  revisions: Revision[];
  rectifications: Rectification[];
  deadline: { deadline: string; overdue: boolean; daysLeft?: number | null; daysOverdue: number; published: boolean };
  confidentiality: { cleared: boolean; blockers: Blocker[] };
}

export interface ReportForReview {
  id: string;
  agencyId: string;
  agencyName: string;
  year: number;
  status: ReportStatus;
  revision: number;
  contentHash: string;
  sections: SectionText[];
  availableActions: WorkflowAction[];
  confidentiality: ReportConfidentiality;
}
