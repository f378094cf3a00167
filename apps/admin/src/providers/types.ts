/**
 * TypeScript shapes of the GraphQL API's types (apps/api/schema.graphql is the final word). Only
 * what the console reads.
 */
import type { AgencyKind } from '@touming/domain/agencies';
import type { Role } from '@touming/domain/permissions';
import type { ReportStatus } from '@touming/domain/workflow';

export type { AgencyKind };

export interface Agency {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  parentId?: string | null;
  region?: string | null;
  active: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agency?: Pick<Agency, 'id' | 'name' | 'kind'>;
  roles: Role[];
  active: boolean;
}

export interface Cycle {
  id: string;
  year: number;
  format: string;
  deadline: string;
  requiresPreReview: boolean;
  open: boolean;
}

export interface Cell {
  key: string;
  value: number | null;
}

export interface SectionText {
  key: string;
  title: string;
  text: string;
}

export interface ApiRuleResult {
  ruleId: string;
  id: string;
  severity: string;
  status: string;
  cells: string[];
  expected?: string | null;
  actual?: string | null;
  message: string;
  explanation?: string | null;
}

export interface ApiValidation {
  errors: ApiRuleResult[];
  warnings: ApiRuleResult[];
  notAssessable: ApiRuleResult[];
}

export interface ReportSummary {
  id: string;
  agencyId: string;
  agency: Pick<Agency, 'id' | 'name' | 'kind'>;
  year: number;
  format: string;
  status: ReportStatus;
  revision: number;
  contentHash: string;
  createdAt: string;
  updatedAt: string;
  errorCount: number;
  warningCount: number;
}

export interface PreviousYearReport {
  id: string;
  year: number;
  format: string;
  agency?: Pick<Agency, 'id' | 'name'>;
  sections: SectionText[];
  cells: Cell[];
}

export interface Report extends ReportSummary {
  sections: SectionText[];
  cells: Cell[];
  validation?: ApiValidation;
  previousYear?: PreviousYearReport | null;
}

export interface UnplacedItem {
  line?: number | null;
  text: string;
  reason: string;
}

export interface ImportResult {
  report: Report;
  unplaced: UnplacedItem[];
  detectedFormat: string;
  detectedYear?: number | null;
}

export interface AuthPayload {
  token: string;
  expiresAt: string;
  user: User;
}

export interface CellInput {
  key: string;
  value: number | null;
}
export interface SectionInput {
  key: string;
  text: string;
}
export interface ReportUpdateInput {
  cells?: CellInput[];
  sections?: SectionInput[];
}
