/**
 * One person holding both the preparer's and the confidentiality reviewer's role may not both submit
 * a report and give its 保密审查 (the rule is the domain's, on by default,
 * SEPARATE_PREPARER_AND_REVIEWER=off switches it off). On SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { createUser, expectCode, ReportClient } from './helpers';

describe.each(DIALECTS)('preparer and confidentiality reviewer kept apart on %s', (dialect) => {
  let env: SeededEnv;
  let both: string;
  let secrecy: string;
  let reviewer: string;
  let approver: string;
  let wenlv: ReportClient;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    const admin = await env.api.login('admin');
    both = await createUser(env.api, admin, await env.agencyId('yanchi.wenlv'), 'wenlv.both', ['AGENCY_PREPARER', 'CONFIDENTIALITY_REVIEWER']);
    [secrecy, reviewer, approver] = await Promise.all(['wenlv.secrecy', 'wenlv.reviewer', 'wenlv.approver'].map((u) => env.api.login(u)));
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
    await wenlv.explainAll(both);
  });
  afterAll(async () => {
    delete process.env.SEPARATE_PREPARER_AND_REVIEWER;
    await env?.close();
  });

  it('who reviewed the content may not submit it; who submitted it may not review it; denials audited', async () => {
    let s = await wenlv.state(both);
    expect((await wenlv.review(both, s.contentHash)).errors).toBeUndefined();
    expectCode(await wenlv.submit(both, s.contentHash), 'FORBIDDEN', '保密审查');
    expect((await env.api.lastAudit())!.action).toBe('access.denied');

    // another reviewer takes the review over; now the double-role user may submit
    expect((await wenlv.review(secrecy, s.contentHash)).errors).toBeUndefined();
    expect((await wenlv.submit(both, s.contentHash)).data!.submitReport.status).toBe('SUBMITTED');
    // …and may not review what they submitted
    expectCode(await wenlv.review(both, s.contentHash), 'FORBIDDEN', '填报人不能');
    expect((await env.api.lastAudit())!.detail).toMatchObject({ attempted: 'confidentiality.review' });

    expect((await wenlv.sign(reviewer, 'REVIEW', s.contentHash)).errors).toBeUndefined();
    expect((await wenlv.sign(approver, 'APPROVE', s.contentHash)).errors).toBeUndefined();
    s = await wenlv.state(both);
    expect(s.publicationBlockers).toEqual([]);
  });

  it('switched off (SEPARATE_PREPARER_AND_REVIEWER=off), one person may do both', async () => {
    process.env.SEPARATE_PREPARER_AND_REVIEWER = 'off';
    try {
      const s = await wenlv.state(both);
      expect((await wenlv.review(both, s.contentHash)).errors).toBeUndefined();
      const after = await wenlv.state(both);
      expect(after.publicationBlockers).toEqual([]);
    } finally {
      delete process.env.SEPARATE_PREPARER_AND_REVIEWER;
    }
    // on again: the standing review by the preparer now blocks publication
    const s = await wenlv.state(both);
    expect(s.publicationBlockers.map((b: { code: string }) => b.code)).toEqual(['separation.preparerReviewer']);
    expectCode(await wenlv.publish(both), 'VALIDATION_FAILED', '同一人');
  });
});
