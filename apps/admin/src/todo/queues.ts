/**
 * Grouping of reports into the 待我处理 queues. What a user may do with a report is the API's
 * availableActions (computed by @touming/domain/workflow); who reviews and when a review is due are
 * the domain's too (can(), isReviewDue); this only sorts reports into queues.
 */
import { contributionTargets } from '@touming/domain/contributions';
import { isFormatId } from '@touming/domain/formats';
import { can, type Actor } from '@touming/domain/permissions';
import { isReviewDue } from '@touming/domain/workflow';
import type { TodoReport } from '../workflow/operations';

export type QueueKey = 'to_submit' | 'to_sign' | 'to_review' | 'to_publish';
export interface Queue {
  key: QueueKey;
  items: TodoReport[];
}

/** `reports` are the ones the API lets this user see (its own agency unless county-wide) */
export function groupTodos(reports: TodoReport[], actor: Actor | null | undefined): Queue[] {
  const has = (a: string, r: TodoReport) => r.availableActions.includes(a);
  return [
    // a draft with errors cannot be submitted: the preparer's queue shows only what can go now
    { key: 'to_submit', items: reports.filter((r) => has('submit', r) && r.errorCount === 0) },
    { key: 'to_sign', items: reports.filter((r) => has('review', r) || has('approve', r) || has('preReview', r)) },
    {
      key: 'to_review',
      items: can(actor, 'confidentiality.review') ? reports.filter((r) => isReviewDue(r.status) && !r.confidentiality.cleared) : [],
    },
    { key: 'to_publish', items: reports.filter((r) => has('publish', r)) },
  ];
}

export interface AssignedItem {
  report: TodoReport;
  contribution: TodoReport['contributions'][number];
}

/**
 * 分配给我的: the parts of reports assigned to this user that it can still work on — the report is a
 * draft (contributions are gathered for the draft; the API refuses a contributor's edit after
 * submission). Delivered ones stay listed: they may be corrected until the preparer submits.
 * Undelivered first, then by due date.
 */
export function assignedTo(reports: TodoReport[], userId: string | null | undefined): AssignedItem[] {
  if (!userId) return [];
  return reports
    .filter((r) => r.status === 'DRAFT')
    .flatMap((report) => report.contributions.filter((c) => c.assigneeId === userId).map((contribution) => ({ report, contribution })))
    .sort(
      (a, b) =>
        Number(Boolean(a.contribution.deliveredAt)) - Number(Boolean(b.contribution.deliveredAt)) ||
        a.contribution.dueDate.localeCompare(b.contribution.dueDate),
    );
}

/** a contribution target as the preparer chose it from the domain's list (表三 …, 存在的主要问题…) */
export function targetLabel(format: string, target: string): string {
  if (!isFormatId(format)) return target;
  return contributionTargets(format).find((o) => o.target === target)?.label ?? target;
}
