/** Storage of the scanner's findings and the 保密审查 records of a report. */
import type { EntityManager } from 'typeorm';
import { ConfidentialityReview } from './confidentiality-review.entity';
import { Finding } from './finding.entity';

/** every finding of a report, fixed ones included (a finding can come back) */
export function allFindingsOf(manager: EntityManager, reportId: string): Promise<Finding[]> {
  return manager.find(Finding, { where: { reportId } });
}

export function findFinding(manager: EntityManager, id: string): Promise<Finding | null> {
  return manager.findOne(Finding, { where: { id } });
}

export async function insertFinding(manager: EntityManager, row: Finding): Promise<void> {
  await manager.insert(Finding, row);
}

export async function updateFinding(manager: EntityManager, id: string, patch: Partial<Finding>): Promise<void> {
  await manager.update(Finding, { id }, patch);
}

/** the review of exactly this content, voided or not (one per report and content hash) */
export function findReviewOf(manager: EntityManager, reportId: string, contentHash: string): Promise<ConfidentialityReview | null> {
  return manager.findOne(ConfidentialityReview, { where: { reportId, contentHash } });
}

/** every review of a report (voided ones included) */
export function reviewsOf(manager: EntityManager, reportId: string): Promise<ConfidentialityReview[]> {
  return manager.find(ConfidentialityReview, { where: { reportId } });
}

export async function insertReview(manager: EntityManager, review: ConfidentialityReview): Promise<void> {
  await manager.insert(ConfidentialityReview, review);
}

export async function updateReview(manager: EntityManager, id: string, patch: Partial<ConfidentialityReview>): Promise<void> {
  await manager.update(ConfidentialityReview, { id }, patch);
}
