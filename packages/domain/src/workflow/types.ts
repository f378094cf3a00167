/** Shapes shared by the workflow, the confidentiality review and publication. */
import type { ErrorCode } from '../contract';

/** the error codes a refused act carries (../contract) */
export type WorkflowErrorCode = Extract<ErrorCode, 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT' | 'VALIDATION_FAILED'>;

/** one reason an act (submission, publication) may not happen yet, in Chinese */
export interface Blocker {
  /** stable, machine-readable, e.g. "validation.error", "signature.missing.REVIEW", "finding.open" */
  code: string;
  message: string;
  /** the rule, stage, check or finding the blocker is about, when there is one */
  ref?: string;
}
