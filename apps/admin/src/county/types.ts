/**
 * The county office's names for what the API returns (documents in ./county.graphql, typed in src/gql
 * against the schema).
 */
import type {
  CountyAgencyStatusFieldsFragment,
  CountySummaryQuery,
  QualityItemFieldsFragment,
} from '../gql/graphql';

export type { CountyScope, CountyScopeKind } from '../gql/graphql';

/** the county totals for a year and scope, with the agencies counted or not and the totals' validation */
export type CountySummary = CountySummaryQuery['countySummary'];
/**
 * one county total: the sum, and the change from last year over the agencies published in both years
 * (comparableValue vs previousValue), and how many agencies left it blank
 */
export type CountyCell = CountySummary['cells'][number];
/** what the change beside each total compares (the API's words) */
export type CountyComparison = CountySummary['comparison'];
export type CountyAgencyStatus = CountyAgencyStatusFieldsFragment;
/** one agency in the quality ranking, with the reason for every deduction */
export type QualityItem = QualityItemFieldsFragment;
