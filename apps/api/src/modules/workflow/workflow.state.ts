import type { ConfidentialityReview as DomainReview, FindingState } from '@touming/domain/confidentiality';
import type { ReportContent } from '@touming/domain/report';
import { validateReport, type ValidationResult } from '@touming/domain/validation';
import { isCorrection, type PublicationInput, type RevisionHistory, type Signature as DomainSignature } from '@touming/domain/workflow';
import { Not, type EntityManager } from 'typeorm';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { Finding } from '../confidentiality/finding.entity';
import type { ReportingCycle } from '../cycles/cycle.entity';
import { loadContent, loadPreviousContent } from '../reports/report.repository';
import type { Report } from '../reports/report.entity';
import type { LockedReport, RevisionRef } from './report-lock';
import { Signature } from './signature.entity';
import { WarningExplanation } from './warning-explanation.entity';
import { separationRules } from './separation-rules';
import { signaturesAndFindingsOf } from './workflow.repository';

/** everything the domain's workflow checks need about one report, loaded in a fixed number of queries (the state repository) */
export interface WorkflowState {
  report: Report;
  requiresPreReview: boolean;
  deadline: string | null;
  signatures: Signature[];
  explanations: Record<string, string>;
  /** the review that counts: not voided, preferring the one of the current content */
  review: ConfidentialityReview | null;
  /** open and dismissed findings (fixed ones are history) */
  findings: Finding[];
  /** the published revisions (their numbers are what the workflow decides on) */
  revisions: RevisionRef[];
}

export interface RawState {
  cycle: Pick<ReportingCycle, 'requiresPreReview' | 'deadline'> | null;
  signatures: Signature[];
  explanations: WarningExplanation[];
  reviews: ConfidentialityReview[];
  findings: Finding[];
  revisions: RevisionRef[];
}

export function currentReview(reviews: readonly ConfidentialityReview[], currentHash: string): ConfidentialityReview | null {
  const standing = reviews.filter((r) => !r.voidedAt);
  return standing.find((r) => r.contentHash === currentHash) ?? standing.sort((a, b) => +b.reviewedAt - +a.reviewedAt)[0] ?? null;
}

export function assembleState(report: Report, raw: RawState): WorkflowState {
  return {
    report,
    requiresPreReview: raw.cycle?.requiresPreReview ?? false,
    deadline: raw.cycle?.deadline ?? null,
    signatures: raw.signatures,
    explanations: Object.fromEntries(raw.explanations.map((e) => [e.ruleId, e.text])),
    review: currentReview(raw.reviews, report.contentHash),
    findings: raw.findings,
    revisions: raw.revisions,
  };
}

/**
 * the parts of a workflow state an act decides on: the cycle and the revisions' numbers come with the
 * locked report (./report-lock.ts), each other part is one statement — signatures and findings one
 * together
 */
export type StatePart = 'cycle' | 'signatures' | 'explanations' | 'reviews' | 'findings' | 'revisions';
export const ALL_STATE_PARTS: readonly StatePart[] = ['cycle', 'signatures', 'explanations', 'reviews', 'findings', 'revisions'];

/**
 * Load inside a transaction (the rows the act is decided on), beside the locked report. The parts
 * left out are empty in the state (no cycle: requiresPreReview false and no deadline) — an act must
 * not decide on them.
 */
export async function loadWorkflowState(manager: EntityManager, locked: LockedReport, parts: readonly StatePart[] = ALL_STATE_PARTS): Promise<WorkflowState> {
  const { report } = locked;
  const where = { reportId: report.id };
  const wanted = (part: StatePart) => parts.includes(part);
  const none = Promise.resolve([]);
  const both = wanted('signatures') && wanted('findings') ? signaturesAndFindingsOf(manager, report.id) : null;
  const [signatures, explanations, reviews, findings] = await Promise.all([
    both ? both.then((r) => r.signatures) : wanted('signatures') ? manager.find(Signature, { where, order: { signedAt: 'ASC', id: 'ASC' } }) : none,
    wanted('explanations') ? manager.find(WarningExplanation, { where }) : none,
    wanted('reviews') ? manager.find(ConfidentialityReview, { where, order: { reviewedAt: 'DESC' } }) : none,
    both ? both.then((r) => r.findings) : wanted('findings') ? manager.find(Finding, { where: { ...where, status: Not('FIXED' as const) } }) : none,
  ]);
  return assembleState(report, {
    cycle: wanted('cycle') ? locked.cycle : null,
    signatures,
    explanations,
    reviews,
    findings,
    revisions: wanted('revisions') ? locked.revisions : [],
  });
}

/** the report's content and its validation against last year's report, read in the transaction */
export async function loadValidation(manager: EntityManager, report: Report): Promise<{ content: ReportContent; validation: ValidationResult }> {
  const [content, previous] = await Promise.all([loadContent(manager, report), loadPreviousContent(manager, report.agencyId, report.year)]);
  return { content, validation: validateReport(content, { previous }) };
}

// ---- the domain's shapes ---------------------------------------------------------------------

export function domainSignatures(signatures: readonly Signature[]): (DomainSignature & { id: string })[] {
  return signatures.map((s) => ({
    id: s.id,
    stage: s.stage,
    signerId: s.signerId,
    contentHash: s.contentHash,
    signedAt: new Date(s.signedAt).toISOString(),
    voidedAt: s.voidedAt ? new Date(s.voidedAt).toISOString() : null,
    comment: s.comment,
  }));
}

export function domainReview(review: ConfidentialityReview | null): DomainReview | null {
  if (!review) return null;
  return {
    contentHash: review.contentHash,
    checks: review.checks ?? {},
    conclusion: review.conclusion,
    bases: review.bases ?? [],
    disclosure: review.disclosure,
    reviewerId: review.reviewerId,
    reviewedAt: new Date(review.reviewedAt).toISOString(),
  };
}

export function domainFindings(findings: readonly Finding[]): FindingState[] {
  return findings.map((f) => ({ status: f.status, key: f.key, message: f.message }));
}

/** the report's published history as the domain's isCorrection / workingRevisionNo read it */
export function revisionHistory(state: Pick<WorkflowState, 'revisions' | 'report'>): RevisionHistory {
  return { status: state.report.status, revisions: state.revisions };
}

/** the domain's publication input for a report in this state (publication blockers, checkPublish) */
export function publicationInput(report: Report, state: WorkflowState, validation: ValidationResult, correctionNote: string | null | undefined): PublicationInput {
  return {
    status: report.status,
    validation,
    explanations: state.explanations,
    signatures: domainSignatures(state.signatures),
    currentHash: report.contentHash,
    requiresPreReview: state.requiresPreReview,
    review: domainReview(state.review),
    findings: domainFindings(state.findings),
    isCorrection: isCorrection(revisionHistory(state)),
    correctionNote,
    rules: separationRules(),
  };
}
