/**
 * Grouping of reports into the 待我处理 queues. What a user may do with a report is the API's
 * availableActions (computed by @touming/domain/workflow); this only sorts reports into queues.
 */
import type { Role } from '@touming/domain/permissions';
import type { TodoReport } from '../workflow/operations';

export type QueueKey = 'to_submit' | 'to_sign' | 'to_review' | 'to_publish';
export interface Queue {
  key: QueueKey;
  items: TodoReport[];
}

/** states in which the confidentiality reviewer's review is due: signed off, not yet published */
const REVIEW_DUE = new Set(['APPROVED', 'PRE_REVIEWED']);

export function groupTodos(reports: TodoReport[], roles: readonly Role[]): Queue[] {
  const has = (a: string, r: TodoReport) => r.availableActions.includes(a);
  return [
    // a draft with errors cannot be submitted: the preparer's queue shows only what can go now
    { key: 'to_submit', items: reports.filter((r) => has('submit', r) && r.errorCount === 0) },
    { key: 'to_sign', items: reports.filter((r) => has('review', r) || has('approve', r) || has('preReview', r)) },
    {
      key: 'to_review',
      items: roles.includes('CONFIDENTIALITY_REVIEWER')
        ? reports.filter((r) => REVIEW_DUE.has(r.status) && !r.confidentiality.cleared)
        : [],
    },
    { key: 'to_publish', items: reports.filter((r) => has('publish', r)) },
  ];
}
