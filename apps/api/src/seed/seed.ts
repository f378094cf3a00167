import fs from 'node:fs';
import path from 'node:path';
import { formatForYear } from '@touming/domain/formats';
import { generateReport } from '@touming/domain/generate';
import { importReport } from '@touming/domain/import';
import type { ReportContent } from '@touming/domain/report';
import type { DataSource } from 'typeorm';
import { systemContext } from '../common/context';
import { newId } from '../db/columns';
import { withTransaction } from '../db/transaction';
import { Agency } from '../modules/agencies/agency.entity';
import { appendAudit } from '../modules/audit/audit.service';
import { hashPassword } from '../modules/auth/password';
import { ReportingCycle } from '../modules/cycles/cycle.entity';
import { defaultDeadline } from '@touming/domain/deadlines';
import { ReportCell } from '../modules/reports/report-cell.entity';
import { Report } from '../modules/reports/report.entity';
import { cellRows, insertRows, newReportRow } from '../modules/reports/report.repository';
import { User } from '../modules/users/user.entity';
import { seedWorkflowDemo } from '../modules/workflow/demo-seed';
import { DEMO_AGENCIES, DEMO_COUNTY_CODE, DEMO_NEIGHBOUR_AGENCIES, DEMO_PASSWORD, DEMO_REGION, DEMO_REGIONS, DEMO_USERS, REAL_REPORT, type DemoUser } from './demo-data';
import { childPath } from '@touming/domain/regions';
import { Region } from '../modules/regions/region.entity';
import { rebuildTotals } from '../modules/regions/totals.repository';
import { planDemo, REPORTING_AGENCIES, type DemoPlan } from './demo-plan';
import { applyFlaw } from './quality-flaws';

export interface SeedSummary {
  agencies: number;
  users: DemoUser[];
  cycles: number;
  reports: number;
  /** what was seeded: the open cycle, every report's state and dates (demo-plan.ts) */
  plan: DemoPlan;
}

export interface SeedOptions {
  /**
   * the day the demo is made for (default: now). The open cycle is this day's report year with its
   * deadline ahead; tests pass a fixed day so the years and states they expect are known.
   */
  today?: Date;
}

/** the demo report text: beside the compiled seed (dist) or in src when run from sources */
function realReportText(): string {
  const candidates = [
    path.join(__dirname, 'data', REAL_REPORT.file),
    path.join(__dirname, '..', '..', 'src', 'seed', 'data', REAL_REPORT.file),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`demo data missing: ${REAL_REPORT.file}`);
  return fs.readFileSync(file, 'utf8');
}

/** the database holds no agency yet (a fresh install) */
export async function isEmptyDatabase(ds: DataSource): Promise<boolean> {
  return (await ds.manager.count(Agency)) === 0;
}

/**
 * Demo data for a fresh database: 盐池县's agencies, a user for every role (password touming-demo),
 * cycles from 2019 to the report year open on `today` (demo-plan.ts: that cycle in progress with its
 * deadline ahead, every older one published, a late publication with its 责任追究 case), the real 2020
 * report of 盐池县文化旅游广电局 through the domain importer, and generated rule-consistent reports for
 * the rest. One transaction, batch inserts, one audit entry (and one for the workflow side).
 * Returns null (and does nothing) when the database already has data.
 */
