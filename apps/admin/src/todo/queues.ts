/**
 * Grouping of reports into the 待我处理 queues. What a user may do with a report is the API's
 * availableActions (computed by @touming/domain/workflow); whose turn a review or a publication is,
 * is the domain's too (awaitsReviewBy, awaitsPublicationBy); this only sorts reports into queues.
 */
import { contributionStatusOf, contributionTargets } from '@touming/domain/contributions';
import { isFormatId } from '@touming/domain/formats';
import type { Actor } from '@touming/domain/permissions';
import { awaitsPublicationBy, awaitsReviewBy, type TurnInput } from '@touming/domain/workflow';
import type { TodoReport } from '../workflow/operations';

export type QueueKey = 'returned' | 'to_submit' | 'to_sign' | 'to_review' | 'to_publish';
export interface Queue {
  key: QueueKey;
  items: TodoReport[];
}

/** `reports` are the ones the API lets this user see (its own agency unless county-wide) */
export function groupTodos(reports: TodoReport[], actor: Actor | null | undefined): Queue[] {
  const has = (a: string, r: TodoReport) => r.availableActions.includes(a);
  const turn = (r: TodoReport): TurnInput => ({ status: r.status, actions: r.availableActions, confidentialityCleared: r.confidentiality.cleared });
  return [
    // a returned draft comes first, errors or not: a signer is waiting for the changes asked for
    { key: 'returned', items: reports.filter((r) => has('submit', r) && r.returned) },
    // a draft with errors cannot be submitted: the preparer's queue shows only what can go now
    { key: 'to_submit', items: reports.filter((r) => has('submit', r) && !r.returned && r.errorCount === 0) },
    { key: 'to_sign', items: reports.filter((r) => has('review', r) || has('approve', r) || has('preReview', r)) },
    { key: 'to_review', items: reports.filter((r) => awaitsReviewBy(actor, turn(r))) },
    // a report whose confidentiality review has not passed waits for the 保密审查员, not for publication
    { key: 'to_publish', items: reports.filter((r) => awaitsPublicationBy(turn(r))) },
  ];
}

export interface AssignedItem {
  report: TodoReport;
  contribution: TodoReport['contributions'][number];
}

/**
 * 分配给我的: the parts of reports assigned to this user that it can still work on — the report is a
 * draft (contributions are gathered for the draft; the API refuses a contributor's edit after
 * submission) and the preparer has not accepted the part. Delivered ones stay listed: they may be
 * corrected until the preparer acts.
 */
export function assignedTo(reports: TodoReport[], userId: string | null | undefined): AssignedItem[] {
  if (!userId) return [];
  // sent back first (the preparer waits for the correction), then not yet delivered, then delivered
  const rank = { RETURNED: 0, ASSIGNED: 1, DELIVERED: 2, ACCEPTED: 3 } as const;
  return reports
    .filter((r) => r.status === 'DRAFT')
    .flatMap((report) => report.contributions.filter((c) => c.assigneeId === userId).map((contribution) => ({ report, contribution })))
    // an accepted part is the preparer's now: nothing left to do
    .filter(({ contribution }) => contributionStatusOf(contribution) !== 'ACCEPTED')
    .sort(
      (a, b) =>
        rank[contributionStatusOf(a.contribution)] - rank[contributionStatusOf(b.contribution)] ||
        a.contribution.dueDate.localeCompare(b.contribution.dueDate),
    );
}

/** a contribution target as the preparer chose it from the domain's list (表三 …, 存在的主要问题…) */
export function targetLabel(format: string, target: string): string {
  if (!isFormatId(format)) return target;
  return contributionTargets(format).find((o) => o.target === target)?.label ?? target;
}
