import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { ReportClient } from './helpers';

/**
 * What the region totals cost the whole publication (publishReport as the product runs it: the act's
 * checks, the revision and its cells, the 整改 requests, the audit entry, the commit), not only the
 * revision inserts that e2e/load/regions.mjs times: the same report is corrected and published again
 * and again, alternately with the totals' two statements and with them left out (the module mocked:
 * no read, no upsert), each first every other time. A measurement, not a check: it runs only with
 * PUBLICATION_COST=1 (pairs: PUBLICATION_COST_PAIRS, default 30; dialects: PUBLICATION_COST_DIALECT).
 *
 *   cd apps/api && PUBLICATION_COST=1 REQUIRE_MYSQL=1 npx vitest run test/workflow/publication-cost.test.ts
 */
const maintain = vi.hoisted(() => ({ on: true }));
vi.mock('../../src/modules/regions/totals.repository', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/modules/regions/totals.repository')>();
  return {
    ...real,
    publicationPlace: (...args: Parameters<typeof real.publicationPlace>) =>
      maintain.on ? real.publicationPlace(...args) : Promise.resolve({ kind: 'DEPARTMENT', path: null, previous: null }),
    addToTotals: (...args: Parameters<typeof real.addToTotals>) => (maintain.on ? real.addToTotals(...args) : Promise.resolve()),
  };
});

const PAIRS = Number(process.env.PUBLICATION_COST_PAIRS ?? 30);
const only = process.env.PUBLICATION_COST_DIALECT;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

(process.env.PUBLICATION_COST === '1' ? describe : describe.skip).each(DIALECTS.filter((d) => !only || d === only))('publication with and without the totals on %s', (dialect) => {
  let env: SeededEnv;
  let t: Record<'p' | 'r' | 'a' | 's', string>;
  let report: ReportClient;
  /** the statements of the last publication with (true) and without (false) the totals */
  const statements: Record<string, number> = {};

  beforeAll(async () => {
    env = await seededEnv(dialect);
    const [p, r, a, s] = await Promise.all(['wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'wenlv.secrecy'].map((u) => env.api.login(u)));
    t = { p, r, a, s };
    report = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => env?.close());

  /** the report through submission, both signatures and the confidentiality review; then the timed publication */
  async function publishOnce(correction: number | null): Promise<number> {
    if (correction !== null) {
      await env.api.ok(`mutation($id: ID!) { startCorrection(id: $id) { id } }`, { id: report.id }, t.p);
      // a correction changes a figure, each time to another value (one that no table rule ties to others)
      await report.edit(t.p, { cells: [{ key: 't2.licensing.decisions', value: 100 + correction }] });
    }
    await report.explainAll(t.p);
    const { contentHash: hash } = await report.state(t.p);
    for (const step of [() => report.submit(t.p, hash), () => report.sign(t.r, 'REVIEW', hash), () => report.sign(t.a, 'APPROVE', hash), () => report.review(t.s, hash)]) {
      const result = await step();
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    env.db.queries.length = 0;
    const started = performance.now();
    const published = await report.publish(t.p, correction === null ? undefined : `更正第${correction}次`);
    const time = performance.now() - started;
    expect(published.errors).toBeUndefined();
    statements[String(maintain.on)] = env.db.queries.length;
    return time;
  }

  it('times publishReport', { timeout: 1_800_000 }, async () => {
    maintain.on = true;
    await publishOnce(null);
    const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
    const differences: number[] = [];
    let n = 0;
    for (let i = 0; i < PAIRS; i++) {
      const pair: Record<string, number> = {};
      for (const on of i % 2 ? [true, false] : [false, true]) {
        maintain.on = on;
        pair[String(on)] = await publishOnce(++n);
        times[on ? 'with' : 'without'].push(pair[String(on)]);
      }
      differences.push(pair.true - pair.false);
    }
    maintain.on = true;
    const f = (x: number) => x.toFixed(1);
    const plain = median(times.without);
    console.log(
      `publishReport on ${dialect}, ${PAIRS} pairs: without the totals p50 ${f(plain)} / p95 ${f(p95(times.without))} ms, ` +
        `with them p50 ${f(median(times.with))} / p95 ${f(p95(times.with))} ms; median paired difference ${f(median(differences))} ms ` +
        `(${((median(differences) / plain) * 100).toFixed(0)} % of the p50 without); statements ${statements.false} without, ${statements.true} with`,
    );
  });
});
