/**
 * Whose turn it is, in the words each person's start page and 待我处理 use: a signer whose signature
 * the report waits for, the 保密审查员 whose review it waits for, the preparer or county office who
 * may publish it now. Built on availableActions (what the actor may do in this state) plus the
 * confidentiality review: publication waits for a passed review on the current content, so a report
 * whose review has not passed is the 保密审查员's turn, not in anyone's 待发布 list.
 */
import { can, type Actor } from '../permissions';
import { isReviewDue } from './states';
import type { ReportStatus } from './states';
import type { WorkflowAction } from './transitions';

export interface TurnInput {
  status: ReportStatus;
  /** the actor's availableActions on the report (the API computes them with the domain's rules) */
  actions: readonly string[];
  /** the review of the current content has passed and no scanner finding is open */
  confidentialityCleared: boolean;
}

/**
 * The report belongs in the actor's 待发布 list: the actor may publish in this state and the review
 * has passed. Other blockers (a signature voided by an edit…) the publish button itself names.
 */
export function awaitsPublicationBy({ actions, confidentialityCleared }: TurnInput): boolean {
  return actions.includes('publish' satisfies WorkflowAction) && confidentialityCleared;
}

/** the confidentiality review is the actor's to give now */
export function awaitsReviewBy(actor: Actor | null | undefined, { status, confidentialityCleared }: TurnInput, reportAgencyId?: string): boolean {
  return can(actor, 'confidentiality.review', reportAgencyId) && isReviewDue(status) && !confidentialityCleared;
}

const SIGNING_ACTIONS: readonly WorkflowAction[] = ['review', 'approve', 'preReview'];

/** the signature the report waits for is the actor's (review, approve or the county pre-review), or null */
export function signatureTurnOf({ actions }: Pick<TurnInput, 'actions'>): WorkflowAction | null {
  return SIGNING_ACTIONS.find((a) => actions.includes(a)) ?? null;
}
