import { Agency } from '../../src/modules/agencies/agency.entity';
import { Report } from '../../src/modules/reports/report.entity';
import type { DemoPlan } from '../../src/seed/demo-plan';
import { seedDemo } from '../../src/seed/seed';
import { TestApi } from './api';
import { openTestDatabase, type DialectName, type TestDatabase } from './databases';

/**
 * The day the test databases' demo is made for: fixed, so every run seeds the same cycles and states
 * (the open cycle is 2026, due 2027-01-31; 2019–2025 published). Tests read years and states from
 * `env.demo` (seed/demo-plan.ts) rather than writing them down. What the API computes against the
 * real clock (overdue, days left) is compared with the real clock.
 */
export const DEMO_TODAY = new Date('2026-12-03T04:00:00Z');

/** a migrated, demo-seeded database of one dialect with the API over it */
export interface SeededEnv {
  db: TestDatabase;
  api: TestApi;
  /** what the seed made: the open cycle (demo.currentYear), each report's state and dates */
  demo: DemoPlan;
  agencyId(code: string): Promise<string>;
  reportId(code: string, year: number): Promise<string>;
  close(): Promise<void>;
}

export async function seededEnv(dialect: DialectName, today: Date = DEMO_TODAY): Promise<SeededEnv> {
  const db = await openTestDatabase(dialect);
  const summary = await seedDemo(db.dataSource, { today });
  if (!summary) throw new Error('seed did not run on an empty database');
  const api = await TestApi.start(db.dataSource);
  const m = db.dataSource.manager;
  return {
    db,
    api,
    demo: summary.plan,
    async agencyId(code) {
      return (await m.findOneByOrFail(Agency, { code })).id;
    },
    async reportId(code, year) {
      const agency = await m.findOneByOrFail(Agency, { code });
      return (await m.findOneByOrFail(Report, { agencyId: agency.id, year })).id;
    },
    async close() {
      await api.stop();
      await db.drop();
    },
  };
}
