import { CONFIDENTIALITY_CHECK_KEYS } from '@touming/domain/confidentiality';
import { expect } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { codeOf, type GqlResult, type TestApi } from '../support/api';

export const REPORT_STATE = `id status revision contentHash
  validation { errors { ruleId } warnings { ruleId explanation } }
  signatures { stage signerId contentHash voidedAt voidReason acknowledgedFindings { key message } }
  availableActions publicationBlockers { code ref }
  confidentiality { cleared review { id contentHash } findings { id key kind section start end match message status confidence changeRequestComment changeRequestedByName } blockers { code } }
  revisions { id revisionNo isCurrent contentHash correctionNote }`;

export const ALL_PASS = CONFIDENTIALITY_CHECK_KEYS.map((key) => ({
  key,
  conclusion: 'PASS',
}));

/** a small client for one report: every act through GraphQL */
export class ReportClient {
  constructor(
    readonly api: TestApi,
    readonly id: string,
  ) {}

  async state(token: string) {
    const data = await this.api.ok(`query($id: ID!) { report(id: $id) { ${REPORT_STATE} } }`, { id: this.id }, token);
    return data.report;
  }

  update(token: string, revision: number, input: { cells?: { key: string; value: number | null }[]; sections?: { key: string; text: string }[] }): Promise<GqlResult> {
    return this.api.gql(
      `mutation($id: ID!, $r: Int!, $input: ReportUpdateInput!) { updateReport(id: $id, expectedRevision: $r, input: $input) { id status revision contentHash } }`,
      { id: this.id, r: revision, input },
      token,
    );
  }

  /** update from the current revision; must succeed */
  async edit(token: string, input: Parameters<ReportClient['update']>[2]) {
    const { revision } = await this.state(token);
    const result = await this.update(token, revision, input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.updateReport;
  }

  /** `acknowledge`: the signer ticked that they have seen the open scanner findings */
  submit(token: string, hash: string, comment?: string, acknowledge?: boolean) {
    return this.api.gql(
      `mutation($id: ID!, $h: String!, $c: String, $k: Boolean) { submitReport(id: $id, contentHash: $h, comment: $c, acknowledgeFindings: $k) { status } }`,
      { id: this.id, h: hash, c: comment ?? null, k: acknowledge ?? null },
      token,
    );
  }

  /**
   * a signature, confirmed with the signer's own password (the one the token was signed in with unless
   * given); `acknowledge`: the signer ticked that they have seen the open scanner findings
   */
  sign(token: string, stage: string, hash: string, acknowledge?: boolean, password = this.api.passwordOf(token)) {
    return this.api.gql(
      `mutation($id: ID!, $s: SignatureStage!, $h: String!, $p: String, $k: Boolean) { signReport(id: $id, stage: $s, contentHash: $h, password: $p, acknowledgeFindings: $k) { status } }`,
      { id: this.id, s: stage, h: hash, p: password, k: acknowledge ?? null },
      token,
    );
  }

  returnTo(token: string, comment: string) {
    return this.api.gql(`mutation($id: ID!, $c: String!) { returnReport(id: $id, comment: $c) { status } }`, { id: this.id, c: comment }, token);
  }

  /** a review record; its conclusion is confirmed with the reviewer's own password */
  review(token: string, hash: string, checks = ALL_PASS, extra: Record<string, unknown> = {}, password = this.api.passwordOf(token)) {
    return this.api.gql(
      `mutation($id: ID!, $h: String!, $input: ConfidentialityReviewInput!, $p: String) { saveConfidentialityReview(reportId: $id, contentHash: $h, input: $input, password: $p) { id conclusion } }`,
      { id: this.id, h: hash, input: { checks, ...extra }, p: password },
      token,
    );
  }

  publish(token: string, correctionNote?: string) {
    return this.api.gql(`mutation($id: ID!, $n: String) { publishReport(id: $id, correctionNote: $n) { status } }`, { id: this.id, n: correctionNote ?? null }, token);
  }

  async explainAll(token: string) {
    const { validation } = await this.state(token);
    for (const ruleId of new Set<string>(validation.warnings.map((w: { ruleId: string }) => w.ruleId))) {
      await this.api.ok(`mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "已核实，情况属实") { id } }`, { id: this.id, r: ruleId }, token);
    }
  }

  /** the audit actions written for this report after entry `afterId` */
  async actionsSince(afterId: number): Promise<string[]> {
    const rows = await this.api.dataSource.manager
      .createQueryBuilder(AuditEntry, 'e')
      .where('e.id > :afterId', { afterId })
      .andWhere('(e.reportId = :id OR e.action = :denied)', { id: this.id, denied: 'access.denied' })
      .orderBy('e.id', 'ASC')
      .getMany();
    return rows.map((r) => r.action);
  }
}

export async function lastAuditId(api: TestApi): Promise<number> {
  return Number((await api.lastAudit())?.id ?? 0);
}

export function expectCode(result: GqlResult, code: string, messagePart?: string) {
  expect(result.errors?.[0]?.message, JSON.stringify(result.errors)).toBeTruthy();
  expect(codeOf(result)).toBe(code);
  if (messagePart) expect(result.errors![0].message).toContain(messagePart);
}

/** meets the password policy (the demo password is seeded directly, never set through the API) */
export const TEST_USER_PASSWORD = 'Test-User-Pw-2026';
/** what a created user changes the administrator's one-time password to at the first login */
export const TEST_USER_OWN_PASSWORD = 'Own-Chosen-Pw-2026';

/**
 * a user made by the county admin through the API, signed in and past the forced change of the
 * administrator's one-time password (as its owner would be); returns the new session's token
 */
export async function createUser(api: TestApi, admin: string, agencyId: string, username: string, roles: string[]): Promise<string> {
  await api.ok(
    `mutation($input: UserInput!) { createUser(input: $input) { id } }`,
    { input: { username, displayName: username, password: TEST_USER_PASSWORD, agencyId, roles } },
    admin,
  );
  return changeOneTimePassword(api, username, TEST_USER_PASSWORD, TEST_USER_OWN_PASSWORD);
}

/** sign in with a one-time password and replace it, as the forced change asks; returns the new token */
export async function changeOneTimePassword(api: TestApi, username: string, oneTime: string, own: string): Promise<string> {
  const first = await api.login(username, oneTime);
  const data = await api.ok<{ changePassword: { token: string } }>(
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }',
    { c: oneTime, n: own },
    first,
  );
  api.rememberPassword(data.changePassword.token, own);
  return data.changePassword.token;
}
