import type { Blocker } from '../workflow/types';
import {
  CONFIDENTIALITY_CHECKS,
  REVIEW_CONCLUSION_LABELS,
  DISCLOSURE_ATTRIBUTE_LABELS,
  type CheckConclusion,
  type ConfidentialityCheckKey,
  type DisclosureAttribute,
  type ReviewBasis,
  type ReviewConclusion,
} from './checks';

export interface CheckResult {
  conclusion: CheckConclusion;
  note?: string | null;
}

/** The written 保密审查 record of one report revision, bound to the content it reviewed. */
export interface ConfidentialityReview {
  /** the content hash the reviewer reviewed; an edit makes the review stale */
  contentHash: string;
  /** a missing check has not been concluded yet */
  checks: Partial<Record<ConfidentialityCheckKey, CheckResult>>;
  conclusion: ReviewConclusion | null;
  bases?: readonly ReviewBasis[];
  disclosure?: DisclosureAttribute | null;
  reviewerId?: string | null;
  reviewedAt?: string | null;
}

/** the part of a stored finding the review needs: whether it is still open */
export interface FindingState {
  status: 'OPEN' | 'DISMISSED' | 'FIXED';
  message?: string;
  key?: string;
}

/** the dispositions under which a report may go out */
const PUBLISHABLE_DISCLOSURE: readonly DisclosureAttribute[] = ['PROACTIVE', 'REDACTED'];

/**
 * Everything that keeps the review from being cleared, in Chinese; empty = cleared. Cleared means:
 * every one of the seven checks concluded 无问题, overall 公开, the review is of exactly the current
 * content, and no scanner finding is open.
 */
export function reviewBlockers(
  review: ConfidentialityReview | null | undefined,
  currentHash: string,
  findings: readonly FindingState[],
): Blocker[] {
  const blockers: Blocker[] = [];
  if (!review) {
    blockers.push({ code: 'review.missing', message: '尚未进行保密审查' });
  } else {
    if (review.contentHash !== currentHash) {
      blockers.push({ code: 'review.stale', message: '保密审查针对的是修改前的内容，报告修改后须重新审查' });
    }
    for (const check of CONFIDENTIALITY_CHECKS) {
      const result = review.checks[check.key];
      if (!result) {
        blockers.push({ code: 'review.check.open', ref: check.key, message: `保密审查“${check.label}”项尚未作出结论` });
      } else if (result.conclusion !== 'PASS') {
        blockers.push({ code: 'review.check.issue', ref: check.key, message: `保密审查“${check.label}”项结论为存在问题` });
      }
    }
    if (review.conclusion == null) {
      blockers.push({ code: 'review.conclusion.missing', message: '保密审查尚未作出总体结论' });
    } else if (review.conclusion !== 'OPEN') {
      blockers.push({
        code: 'review.conclusion.notOpen',
        message: `保密审查总体结论为“${REVIEW_CONCLUSION_LABELS[review.conclusion]}”，不能公开`,
      });
    }
    if (review.disclosure && !PUBLISHABLE_DISCLOSURE.includes(review.disclosure)) {
      blockers.push({
        code: 'review.disclosure',
        message: `公开属性为“${DISCLOSURE_ATTRIBUTE_LABELS[review.disclosure]}”，不能主动公开`,
      });
    }
  }
  const open = findings.filter((f) => f.status === 'OPEN');
  for (const f of open) {
    blockers.push({ code: 'finding.open', ref: f.key, message: `扫描发现尚未处理：${f.message ?? '疑似敏感信息'}` });
  }
  return blockers;
}

/** all seven checks 无问题, overall 公开, on the current hash, no open finding */
export function reviewCleared(
  review: ConfidentialityReview | null | undefined,
  currentHash: string,
  findings: readonly FindingState[],
): boolean {
  return reviewBlockers(review, currentHash, findings).length === 0;
}

/**
 * The overall conclusion the checks suggest: any 存在问题 → 免于公开 unless the reviewer refers it;
 * all 无问题 → 公开; an unconcluded check → null (not yet).
 */
export function suggestedConclusion(checks: ConfidentialityReview['checks']): ReviewConclusion | null {
  const results = CONFIDENTIALITY_CHECKS.map((c) => checks[c.key]);
  if (results.some((r) => !r)) return null;
  return results.every((r) => r!.conclusion === 'PASS') ? 'OPEN' : 'EXEMPT';
}
