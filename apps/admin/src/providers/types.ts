/**
 * The console's names for the API's records, as the console's documents select them. Every shape is
 * generated (src/gql, from apps/api/schema.graphql and the fragments in ./resources.graphql): a field
 * the API drops or retypes fails the generation or the type-check, never a screen at run time.
 */
import type { AgencyKind as DomainAgencyKind } from '@touming/domain/agencies';
import type { RuleResult, ValidationResult } from '@touming/domain/validation';
import type {
  AgencyFieldsFragment,
  AgencyKind,
  CycleFieldsFragment,
  ImportReportMutation,
  ReportFullFragment,
  ReportSummaryFieldsFragment,
  UserFieldsFragment,
} from '../gql/graphql';

export type { AgencyKind, ReportUpdateInput, ListOptions, ReportFilter } from '../gql/graphql';

export type Agency = AgencyFieldsFragment;
export type User = UserFieldsFragment;
export type Cycle = CycleFieldsFragment;
/** a report in lists: no cells, sections or validation */
export type ReportSummary = ReportSummaryFieldsFragment;
/** a report in the editor: content, the server's validation (explanations of warnings) and last year's report */
export type Report = ReportFullFragment;
export type PreviousYearReport = NonNullable<Report['previousYear']>;
export type ImportResult = ImportReportMutation['importReport'];

/**
 * The API's rule results are the domain's (@touming/domain/validation), sent with severity and status
 * as plain strings; this gives them back their domain types for the domain's helpers.
 */
export function toDomainValidation<
  R extends Omit<RuleResult, 'severity' | 'status' | 'expected' | 'actual'> & {
    severity: string;
    status: string;
  },
>(validation: {
  errors: readonly R[];
  warnings: readonly R[];
  notAssessable: readonly R[];
}): ValidationResult {
  const rule = (r: R): RuleResult => ({
    ...r,
    severity: r.severity === 'warning' ? 'warning' : 'error',
    status: r.status === 'notAssessable' ? 'notAssessable' : 'failed',
  });
  return {
    errors: validation.errors.map(rule),
    warnings: validation.warnings.map(rule),
    notAssessable: validation.notAssessable.map(rule),
  };
}

/**
 * The forms offer the domain's AGENCY_KINDS (@touming/domain/agencies); the schema's enum is generated.
 * The compiler says when the two lists differ.
 */
type _SameAgencyKinds<
  T extends true = [AgencyKind] extends [DomainAgencyKind]
    ? [DomainAgencyKind] extends [AgencyKind]
      ? true
      : false
    : false,
> = T;
