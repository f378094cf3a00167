/**
 * The county office's two views on the demo county:
 * - 汇总: two agencies have published the open cycle's report so far; the change beside each total
 *   compares those two with their own last year, never with last year's whole county (which showed
 *   "行政处罚 ↓536" before);
 * - 质量排名 of the last cycle: the evaluators' findings the seed put there (late, copied 第五部分,
 *   text against table, carry-over, a one-sentence overview) separate the reports, and equal scores
 *   share a rank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QualityService } from '../../src/modules/quality/quality.service';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

interface Cell {
  key: string;
  value: number | null;
  comparableValue: number | null;
  previousValue: number | null;
  change: number | null;
}

interface Item {
  rank: number | null;
  agencyId: string;
  agencyName: string;
  score: number | null;
  followUp: boolean;
  reasons: { id: string; points: number }[];
}

describe.each(DIALECTS)('the demo county’s summary and quality ranking on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
  });
  afterAll(async () => {
    await env?.close();
  });

  const summaryOf = async (year: number) =>
    (
      await env.api.ok(
        `query($y: Int!) { countySummary(year: $y) { reportCount comparison { agencyCount reportCount previousYearReportCount description }
          cells { key value comparableValue previousValue change } included { agencyName comparedWithPreviousYear } } }`,
        { y: year },
        admin,
      )
    ).countySummary;

  it('汇总 of the open cycle compares the early publishers with their own last year only', async () => {
    const { currentYear, previousYear } = env.demo;
    const early = env.demo.agenciesWith(currentYear, 'PUBLISHED');
    expect(early.length).toBe(2);
    const now = await summaryOf(currentYear);
    const last = await summaryOf(previousYear);
    expect(now.reportCount).toBe(2);
    expect(now.comparison).toMatchObject({ agencyCount: 2, reportCount: 2, previousYearReportCount: last.reportCount });
    expect(last.reportCount).toBe(13);
    expect(now.comparison.description).toContain('只比较两年都已公开的2个单位');
    expect(now.included.every((s: { comparedWithPreviousYear: boolean }) => s.comparedWithPreviousYear)).toBe(true);

    // the two agencies' own last-year figures, from the breakdown of each cell
    const penalty = 't2.penalty.decisions';
    const breakdown = await env.api.ok(
      `query($y: Int!, $k: ID!) { countyCellBreakdown(year: $y, key: $k) { items { agencyName value } } }`,
      { y: previousYear, k: penalty },
      admin,
    );
    const names = now.included.map((s: { agencyName: string }) => s.agencyName);
    const theirs = breakdown.countyCellBreakdown.items.filter((i: { agencyName: string }) => names.includes(i.agencyName));
    const cell = now.cells.find((c: Cell) => c.key === penalty) as Cell;
    const wholeCounty = (last.cells.find((c: Cell) => c.key === penalty) as Cell).value!;
    expect(cell.previousValue).toBe(theirs.reduce((n: number, i: { value: number }) => n + i.value, 0));
    expect(cell.comparableValue).toBe(cell.value);
    expect(cell.change).toBe(cell.value! - cell.previousValue!);
    // what the old comparison showed: two reports against thirteen, a drop that did not happen
    expect(cell.value! - wholeCounty).toBeLessThan(cell.change!);
    for (const c of now.cells as Cell[]) {
      if (c.comparableValue !== null && c.previousValue !== null) expect(c.change).toBeCloseTo(c.comparableValue - c.previousValue, 4);
    }
  });

  it('质量排名 of the last cycle separates the reports the way evaluators do, equal scores sharing a rank', async () => {
    const { previousYear } = env.demo;
    const ranking = await env.api.ok(
      `query($y: Int!) { qualityRanking(year: $y) { items { rank agencyId agencyName score followUp reasons { id points } } followUp { agencyId } } }`,
      { y: previousYear },
      admin,
    );
    const items = ranking.qualityRanking.items as Item[];
    expect(items).toHaveLength(13);
    const of = async (code: string) => {
      const id = await env.agencyId(code);
      return items.find((i) => i.agencyId === id)!;
    };
    const reason = (item: Item, prefix: string) => item.reasons.find((r) => r.id.startsWith(prefix));
    expect(reason(await of('yanchi.gongan'), 'timeliness.late')?.points).toBe(20);
    expect(reason(await of('yanchi.minzheng'), 'rule:s5.similarity')?.points).toBe(10);
    expect(reason(await of('yanchi.renshe'), 'rule:text.numbers')?.points).toBe(5);
    expect(reason(await of('yanchi.ziran'), 'rule:t3.carryOver')?.points).toBeGreaterThan(0);
    expect(reason(await of('yanchi.huamachi'), 'overview.short')?.points).toBeGreaterThan(0);
    // explained warnings cost no extra (the seed explained each, as publication requires)
    expect(items.some((i) => reason(i, 'warnings.unexplained'))).toBe(false);

    const scores = items.map((i) => i.score!);
    expect(new Set(scores).size).toBeGreaterThanOrEqual(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of items) expect(item.rank).toBe(1 + scores.filter((s) => s > item.score!).length);
    expect(items[0].rank).toBe(1);
    expect(ranking.qualityRanking.followUp.map((f: { agencyId: string }) => f.agencyId)).toContain(await env.agencyId('yanchi.gongan'));
  });

  it('质量排名 of the open cycle ranks the early publishers and leaves the rest unranked', async () => {
    const { currentYear } = env.demo;
    const ranking = await env.api.ok(`query($y: Int!) { qualityRanking(year: $y) { items { rank score agencyId } } }`, { y: currentYear }, admin);
    const ranked = (ranking.qualityRanking.items as Item[]).filter((i) => i.rank !== null);
    expect(ranked).toHaveLength(2);
    expect((ranking.qualityRanking.items as Item[]).filter((i) => i.rank === null).every((i) => i.score === null)).toBe(true);
  });

  it('分单位明细 comes largest first a page at a time, its total and count over every agency; a bad page is refused in Chinese', async () => {
    const { previousYear } = env.demo;
    const q = `query($y: Int!, $k: ID!, $o: Int, $l: Int) { countyCellBreakdown(year: $y, key: $k, offset: $o, limit: $l) { total itemCount offset items { agencyName value } } }`;
    const page = async (o?: number, l?: number) => (await env.api.ok(q, { y: previousYear, k: 't3.new.total', o, l }, admin)).countyCellBreakdown;
    const all = await page();
    expect(all.itemCount).toBe(13);
    expect(all.items).toHaveLength(13);
    const values = all.items.map((i: { value: number | null }) => i.value);
    expect(values).toEqual([...values].sort((a, b) => (b ?? -1) - (a ?? -1)));
    expect(all.total).toBe(values.reduce((n: number, v: number | null) => n + (v ?? 0), 0));
    const pages = [await page(0, 5), await page(5, 5), await page(10, 5)];
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 3]);
    expect(pages.flatMap((p) => p.items)).toEqual(all.items);
    expect(pages.every((p) => p.total === all.total && p.itemCount === 13)).toBe(true);
    expect(pages[1].offset).toBe(5);
    for (const [o, l, field] of [[-1, 5, 'offset'], [0, 0, 'limit'], [0, 501, 'limit']] as const) {
      const refused = await env.api.gql(q, { y: previousYear, k: 't3.new.total', o, l }, admin);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(refused.errors?.[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('质量排名 scored a few agencies at a time is the ranking scored all at once (a province goes in batches)', async () => {
    const q = `query($y: Int!) { qualityRanking(year: $y) { items { rank agencyId agencyName score followUp problemsSimilarity reasons { id points message cells section notAssessable } } followUp { agencyId } } }`;
    const service = env.api.api.container.get(QualityService);
    const whole = service.batchSize;
    try {
      for (const year of [env.demo.previousYear, env.demo.currentYear]) {
        service.batchSize = 10_000;
        const once = (await env.api.ok(q, { y: year }, admin)).qualityRanking;
        service.batchSize = 3;
        const batched = (await env.api.ok(q, { y: year }, admin)).qualityRanking;
        expect(once.items.length).toBeGreaterThan(6);
        expect(batched).toEqual(once);
      }
    } finally {
      service.batchSize = whole;
    }
  });
});
