/**
 * The totals kept at publication must equal a fresh SQL sum at every node of the tree after every
 * step: random reports of random agencies in random regions (province, cities, counties, and some
 * placed in no region) are published, corrected and superseded through the publication's own
 * storage path (insertCurrentRevision), on SQLite and on MariaDB. A planted difference is found.
 */
import { generateReport } from '@touming/domain/generate';
import { childPath } from '@touming/domain/regions';
import type { ReportContent } from '@touming/domain/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/columns';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { Region } from '../../src/modules/regions/region.entity';
import { compareTotals, freshTotals, maintainedTotals, readTotals, rebuildTotals, WHOLE_DEPLOYMENT } from '../../src/modules/regions/totals.repository';
import { Report } from '../../src/modules/reports/report.entity';
import { publishedTotals } from '../../src/modules/revisions/published-cell.repository';
import { insertCurrentRevision, newRevision } from '../../src/modules/revisions/revision.repository';
import { addAgency, addCycle, addReport } from '../county/published-fixture';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';

/** a small deterministic PRNG (mulberry32): a failing run can be replayed from its seed */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(DIALECTS)('maintained totals on %s', (dialect) => {
  let db: TestDatabase;
  const regions: Region[] = [];
  const agencies: Agency[] = [];
  const seed = Number(process.env.TOTALS_SEED ?? 20_261_203);
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2022);
    await addCycle(ds, 2023);
    const now = new Date();
    const make = async (code: string, name: string, level: Region['level'], parent: Region | null) => {
      const id = newId();
      const region = Object.assign(new Region(), { id, code, name, level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id), createdAt: now, updatedAt: now });
      await ds.manager.insert(Region, region);
      regions.push(region);
      return region;
    };
    const province = await make('640000', '省', 'PROVINCE', null);
    for (const c of [1, 2]) {
      const city = await make(`64${String(c).padStart(2, '0')}00`, `市${c}`, 'CITY', province);
      for (const k of [1, 2]) await make(`64${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}`, `县${c}${k}`, 'COUNTY', city);
    }
    const kinds = ['DEPARTMENT', 'TOWNSHIP', 'COUNTY_GOVERNMENT'] as const;
    for (let i = 0; i < 14; i++) {
      const agency = await addAgency(ds, `p${i}`, `单位${i}`, kinds[i % 3]);
      // two agencies stay outside the tree: they count in the whole deployment only
      const region = i < 12 ? regions[i % regions.length] : null;
      await ds.manager.update('agency', { id: agency.id }, { regionId: region?.id ?? null });
      agencies.push(agency);
    }
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  const expectEqualToFreshSums = async (step: string) => {
    const differences = compareTotals(await maintainedTotals(db.dataSource.manager), await freshTotals(db.dataSource.manager));
    expect(differences, `${step} (seed ${seed})`).toEqual([]);
  };

  it('equal a fresh sum at every node after every publication, correction and supersession', async () => {
    const ds = db.dataSource;
    const reports = new Map<string, { report: Report; content: ReportContent; revisionNo: number }>();
    for (let step = 0; step < 30; step++) {
      const agency = pick(agencies);
      const year = pick([2022, 2023]);
      const key = `${agency.id}:${year}`;
      const existing = reports.get(key);
      const content = generateReport({ format: '2021', year, agency: agency.name, seed: Math.floor(random() * 1e9), scale: 0.2 + random() });
      // blanks are not zeros: leave some cells empty
      for (const k of Object.keys(content.cells)) if (random() < 0.05) content.cells[k] = null;
      let entry = existing;
      if (!entry) {
        const { reportId } = await addReport(ds, agency, content, 'APPROVED');
        entry = { report: await ds.manager.findOneByOrFail(Report, { id: reportId }), content, revisionNo: 0 };
        reports.set(key, entry);
      }
      entry.revisionNo += 1;
      entry.content = content;
      const revision = newRevision(entry.report, content, { revisionNo: entry.revisionNo, correctionNote: entry.revisionNo > 1 ? '更正' : null, publishedAt: new Date(), publishedById: agency.id });
      await ds.transaction((m) => insertCurrentRevision(m, revision));
      await expectEqualToFreshSums(`step ${step}: ${entry.revisionNo === 1 ? 'publish' : 'correct'} ${agency.code} ${year}`);
    }

    // every node reads the same totals as summing the current revisions' cells of its subtree
    for (const region of regions) {
      const maintained = await readTotals(ds.manager, region.id, 2023, '2021', null);
      const summed = await publishedTotals(ds.manager, 2023, '2021', { regionPath: region.path });
      expect(maintained.cells, region.name).toEqual(summed.cells);
      expect(maintained.reportCount, region.name).toBe(summed.reportCount);
      expect(maintained.blanks, region.name).toEqual(summed.blanks);
    }
    const whole = await readTotals(ds.manager, WHOLE_DEPLOYMENT, 2022, '2021', ['DEPARTMENT']);
    expect(whole.cells).toEqual((await publishedTotals(ds.manager, 2022, '2021', { kinds: ['DEPARTMENT'] })).cells);
  }, 300_000);

  it('find a planted difference, and a rebuild repairs it', async () => {
    const m = db.dataSource.manager;
    await m.query("UPDATE region_total SET total = total + 1 WHERE `key` = 't3.new.natural' AND regionId = ?", [regions[0].id]);
    const differences = compareTotals(await maintainedTotals(m), await freshTotals(m));
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((d) => d.regionId === regions[0].id && d.key === 't3.new.natural')).toBe(true);
    await db.dataSource.transaction((tx) => rebuildTotals(tx));
    await expectEqualToFreshSums('after rebuild');
  }, 120_000);
});
