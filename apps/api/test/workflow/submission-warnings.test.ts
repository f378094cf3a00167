/**
 * Submission warns (does not refuse) when the agency name the report's title carries differs from the
 * name the county office registered; the submission's trail entry keeps the warning. On SQLite and
 * MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { ReportClient } from './helpers';

describe.each(DIALECTS)('warnings at submission on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  let wenlv: ReportClient;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    [admin, preparer] = await Promise.all(['admin', 'wenlv.preparer'].map((u) => env.api.login(u)));
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => {
    await env?.close();
  });

  const warnings = async () =>
    (await env.api.ok(`query($id: ID!) { report(id: $id) { agency { name } submissionWarnings { code message } } }`, { id: wenlv.id }, preparer)).report;

  it('the registered name and the title agree: no warning; renamed agency: a warning, the submission goes ahead and its entry keeps it', async () => {
    const before = await warnings();
    expect(before.submissionWarnings).toEqual([]);
    const registered = before.agency.name as string;

    const renamed = '盐池县文化和旅游局';
    await env.api.ok(`mutation($id: ID!, $n: String!) { updateAgency(id: $id, input: { name: $n }) { name } }`, { id: await env.agencyId('yanchi.wenlv'), n: renamed }, admin);
    const after = await warnings();
    expect(after.submissionWarnings).toHaveLength(1);
    expect(after.submissionWarnings[0].code).toBe('agency.nameMismatch');
    expect(after.submissionWarnings[0].message).toContain(registered);
    expect(after.submissionWarnings[0].message).toContain(renamed);

    await wenlv.explainAll(preparer);
    const s = await wenlv.state(preparer);
    const submitted = await wenlv.submit(preparer, s.contentHash);
    expect(submitted.errors).toBeUndefined();
    const entry = (await env.api.lastAudit())!;
    expect(entry.action).toBe('report.submit');
    expect((entry.detail as { warnings: string[] }).warnings).toEqual([after.submissionWarnings[0].message]);
  });
});
