/**
 * Contributions belong to the draft: after submission a 股室 contributor can no longer change its
 * assigned cells (which would void all three signatures), and nothing can be assigned on a report
 * in sign-off or later. A return by a signer makes it a draft again. On SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode, ReportClient } from './helpers';

describe.each(DIALECTS)('contributions only in the draft on %s', (dialect) => {
  let env: SeededEnv;
  let preparer: string;
  let contributor: string;
  let reviewer: string;
  let assigneeId: string;
  let wenlv: ReportClient;

  const assign = (token: string, target: string) =>
    env.api.gql(
      `mutation($r: ID!, $a: ID!, $t: String!) { assignContribution(reportId: $r, assigneeId: $a, target: $t, dueDate: "2099-12-31") { id } }`,
      { r: wenlv.id, a: assigneeId, t: target },
      token,
    );

  beforeAll(async () => {
    env = await seededEnv(dialect);
    const admin = await env.api.login('admin');
    [preparer, contributor, reviewer] = await Promise.all(['wenlv.preparer', 'wenlv.contributor', 'wenlv.reviewer'].map((u) => env.api.login(u)));
    assigneeId = (await env.api.ok(`{ users(filter: { search: "wenlv.contributor" }) { items { id } } }`, {}, admin)).users.items[0].id;
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a submitted report refuses the contributor\'s edit and new assignments with CONFLICT; returned, both work again', async () => {
    expect((await wenlv.state(preparer)).status).toBe('DRAFT');
    expect((await assign(preparer, 'problems')).errors).toBeUndefined();
    // in the draft the contributor edits its part
    expect((await wenlv.edit(contributor, { sections: [{ key: 'problems', text: '股室提供：存在的主要问题（第1稿）。' }] })).revision).toBeGreaterThan(0);

    await wenlv.explainAll(preparer);
    const submitted = await wenlv.state(preparer);
    const submit = await wenlv.submit(preparer, submitted.contentHash);
    expect(submit.errors, JSON.stringify(submit.errors)).toBeUndefined();

    const refused = await wenlv.update(contributor, submitted.revision, { sections: [{ key: 'problems', text: '股室提供：存在的主要问题（第2稿）。' }] });
    expectCode(refused, 'CONFLICT', '草稿');
    const after = await wenlv.state(preparer);
    expect(after.revision).toBe(submitted.revision);
    expect(after.contentHash).toBe(submitted.contentHash);
    expect(after.signatures.filter((s: { voidedAt: string | null }) => !s.voidedAt).map((s: { stage: string }) => s.stage)).toEqual(['PREPARE']);

    expectCode(await assign(preparer, 'other'), 'CONFLICT', '草稿');

    // signed further, still closed
    expect((await wenlv.sign(reviewer, 'REVIEW', submitted.contentHash)).errors).toBeUndefined();
    expectCode(await wenlv.update(contributor, submitted.revision, { sections: [{ key: 'problems', text: '股室提供：存在的主要问题（第3稿）。' }] }), 'CONFLICT');
    expectCode(await assign(preparer, 'other'), 'CONFLICT');

    // the approver returns it: a draft again, contributions open
    const approver = await env.api.login('wenlv.approver');
    expect((await wenlv.returnTo(approver, '请股室核实新收申请数')).errors).toBeUndefined();
    expect((await wenlv.state(preparer)).status).toBe('DRAFT');
    expect((await wenlv.edit(contributor, { sections: [{ key: 'problems', text: '股室提供：存在的主要问题（第4稿）。' }] })).revision).toBeGreaterThan(submitted.revision);
    expect((await assign(preparer, 'other')).errors).toBeUndefined();
  });
});
