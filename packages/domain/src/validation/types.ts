import type { ReportContent } from '../report';

export type Severity = 'error' | 'warning';

/**
 * One finding of one rule instance.
 * status 'failed' — the rule is broken; 'notAssessable' — it could not be evaluated (no report for last
 * year, blank cells): said, not silently passed.
 */
export interface RuleResult {
  /** the rule's stable id, e.g. "t3.balance"; warnings are explained per ruleId */
  ruleId: string;
  /** unique per instance within one validation, e.g. "t3.balance:natural" */
  id: string;
  severity: Severity;
  status: 'failed' | 'notAssessable';
  /** cell keys involved (for highlighting); section keys for text rules ("section:overview") */
  cells: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  /** a Chinese sentence a clerk understands, naming the cells and the values */
  message: string;
}

export interface ValidationResult {
  errors: RuleResult[];
  warnings: RuleResult[];
  notAssessable: RuleResult[];
}

export interface ValidationOptions {
  /** last year's report of the same agency, for the cross-year rules */
  previous?: ReportContent | null;
}

export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** Chinese title of the rule, for lists and docs */
  title: string;
}
