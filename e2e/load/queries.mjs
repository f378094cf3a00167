// The benchmarked GraphQL documents. The product answers them through Apollo/type-graphql; the
// baseline recognises them by operationName and answers the same selection with hand-written SQL.
const RULE = 'ruleId id severity status cells expected actual message explanation';
export const TABLES = 'id title note columnHeader blocks { id title groups labelHeader columns { id label kind group isTotal unit } rows { id label groups isTotal cells { key value computed } } }';

export const QUERIES = {
  // the floor: a signed-in request that reads one row and does nothing
  me: `query BenchMe { me { id } }`,
  report: `query BenchReport($id: ID!) { report(id: $id) { id agencyId agencyName year format status revision contentHash errorCount warningCount cells { key value } tables { ${TABLES} } validation { errors { ${RULE} } warnings { ${RULE} } notAssessable { ${RULE} } } } }`,
  reports: `query BenchReports($year: Int, $skip: Int!) { reports(filter: { year: $year }, options: { take: 50, skip: $skip, sort: "agencyName" }) { totalItems items { id agencyName status revision errorCount warningCount updatedAt agency { id code name kind } } } }`,
  dashboard: `query BenchDashboard($year: Int!) { cycleProgress(year: $year) { agencyId agencyName agencyKind reportId status errorCount warningCount openFindings confidentialityCleared firstPublishedAt deadline overdue daysOverdue daysLeft } }`,
  statistics: `query BenchStatistics($year: Int!) { publicStatistics(year: $year) { year format kind reportCount cells { key label value } tables { ${TABLES} } } }`,
  update: `mutation BenchUpdate($id: ID!, $rev: Int!, $cells: [CellInput!]!) { updateReport(id: $id, expectedRevision: $rev, input: { cells: $cells }) { id revision status contentHash errorCount warningCount } }`,
  // a leader's signature carries the signer's own password (step-up): the product verifies it (argon2) on every
  // signature; any open scanner findings are acknowledged, as the sign dialog asks
  signoff: `mutation BenchSign($id: ID!, $hash: String!, $password: String) { signReport(id: $id, stage: REVIEW, contentHash: $hash, password: $password, acknowledgeFindings: true) { id status revision } }`,
};
