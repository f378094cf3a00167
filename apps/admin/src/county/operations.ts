/** The county office's GraphQL operations: the county summary, one cell's breakdown, the quality ranking. */
import { operation } from '../providers/graphqlClient';
import type { RuleResult } from '@touming/domain/validation';

export type CountyScopeKind = 'ALL' | 'DEPARTMENTS' | 'TOWNSHIPS' | 'LIST';
export interface CountyScope {
  kind: CountyScopeKind;
  agencyIds?: string[];
}

export interface CountyCell {
  key: string;
  label: string;
  value: number | null;
  previousValue: number | null;
  change: number | null;
  blanks: number;
}

export interface CountyAgencyStatus {
  agencyId: string;
  agencyName: string;
  kind: string;
  reportStatus: string | null;
  revisionId: string | null;
  publishedAt: string | null;
  note: string | null;
}

export interface CountySummary {
  year: number;
  format: string;
  scope: CountyScopeKind;
  reportCount: number;
  previousYearComparable: boolean;
  cells: CountyCell[];
  included: CountyAgencyStatus[];
  missing: CountyAgencyStatus[];
  notPublished: CountyAgencyStatus[];
  validation: { errors: RuleResult[]; warnings: RuleResult[]; notAssessable: RuleResult[] };
}

const AGENCY_STATUS = 'agencyId agencyName kind reportStatus revisionId publishedAt note';
const RULE = 'id ruleId severity status cells expected actual message';

export const COUNTY_SUMMARY = operation<{ countySummary: CountySummary }, { year: number; scope: CountyScope }>(
  `query CountySummary($year: Int!, $scope: CountyScope) {
    countySummary(year: $year, scope: $scope) {
      year format scope reportCount previousYearComparable
      cells { key label value previousValue change blanks }
      included { ${AGENCY_STATUS} }
      missing { ${AGENCY_STATUS} }
      notPublished { ${AGENCY_STATUS} }
      validation { errors { ${RULE} } warnings { ${RULE} } notAssessable { ${RULE} } }
    }
  }`,
);

export interface CellBreakdown {
  key: string;
  label: string;
  total: number | null;
  items: { agencyId: string; agencyName: string; kind: string; revisionId: string; value: number | null }[];
}

export const CELL_BREAKDOWN = operation<
  { countyCellBreakdown: CellBreakdown },
  { year: number; key: string; scope: CountyScope }
>(
  `query CountyCellBreakdownByScope($year: Int!, $key: ID!, $scope: CountyScope) {
    countyCellBreakdown(year: $year, key: $key, scope: $scope) {
      key label total items { agencyId agencyName kind revisionId value }
    }
  }`,
);

export interface QualityReason {
  id: string;
  message: string;
  points: number;
  notAssessable: boolean;
  section: string | null;
  cells: string[];
}

export interface QualityItem {
  agencyId: string;
  agencyName: string;
  kind: string;
  score: number | null;
  rank: number | null;
  followUp: boolean;
  revisionId: string | null;
  problemsSimilarity: number | null;
  reasons: QualityReason[];
}

const QUALITY_ITEM = `agencyId agencyName kind score rank followUp revisionId problemsSimilarity
  reasons { id message points notAssessable section cells }`;

export const QUALITY_RANKING = operation<
  { qualityRanking: { year: number; items: QualityItem[]; followUp: QualityItem[] } },
  { year: number }
>(
  `query QualityRanking($year: Int!) {
    qualityRanking(year: $year) { year items { ${QUALITY_ITEM} } followUp { ${QUALITY_ITEM} } }
  }`,
);

export const GENERATE_COUNTY_REPORT = operation<{ generateCountyReport: { id: string } }, { year: number }>(
  `mutation GenerateCountyReport($year: Int!) { generateCountyReport(year: $year) { id } }`,
);
