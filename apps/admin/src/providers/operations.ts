/**
 * Typed operation documents, one set per resource. Field selections follow the API contract; keep
 * them small (lists never ask for cells or validation).
 */
import { operation } from './graphqlClient';
import type {
  Agency,
  AuthPayload,
  Cycle,
  ImportResult,
  Report,
  ReportSummary,
  ReportUpdateInput,
  User,
} from './types';

export interface ListOptions {
  skip?: number;
  take?: number;
  sort?: string;
  order?: 'ASC' | 'DESC';
}
export interface ListResult<T> {
  items: T[];
  totalItems: number;
}

const AGENCY = 'id code name kind parentId region active';
const USER = 'id username displayName agencyId agency { id name kind } roles active';
const CYCLE = 'id year format deadline requiresPreReview open';
const REPORT_SUMMARY =
  'id agencyId agency { id name kind } year format status revision contentHash createdAt updatedAt errorCount warningCount';
const RULE = 'ruleId id severity status cells expected actual message explanation';
const REPORT_FULL = `${REPORT_SUMMARY}
  sections { key title text }
  cells { key value }
  validation { errors { ${RULE} } warnings { ${RULE} } notAssessable { ${RULE} } }
  previousYear { id year format sections { key title text } cells { key value } }`;

// ---- auth
export const LOGIN = operation<{ login: AuthPayload }, { username: string; password: string }>(
  `mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { token expiresAt user { ${USER} } }
  }`,
);
export const ME = operation<{ me: User | null }>(`query Me { me { ${USER} } }`);

// ---- agencies
export const AGENCIES = operation<
  { agencies: ListResult<Agency> },
  { filter?: Record<string, unknown>; options?: ListOptions }
>(`query Agencies($filter: AgencyFilter, $options: ListOptions) {
  agencies(filter: $filter, options: $options) { items { ${AGENCY} } totalItems }
}`);
export const AGENCY_ONE = operation<{ agency: Agency | null }, { id: string }>(
  `query Agency($id: ID!) { agency(id: $id) { ${AGENCY} } }`,
);
export const CREATE_AGENCY = operation<{ createAgency: Agency }, { input: Record<string, unknown> }>(
  `mutation CreateAgency($input: AgencyInput!) { createAgency(input: $input) { ${AGENCY} } }`,
);
export const UPDATE_AGENCY = operation<{ updateAgency: Agency }, { id: string; input: Record<string, unknown> }>(
  `mutation UpdateAgency($id: ID!, $input: AgencyUpdateInput!) { updateAgency(id: $id, input: $input) { ${AGENCY} } }`,
);

// ---- users
export const USERS = operation<{ users: ListResult<User> }, { filter?: Record<string, unknown>; options?: ListOptions }>(
  `query Users($filter: UserFilter, $options: ListOptions) {
    users(filter: $filter, options: $options) { items { ${USER} } totalItems }
  }`,
);
export const USER_ONE = operation<{ user: User | null }, { id: string }>(`query User($id: ID!) { user(id: $id) { ${USER} } }`);
export const CREATE_USER = operation<{ createUser: User }, { input: Record<string, unknown> }>(
  `mutation CreateUser($input: UserInput!) { createUser(input: $input) { ${USER} } }`,
);
export const UPDATE_USER = operation<{ updateUser: User }, { id: string; input: Record<string, unknown> }>(
  `mutation UpdateUser($id: ID!, $input: UserUpdateInput!) { updateUser(id: $id, input: $input) { ${USER} } }`,
);

// ---- cycles (the API returns them all; the data provider pages them in the browser — a county has a handful)
export const CYCLES = operation<{ cycles: Cycle[] }>(`query Cycles { cycles { ${CYCLE} } }`);
export const CREATE_CYCLE = operation<{ createCycle: Cycle }, { input: Record<string, unknown> }>(
  `mutation CreateCycle($input: CycleInput!) { createCycle(input: $input) { ${CYCLE} } }`,
);
export const UPDATE_CYCLE = operation<{ updateCycle: Cycle }, { id: string; input: Record<string, unknown> }>(
  `mutation UpdateCycle($id: ID!, $input: CycleUpdateInput!) { updateCycle(id: $id, input: $input) { ${CYCLE} } }`,
);