export async function seedDemo(ds: DataSource, options: SeedOptions = {}): Promise<SeedSummary | null> {
  if (!(await isEmptyDatabase(ds))) return null;
  const now = options.today ?? new Date();
  const plan = planDemo(now);
  // argon2 runs on libuv's thread pool: hash the users' passwords in parallel before the transaction
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));

  const regions = new Map<string, Region>();
  for (const r of DEMO_REGIONS) {
    const id = newId();
    const parent = r.parent ? regions.get(r.parent)! : null;
    regions.set(r.code, Object.assign(new Region(), { id, code: r.code, name: r.name, level: r.level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id), createdAt: now, updatedAt: now }));
  }
  const agencies = new Map<string, Agency>();
  const county = DEMO_AGENCIES.find((a) => a.kind === 'COUNTY_GOVERNMENT')!;
  for (const a of DEMO_AGENCIES) {
    agencies.set(
      a.code,
      Object.assign(new Agency(), {
        id: newId(),
        code: a.code,
        name: a.name,
        kind: a.kind,
        parentId: null,
        region: DEMO_REGION,
        regionId: regions.get(DEMO_COUNTY_CODE)!.id,
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  const countyId = agencies.get(county.code)!.id;
  for (const a of agencies.values()) if (a.kind !== 'COUNTY_GOVERNMENT') a.parentId = countyId;
  const countyAgencies = [...agencies.values()];
  const neighbours = DEMO_NEIGHBOUR_AGENCIES.map((a) =>
    Object.assign(new Agency(), { id: newId(), code: a.code, name: a.name, kind: a.kind, parentId: null, region: a.regionName, regionId: regions.get(a.region)!.id, active: true, createdAt: now, updatedAt: now }),
  );
  for (const a of neighbours) agencies.set(a.code, a);

  const users = DEMO_USERS.map((u, i) =>
    Object.assign(new User(), {
      id: newId(),
      username: u.username,
      displayName: u.displayName,
      passwordHash: hashes[i],
      agencyId: agencies.get(u.agency)!.id,
      roles: u.roles,
      active: true,
      tokenVersion: 0,
      createdAt: now,
      updatedAt: now,
    }),
  );

  const cycles = plan.years.map((year) =>
    Object.assign(new ReportingCycle(), {
      id: newId(),
      year,
      format: formatForYear(year).id,
      deadline: defaultDeadline(year),
      requiresPreReview: false,
      open: year === plan.currentYear,
      // each cycle opened on 1 December of its year; the open one before its first report was written
      createdAt: new Date(Math.min(Date.UTC(year, 11, 1, 1, 0, 0), now.getTime() - 30 * 24 * 3_600_000)),
    }),
  );

  const imported = importReport({ text: realReportText() });
  const reports: Report[] = [];
  const cells: ReportCell[] = [];
  REPORTING_AGENCIES.forEach((demo, index) => {
    const agency = agencies.get(demo.code)!;
    let previous: ReportContent | null = null;
    for (const year of plan.years) {
      const planned = plan.report(demo.code, year);
      if (!planned) continue;
      const generated: ReportContent =
        demo.code === REAL_REPORT.agency && year === REAL_REPORT.year
          ? { ...imported.report, year, agency: imported.report.agency || agency.name }
          : generateReport({ format: formatForYear(year).id, year, agency: agency.name, seed: 20_190 + index, previous, scale: demo.scale });
      const content = applyFlaw(generated, planned.flaw, previous);
      const report = newReportRow(agency.id, content, previous, { status: planned.status, at: planned.writtenAt });
      reports.push(report);
      cells.push(...cellRows(report.id, content));
      previous = content;
    }
  });

  await withTransaction(systemContext(ds, 'seed'), async (tx) => {
    const m = tx.manager;
    // parents first: the regions root first, the county government, then everything under it
    for (const level of ['PROVINCE', 'CITY', 'COUNTY']) await insertRows(m, Region, [...regions.values()].filter((r) => r.level === level));
    await insertRows(m, Agency, [...agencies.values()].filter((a) => a.parentId === null));
    await insertRows(m, Agency, [...agencies.values()].filter((a) => a.parentId !== null));
    await insertRows(m, User, users);
    await insertRows(m, ReportingCycle, cycles);
    await insertRows(m, Report, reports);
    await insertRows(m, ReportCell, cells);
    await appendAudit(tx, {
      action: 'seed.demo',
      targetType: 'Database',
      detail: {
        agencies: agencies.size,
        users: users.map((u) => u.username),
        today: now.toISOString(),
        openCycle: plan.currentYear,
        cycles: plan.years,
        reports: reports.length,
        cells: cells.length,
        realReport: { agency: REAL_REPORT.agency, year: REAL_REPORT.year, file: REAL_REPORT.file, unplaced: imported.unplaced.length },
      },
    });
    // signatures, published revisions, reviews … so that every state above is real
    await seedWorkflowDemo(tx, { agencies: countyAgencies, users, reports, cells, passwordHash: hashes[0], now, plan });
    // the revisions above were written in bulk, not published one by one: sum the region totals once
    await rebuildTotals(m);
  });
  return { agencies: countyAgencies.length, users: DEMO_USERS, cycles: cycles.length, reports: reports.length, plan };
}
