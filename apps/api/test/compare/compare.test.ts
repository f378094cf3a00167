/**
 * 比对报告 through the API on the demo county: an agency compares its report with last year's (its
 * published revision by default), only within its own agency; the county office compares every agency
 * of a year with its previous year in batches, the copied 第五部分 the seed planted ranked first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

const COMPARISON = `query($a: ID!, $b: ID) { reportComparison(after: $a, before: $b) {
  before { id kind reportId revisionNo agency year format } after { id kind year }
  sameFormat summary unchangedCells notComparable carryOverApplicable carryOverNote
  carryOverFailures { ruleId cells message } narrativeNumbers { ruleId message }
  sections { key title similarity copiedShare copied { text } paragraphs { change before after similarity } }
  changedCells { key label before after change percent unusual unusualLabel }
  promises { promise reportedAs }
} }`;

const BATCH = `query($y: Int!, $o: Int!, $l: Int!) { comparisonBatch(year: $y, offset: $o, limit: $l) {
  totalAgencies offset items { agencyId agencyName revisionId previousRevisionId note concernScore copiedProblems problemsSimilarity unusualCells carryOverFailures narrativeDisagreements reasons }
} }`;

describe.each(DIALECTS)('比对报告 on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
    preparer = await env.api.login('wenlv.preparer');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('填报人把本单位的报告与上年比对：默认取上年已公开的版本，摘要、各部分与变化的单元格齐全', async () => {
    const year = env.demo.previousYear;
    const id = await env.reportId('yanchi.wenlv', year);
    const { reportComparison: c } = await env.api.ok(COMPARISON, { a: id }, preparer);
    expect(c.after).toMatchObject({ id, kind: 'report', year });
    expect(c.before).toMatchObject({ kind: 'revision', year: year - 1, revisionNo: 1, reportId: await env.reportId('yanchi.wenlv', year - 1) });
    expect(c.carryOverApplicable).toBe(true);
    expect(c.summary.length).toBeGreaterThan(0);
    expect(c.sections.map((s: { key: string }) => s.key)).toEqual(['overview', 'problems', 'other']);
    expect(c.changedCells.length + c.unchangedCells + c.notComparable.length).toBeGreaterThanOrEqual(198);
    for (const cell of c.changedCells) {
      if (cell.before !== null && cell.after !== null) expect(cell.change).toBeCloseTo(cell.after - cell.before, 4);
      expect(cell.unusual === null).toBe(cell.unusualLabel === null);
    }
  });

  it('只能比对同一单位的报告；别的单位的报告不可见；不存在的编号为 NOT_FOUND', async () => {
    const mine = await env.reportId('yanchi.wenlv', env.demo.previousYear);
    const theirs = await env.reportId('yanchi.gongan', env.demo.previousYear);
    const forbidden = await env.api.gql(COMPARISON, { a: theirs }, preparer);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mixed = await env.api.gql(COMPARISON, { a: mine, b: theirs }, admin);
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(mixed.errors?.[0].message).toBe('只能比对同一单位的两份报告');
    const same = await env.api.gql(COMPARISON, { a: mine, b: mine }, admin);
    expect(same.errors?.[0].message).toBe('请选择两份不同的报告进行比对');
    const missing = await env.api.gql(COMPARISON, { a: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('批量比对：按单位分批取得，照搬上年第五部分的民政局排在最前；填报人无权批量比对', async () => {
    const year = env.demo.previousYear;
    const first = (await env.api.ok(BATCH, { y: year, o: 0, l: 5 }, admin)).comparisonBatch;
    const total = first.totalAgencies;
    expect(total).toBeGreaterThan(5);
    const items = [...first.items];
    for (let offset = 5; offset < total; offset += 5) items.push(...(await env.api.ok(BATCH, { y: year, o: offset, l: 5 }, admin)).comparisonBatch.items);
    expect(new Set(items.map((i) => i.agencyId)).size).toBe(total);
    const copied = items.filter((i) => i.copiedProblems);
    expect(copied.map((i) => i.agencyId)).toContain(await env.agencyId('yanchi.minzheng'));
    const m = items.find((i) => i.copiedProblems)!;
    expect(m.problemsSimilarity).toBeGreaterThanOrEqual(0.8);
    expect(m.reasons[0]).toMatch(/^第五部分与上年相似度/);
    // within each batch the items are ranked by concern, the uncomparable last
    for (const batch of [first.items]) {
      const scores = batch.map((i: { concernScore: number | null }) => i.concernScore ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const refused = await env.api.gql(BATCH, { y: year, o: 0, l: 5 }, preparer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooMany = await env.api.gql(BATCH, { y: year, o: 0, l: 500 }, admin);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
