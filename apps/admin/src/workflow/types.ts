/**
 * The workflow screens' names for what the API returns (generated from ./workflow.graphql and
 * ../todo/todo.graphql against the schema; see src/gql).
 */
import type {
  FindingFieldsFragment,
  ReportForReviewQuery,
  ReportWorkflowFieldsFragment,
  TodoReportsQuery,
} from '../gql/graphql';

/** the report's workflow state as the API computes it for the signed-in user */
export type ReportWorkflow = ReportWorkflowFieldsFragment;
/** a report on the 保密审查 page: its texts, findings and the review on record */
export type ReportForReview = NonNullable<ReportForReviewQuery['report']>;
export type Finding = FindingFieldsFragment;

/**
 * A report in the 待我处理 queues. The queues compare its availableActions with plain action names,
 * so they are read here as strings (the generated type lists the schema's WorkflowAction values).
 */
export type TodoReport = Omit<TodoReportsQuery['reports']['items'][number], 'availableActions'> & {
  availableActions: readonly string[];
};
