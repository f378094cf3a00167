/**
 * What the preparer is warned of when submitting — not a refusal. A report's title carries the agency
 * name written in its content (an import, a copy of another agency's report, a name from before a
 * reorganisation); published under the wrong name it misleads the public, so the preparer and the
 * signers see the difference from the name the county office registered.
 */
export interface SubmissionWarning {
  code: 'agency.nameMismatch';
  message: string;
}

/** names compared as written, apart from full-width forms and white space */
function comparableName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

export function agencyNameWarning(reportAgency: string | null | undefined, registeredName: string): SubmissionWarning | null {
  const written = (reportAgency ?? '').trim();
  if (!written) return null;
  if (comparableName(written) === comparableName(registeredName)) return null;
  return {
    code: 'agency.nameMismatch',
    message: `报告标题中的单位名称“${written}”与登记的单位名称“${registeredName}”不一致，请核实后再提交`,
  };
}

/** every warning of a submission (one kind today) */
export function submissionWarnings(input: { reportAgency: string | null | undefined; registeredAgencyName: string }): SubmissionWarning[] {
  const name = agencyNameWarning(input.reportAgency, input.registeredAgencyName);
  return name ? [name] : [];
}
