import { Agency } from '../../src/modules/agencies/agency.entity';
import { Report } from '../../src/modules/reports/report.entity';
import { seedDemo } from '../../src/seed/seed';
import { TestApi } from './api';
import { openTestDatabase, type DialectName, type TestDatabase } from './databases';

/** a migrated, demo-seeded database of one dialect with the API over it */
export interface SeededEnv {
  db: TestDatabase;
  api: TestApi;
  agencyId(code: string): Promise<string>;
  reportId(code: string, year: number): Promise<string>;
  close(): Promise<void>;
}

export async function seededEnv(dialect: DialectName): Promise<SeededEnv> {
  const db = await openTestDatabase(dialect);
  const summary = await seedDemo(db.dataSource);
  if (!summary) throw new Error('seed did not run on an empty database');
  const api = await TestApi.start(db.dataSource);
  const m = db.dataSource.manager;
  return {
    db,
    api,
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