// ---- reports
export interface ReportFilterInput {
  year?: number;
  agencyId?: string;
  status?: string;
  format?: string;
}
export const REPORTS = operation<{ reports: ListResult<ReportSummary> }, { filter?: ReportFilterInput; options?: ListOptions }>(
  `query Reports($filter: ReportFilter, $options: ListOptions) {
    reports(filter: $filter, options: $options) { items { ${REPORT_SUMMARY} } totalItems }
  }`,
);
export const REPORT_ONE = operation<{ report: Report | null }, { id: string }>(
  `query Report($id: ID!) { report(id: $id) { ${REPORT_FULL} } }`,
);
export const CREATE_REPORT = operation<{ createReport: Report }, { agencyId: string; year: number }>(
  `mutation CreateReport($agencyId: ID!, $year: Int!) { createReport(agencyId: $agencyId, year: $year) { ${REPORT_FULL} } }`,
);
export const UPDATE_REPORT = operation<
  { updateReport: Report },
  { id: string; expectedRevision: number; input: ReportUpdateInput }
>(
  `mutation UpdateReport($id: ID!, $expectedRevision: Int!, $input: ReportUpdateInput!) {
    updateReport(id: $id, expectedRevision: $expectedRevision, input: $input) { ${REPORT_FULL} }
  }`,
);
export const DELETE_REPORT = operation<{ deleteReport: boolean }, { id: string }>(
  `mutation DeleteReport($id: ID!) { deleteReport(id: $id) }`,
);
export const IMPORT_REPORT = operation<
  { importReport: ImportResult },
  { agencyId: string; year?: number | null; text?: string | null; html?: string | null }
>(
  `mutation ImportReport($agencyId: ID!, $year: Int, $text: String, $html: String) {
    importReport(agencyId: $agencyId, year: $year, text: $text, html: $html) {
      report { ${REPORT_FULL} } unplaced { line text reason } detectedFormat detectedYear
    }
  }`,
);

// ---- workflow operations the editor uses
export const EXPLAIN_WARNING = operation<{ explainWarning: Report }, { id: string; ruleId: string; text: string }>(
  `mutation ExplainWarning($id: ID!, $ruleId: String!, $text: String!) {
    explainWarning(id: $id, ruleId: $ruleId, text: $text) { ${REPORT_FULL} }
  }`,
);

// ---- county office: progress and aggregates (computed by the API in SQL, not from lists in the browser)
export interface AgencyProgress {
  agencyId: string;
  agencyName: string;
  agencyKind: string;
  reportId: string | null;
  status: ReportSummary['status'] | null;
  errorCount: number;
  warningCount: number;
  openFindings: number;
  confidentialityCleared: boolean;
  firstPublishedAt: string | null;
  deadline: string;
  overdue: boolean;
  daysOverdue: number;
  daysLeft: number | null;
}
export const CYCLE_PROGRESS = operation<{ cycleProgress: AgencyProgress[] }, { year: number }>(
  `query CycleProgress($year: Int!) {
    cycleProgress(year: $year) {
      agencyId agencyName agencyKind reportId status errorCount warningCount openFindings confidentialityCleared
      firstPublishedAt deadline overdue daysOverdue daysLeft
    }
  }`,
);

export interface CountyCellValue {
  key: string;
  label: string;
  value: number | null;
}
export const COUNTY_SUMMARY_CELLS = operation<
  { countySummary: { year: number; format: string; reportCount: number; cells: CountyCellValue[] } },
  { year: number }
>(
  `query CountySummaryCells($year: Int!) {
    countySummary(year: $year) { year format reportCount cells { key label value } }
  }`,
);
