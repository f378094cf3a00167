/**
 * Report.editableCells / editableSections tell the editor what this user may change, and the update
 * path holds to the same scope: the preparer everything, a 股室 contributor exactly its assignment
 * (outside it FORBIDDEN), a reader nothing. On SQLite and MariaDB.
 */
import { cellKeys, type FormatId } from '@touming/domain/formats';
import { targetCellKeys } from '@touming/domain/contributions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode, ReportClient } from './helpers';

const EDITABLE = `query($id: ID!) { report(id: $id) { format status revision editableCells editableSections } }`;

describe.each(DIALECTS)('what each user may edit on %s', (dialect) => {
  let env: SeededEnv;
  let preparer: string;
  let contributor: string;
  let reviewer: string;
  let assigneeId: string;
  let wenlv: ReportClient;

  const editable = async (token: string) => (await env.api.ok(EDITABLE, { id: wenlv.id }, token)).report;

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

  it('the preparer every cell and section, a contributor its assignment only, a reviewer nothing', async () => {
    const prep = await editable(preparer);
    expect(prep.status).toBe('DRAFT');
    const format = prep.format as FormatId;
    expect(prep.editableCells).toEqual(cellKeys(format));
    expect(prep.editableSections).toEqual(['overview', 'problems', 'other']);

    // nothing assigned yet: the contributor reads the draft and edits nothing
    expect(await editable(contributor)).toMatchObject({ editableCells: [], editableSections: [] });
    expect(await editable(reviewer)).toMatchObject({ editableCells: [], editableSections: [] });

    for (const target of ['t3.new.', 'problems']) {
      await env.api.ok(
        `mutation($r: ID!, $a: ID!, $t: String!) { assignContribution(reportId: $r, assigneeId: $a, target: $t, dueDate: "2099-12-31", note: "请提供") { id } }`,
        { r: wenlv.id, a: assigneeId, t: target },
        preparer,
      );
    }
    const own = await editable(contributor);
    expect(own.editableCells).toEqual(targetCellKeys(format, 't3.new.'));
    expect(own.editableCells.length).toBeGreaterThan(1);
    expect(own.editableSections).toEqual(['problems']);
    // the preparer's scope does not shrink by assigning
    expect((await editable(preparer)).editableCells).toHaveLength(cellKeys(format).length);

    // every cell the API calls editable is accepted (written back as it is, so the report stays
    // submittable); one outside is FORBIDDEN and changes nothing
    const current = (await env.api.ok(`query($id: ID!) { report(id: $id) { cells { key value } } }`, { id: wenlv.id }, contributor)).report.cells as { key: string; value: number | null }[];
    const valueOf = new Map(current.map((c) => [c.key, c.value]));
    const inside = await wenlv.update(contributor, own.revision, {
      cells: own.editableCells.map((key: string) => ({ key, value: valueOf.get(key) ?? null })),
      sections: [{ key: 'problems', text: '股室提供：存在的主要问题。' }],
    });
    expect(inside.errors, JSON.stringify(inside.errors)).toBeUndefined();
    const revision = inside.data!.updateReport.revision;
    const outsideKey = cellKeys(format).find((k) => !own.editableCells.includes(k))!;
    expectCode(await wenlv.update(contributor, revision, { cells: [{ key: outsideKey, value: 7 }] }), 'FORBIDDEN');
    expectCode(await wenlv.update(contributor, revision, { sections: [{ key: 'overview', text: '改总体情况' }] }), 'FORBIDDEN');
    expect((await wenlv.state(preparer)).revision).toBe(revision);
  });

  it('after submission the contributor edits nothing; the preparer keeps the content (an edit voids the signatures)', async () => {
    await wenlv.explainAll(preparer);
    const state = await wenlv.state(preparer);
    const submit = await wenlv.submit(preparer, state.contentHash);
    expect(submit.errors, JSON.stringify(submit.errors)).toBeUndefined();
    expect(await editable(contributor)).toMatchObject({ status: 'SUBMITTED', editableCells: [], editableSections: [] });
    const prep = await editable(preparer);
    expect(prep.editableCells).toHaveLength(cellKeys(prep.format as FormatId).length);
  });
});
