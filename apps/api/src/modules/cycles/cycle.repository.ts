/** Storage of reporting cycles (one per year). */
import type { EntityManager } from 'typeorm';
import { hydrate, selectColumns } from '../../db/raw-rows';
import { ReportingCycle } from './cycle.entity';

/**
 * The cycle of a year. Hand-written (the dashboard, the public statistics and every workflow act
 * read it): TypeORM built the same one-row statement on every call.
 */
export async function findCycleOfYear(manager: EntityManager, year: number): Promise<ReportingCycle | null> {
  const rows: Record<string, unknown>[] = await manager.query(`SELECT ${selectColumns(manager, ReportingCycle, 'c')} FROM reporting_cycle c WHERE c.year = ?`, [year]);
  return rows.length ? hydrate(manager, ReportingCycle, rows[0], 'c') : null;
}

export function findCycle(manager: EntityManager, id: string): Promise<ReportingCycle | null> {
  return manager.findOne(ReportingCycle, { where: { id } });
}

/** every cycle, latest year first */
export function listCycles(manager: EntityManager): Promise<ReportingCycle[]> {
  return manager.find(ReportingCycle, { order: { year: 'DESC' } });
}

/** insert a new cycle (a second cycle of a year raises the driver's unique violation) */
export async function insertCycle(manager: EntityManager, cycle: ReportingCycle): Promise<void> {
  await manager.insert(ReportingCycle, cycle);
}

export async function updateCycle(manager: EntityManager, id: string, patch: Partial<Pick<ReportingCycle, 'deadline' | 'requiresPreReview' | 'open'>>): Promise<void> {
  await manager.update(ReportingCycle, { id }, patch);
}
