import { rankByConcern, type ComparisonConcern, type ReportComparison } from '@touming/domain/compare';

/** one agency of a batch comparison: its report of the year against last year's, when both are published */
export interface ComparisonBatchItemRow {
  agencyId: string;
  agencyName: string;
  revisionId: string | null;
  previousRevisionId: string | null;
  comparison: ReportComparison | null;
  /** why there is no comparison */
  note: string | null;
  concern?: ComparisonConcern | null;
  rank?: number | null;
}

/** the domain's ranking, kept on the rows */
export function rankComparisons(rows: readonly ComparisonBatchItemRow[]): ComparisonBatchItemRow[] {
  return rankByConcern(rows).map((r) => ({ ...r.item, concern: r.concern, rank: r.rank }));
}
