/**
 * County compilation runs in SQL over current published revisions; its totals must equal the domain's
 * sumReports over the same reports — on SQLite and on MariaDB, with dozens of reports, blanks,
 * decimal amounts, superseded revisions, drafts and agencies that never reported.
 */
import { sumReports } from '@touming/domain/aggregate';
import type { ReportContent } from '@touming/domain/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext, type RequestContext } from '../../src/common/context';
import { errorCode } from '../../src/common/errors';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { CountyService } from '../../src/modules/county/county.service';
import { CountyScopeKind } from '../../src/modules/county/county.types';
import { publishedTotals } from '../../src/modules/revisions/published-cell.repository';
import { ReportService } from '../../src/modules/reports/report.service';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { addAgency, addCycle, addReport, sampleReport } from './published-fixture';

describe.each(DIALECTS)('county compilation on %s', (dialect) => {
  let db: TestDatabase;
  let admin: RequestContext;
  let service: CountyService;
  const agencies: Agency[] = [];
  /** the current published content per year, per agency id */
  const published = new Map<number, Map<string, ReportContent>>([
    [2022, new Map()],
    [2023, new Map()],
  ]);

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2022);
    await addCycle(ds, 2023);
    const office = await addAgency(ds, 'office', '某县人民政府办公室（政务公开办）', 'COUNTY_OFFICE');
    await addAgency(ds, 'gov', '某县人民政府', 'COUNTY_GOVERNMENT');
    for (let i = 0; i < 36; i++) {
      const kind = i % 3 === 0 ? 'TOWNSHIP' : 'DEPARTMENT';
      agencies.push(await addAgency(ds, `a${String(i).padStart(2, '0')}`, kind === 'TOWNSHIP' ? `某县第${i}乡人民政府` : `某县第${i}局`, kind));
    }
    for (const [i, agency] of agencies.entries()) {
      const r2022 = sampleReport(agency.name, 2022, i + 1);
      // every 9th agency never published 2022
      if (i % 9 !== 8) {
        await addReport(ds, agency, r2022, 'PUBLISHED');
        published.get(2022)!.set(agency.id, r2022);
      }
      const r2023 = sampleReport(agency.name, 2023, i + 101, r2022);
      if (i % 10 === 7) {
        await addReport(ds, agency, r2023, 'APPROVED'); // not yet published: must not count
      } else if (i % 10 === 9) {
        // never reported
      } else {
        // some were corrected: only the current revision counts
        const superseded = i % 4 === 1 ? [sampleReport(agency.name, 2023, i + 9001, r2022)] : [];
        await addReport(ds, agency, r2023, 'PUBLISHED', { superseded });
        published.get(2023)!.set(agency.id, r2023);
      }
    }
    const user = { id: 'u-admin', username: 'admin', displayName: '管理员', agencyId: office.id, roles: ['COUNTY_ADMIN' as const] };
    admin = createRequestContext(ds, { user });
    service = new CountyService(new ReportService());
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('SQL totals over all current revisions equal the domain sumReports over the same reports', async () => {
    for (const year of [2022, 2023]) {
      const contents = [...published.get(year)!.values()];
      expect(contents.length).toBeGreaterThan(24);
      const expected = sumReports(contents);
      const totals = await publishedTotals(db.dataSource.manager, year, contents[0].format);
      expect(totals.reportCount).toBe(expected.reportCount);
      expect(totals.cells).toEqual(expected.cells);
      expect(totals.blanks).toEqual(expected.blanks);
    }
  });

  it('countySummary per scope equals sumReports over the scope, and lists included / not published / missing', async () => {
    const kinds: Record<string, string[]> = { ALL: ['DEPARTMENT', 'TOWNSHIP'], DEPARTMENTS: ['DEPARTMENT'], TOWNSHIPS: ['TOWNSHIP'] };
    for (const scope of [CountyScopeKind.ALL, CountyScopeKind.DEPARTMENTS, CountyScopeKind.TOWNSHIPS]) {
      const inScope = agencies.filter((a) => kinds[scope].includes(a.kind));
      const contents = inScope.map((a) => published.get(2023)!.get(a.id)).filter((c): c is ReportContent => !!c);
      const summary = await service.summary(admin, 2023, { kind: scope });
      const expected = sumReports(contents);
      expect(summary.reportCount).toBe(contents.length);
      expect(Object.fromEntries(summary.cells.map((c) => [c.key, c.value]))).toEqual(expected.cells);
      expect(Object.fromEntries(summary.cells.map((c) => [c.key, c.blanks]))).toEqual(expected.blanks);
      expect(summary.included.length + summary.notPublished.length + summary.missing.length).toBe(inScope.length);
      expect(summary.included.length).toBe(contents.length);
      expect(summary.notPublished.every((s) => s.reportStatus === 'APPROVED')).toBe(true);
      expect(summary.missing.every((s) => s.reportStatus === null)).toBe(true);
    }
  });

  it('the tables show the totals in the official layout, and validation runs on them', async () => {
    const summary = await service.summary(admin, 2023, null);
    const t3 = summary.tables.find((t) => t.id === 't3')!;
    const cell = t3.blocks[0].rows.find((r) => r.id === 'new')!.cells.find((c) => c.key === 't3.new.total')!;
    expect(cell.value).toBe(summary.cells.find((c) => c.key === 't3.new.total')!.value);
    // generated reports are rule-consistent, so are their sums — except where blanks were summed
    expect(summary.validation.errors.every((e) => e.ruleId === 'cell.blank' || e.cells.some((k) => summary.cells.find((c) => c.key === k)?.blanks))).toBe(true);
  });

  it('the change from last year compares like with like: only the agencies that published in both years', async () => {
    const summary = await service.summary(admin, 2023, { kind: CountyScopeKind.DEPARTMENTS });
    const departments = agencies.filter((a) => a.kind === 'DEPARTMENT');
    const both = departments.filter((a) => published.get(2022)!.has(a.id) && published.get(2023)!.has(a.id));
    const now = departments.filter((a) => published.get(2023)!.has(a.id));
    const before = departments.filter((a) => published.get(2022)!.has(a.id));
    // the fixture has agencies on either side only, so like-with-like is not the whole county
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(now.length);
    expect(both.length).toBeLessThan(before.length);
    expect(summary.previousYearComparable).toBe(true);
    expect(summary.comparison).toMatchObject({ agencyCount: both.length, reportCount: now.length, previousYearReportCount: before.length });
    expect(summary.comparison.description).toBe(
      `较上年的增减只比较两年都已公开的${both.length}个单位（本年已公开${now.length}个单位，上年${before.length}个），其余单位不计入增减`,
    );
    const thisYear = sumReports(both.map((a) => published.get(2023)!.get(a.id)!));
    const lastYear = sumReports(both.map((a) => published.get(2022)!.get(a.id)!));
    for (const cell of summary.cells) {
      expect(cell.comparableValue, cell.key).toBe(thisYear.cells[cell.key]);
      expect(cell.previousValue, cell.key).toBe(lastYear.cells[cell.key]);
      if (cell.comparableValue !== null && cell.previousValue !== null) expect(cell.change).toBeCloseTo(cell.comparableValue - cell.previousValue, 4);
      else expect(cell.change).toBeNull();
    }
    expect(summary.included.filter((s) => s.comparedWithPreviousYear).map((s) => s.agencyId).sort()).toEqual(both.map((a) => a.id).sort());
  });

  it('without an agency published in both years there is no change to show, and it says so', async () => {
    // agency 8 never published 2022, but did publish 2023
    const only = agencies[8];
    expect(published.get(2022)!.has(only.id)).toBe(false);
    expect(published.get(2023)!.has(only.id)).toBe(true);
    const summary = await service.summary(admin, 2023, { kind: CountyScopeKind.LIST, agencyIds: [only.id] });
    expect(summary.reportCount).toBe(1);
    expect(summary.comparison.agencyCount).toBe(0);
    expect(summary.comparison.description).toContain('暂不比较增减');
    expect(summary.cells.every((c) => c.change === null && c.previousValue === null && c.comparableValue === null)).toBe(true);
    // and the cross-year rules on the totals are not judged against a different set of agencies
    expect(summary.validation.warnings.filter((w) => w.ruleId === 't3.carryOver')).toEqual([]);
  });

  it('the breakdown of one cell lists each agency’s value, largest first, summing to the total', async () => {
    const key = 't3.withheld.stateSecret.total';
    const breakdown = await service.cellBreakdown(admin, 2023, key, { kind: CountyScopeKind.ALL });
    const values = breakdown.items.map((i) => i.value ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(breakdown.items.length).toBe(published.get(2023)!.size);
    const summary = await service.summary(admin, 2023, null);
    expect(breakdown.total).toBe(summary.cells.find((c) => c.key === key)!.value);
    for (const item of breakdown.items) expect(item.value).toBe(published.get(2023)!.get(item.agencyId)!.cells[key]);
  });

  it('a chosen list of agencies, and an unknown key', async () => {
    const chosen = agencies.slice(0, 5).map((a) => a.id);
    const summary = await service.summary(admin, 2023, { kind: CountyScopeKind.LIST, agencyIds: chosen });
    const contents = chosen.map((id) => published.get(2023)!.get(id)).filter((c): c is ReportContent => !!c);
    expect(Object.fromEntries(summary.cells.map((c) => [c.key, c.value]))).toEqual(sumReports(contents).cells);
    await expect(service.cellBreakdown(admin, 2023, 't9.nothing', null)).rejects.toSatisfy((e) => errorCode(e) === 'BAD_USER_INPUT');
  });

  it('only the county office may compile', async () => {
    const preparer = createRequestContext(db.dataSource, {
      user: { id: 'u-p', username: 'p', displayName: '填报人', agencyId: agencies[0].id, roles: ['AGENCY_PREPARER'] },
    });
    await expect(service.summary(preparer, 2023, null)).rejects.toSatisfy((e) => errorCode(e) === 'FORBIDDEN');
    await expect(service.summary(createRequestContext(db.dataSource), 2023, null)).rejects.toSatisfy((e) => errorCode(e) === 'UNAUTHENTICATED');
  });
});
