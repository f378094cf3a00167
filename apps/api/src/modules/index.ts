/**
 * Every module of the API. A new module is a folder whose index.ts exports its ApiModule (resolvers,
 * entities, optional wiring), plus one line here; the schema (../schema.ts) and the data source
 * (../db/entities.ts) take theirs from this list.
 */
import type { Container } from '../common/container';
import { accountabilityModule } from './accountability';
import { agenciesModule } from './agencies';
import type { ApiModule, Class } from './api-module';
import { auditModule } from './audit';
import { compareModule } from './compare';
import { authModule } from './auth';
import { confidentialityModule } from './confidentiality';
import { contributionsModule } from './contributions';
import { countyModule } from './county';
import { cyclesModule } from './cycles';
import { exportsModule } from './exports';
import { filesModule } from './files';
import { formatsModule } from './formats';
import { notificationsModule } from './notifications';
import { publicModule } from './public';
import { qualityModule } from './quality';
import { regionsModule } from './regions';
import { reportsModule } from './reports';
import { revisionsModule } from './revisions';
import { usersModule } from './users';
import { workflowModule } from './workflow';

export const MODULES: readonly ApiModule[] = [
  authModule,
  usersModule,
  regionsModule,
  agenciesModule,
  cyclesModule,
  reportsModule,
  formatsModule,
  revisionsModule,
  workflowModule,
  confidentialityModule,
  contributionsModule,
  auditModule,
  accountabilityModule,
  notificationsModule,
  countyModule,
  qualityModule,
  compareModule,
  publicModule,
  exportsModule,
  filesModule,
];

/** every resolver of the API */
export const RESOLVERS: Class[] = MODULES.flatMap((m) => m.resolvers);

/** every TypeORM entity (each table has a migration per dialect) */
export const ENTITIES: Class[] = MODULES.flatMap((m) => m.entities);

/** each module's wiring into the others' services; once per container, before serving */
export function registerModules(container: Container): void {
  for (const m of MODULES) m.register?.(container);
}
