/**
 * `touming regions import <csv>` and `touming totals verify|rebuild`, as functions over a data
 * source: the CLI calls them; everything runs in one transaction with its audit entry.
 */
import { childPath, parentsFirst, placementProblem, type RegionCsvRow } from '@touming/domain/regions';
import type { DataSource } from 'typeorm';
import { systemContext } from '../../common/context';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { Region } from './region.entity';
import { findRegionByCode, insertRegionRow, updateRegionRow } from './region.repository';
import { compareTotals, freshTotals, maintainedTotals, rebuildTotals, type TotalDifference } from './totals.repository';

export interface RegionImportResult {
  created: string[];
  renamed: string[];
  unchanged: string[];
  /** rows refused, with the line and the reason (nothing is written when there is one) */
  problems: Array<{ line: number; message: string }>;
}

/**
 * Create the regions of the rows that do not exist yet (parents first; a parent may already be in
 * the database) and rename those whose name changed. A region that exists under another parent is a
 * problem, not a silent move (moves are done one by one in the console, with their own audit).
 */
export async function importRegions(dataSource: DataSource, rows: readonly RegionCsvRow[], actor = 'cli'): Promise<RegionImportResult> {
  const result: RegionImportResult = { created: [], renamed: [], unchanged: [], problems: [] };
  await withTransaction(systemContext(dataSource, actor), async (tx) => {
    const byCode = new Map<string, Region>();
    const find = async (code: string) => byCode.get(code) ?? (await findRegionByCode(tx.manager, code)) ?? undefined;
    for (const row of parentsFirst(rows)) {
      const parent = row.parentCode ? await find(row.parentCode) : null;
      if (row.parentCode && !parent) {
        result.problems.push({ line: row.line, message: `上级地区${row.parentCode}不存在（文件和数据库中都没有）` });
        continue;
      }
      const problem = placementProblem(row.level, row.code, parent ?? null);
      if (problem) {
        result.problems.push({ line: row.line, message: problem });
        continue;
      }
      const existing = await find(row.code);
      if (existing) {
        if (existing.level !== row.level || (existing.parentId ?? null) !== (parent?.id ?? null)) {
          result.problems.push({ line: row.line, message: `地区${row.code}已存在，但层级或上级与文件不同（请在控制台调整隶属）` });
        } else if (existing.name !== row.name) {
          await updateRegionRow(tx.manager, existing.id, { name: row.name, updatedAt: new Date() });
          existing.name = row.name;
          result.renamed.push(row.code);
        } else result.unchanged.push(row.code);
        byCode.set(row.code, existing);
        continue;
      }
      const now = new Date();
      const id = newId();
      const region = Object.assign(new Region(), { id, code: row.code, name: row.name, level: row.level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id), createdAt: now, updatedAt: now });
      await insertRegionRow(tx.manager, region);
      byCode.set(row.code, region);
      result.created.push(row.code);
    }
    if (result.problems.length) throw Object.assign(new Error('region import refused'), { refused: true });
    await appendAudit(tx, { action: 'region.import', targetType: 'Region', detail: { created: result.created, renamed: result.renamed, unchanged: result.unchanged.length } });
  }).catch((error) => {
    if (!(error as { refused?: boolean }).refused) throw error;
    result.created = [];
    result.renamed = [];
  });
  return result;
}

/** the maintained totals against a fresh sum from the published cells */
export async function verifyTotals(dataSource: DataSource): Promise<{ rows: number; differences: TotalDifference[] }> {
  const [maintained, fresh] = await Promise.all([maintainedTotals(dataSource.manager), freshTotals(dataSource.manager)]);
  return { rows: maintained.length, differences: compareTotals(maintained, fresh) };
}

/** recreate the maintained totals from the published cells, audited */
export async function rebuildAllTotals(dataSource: DataSource, actor = 'cli'): Promise<number> {
  return withTransaction(systemContext(dataSource, actor), async (tx) => {
    const rows = await rebuildTotals(tx.manager);
    await appendAudit(tx, { action: 'totals.rebuild', targetType: 'Database', detail: { rows } });
    return rows;
  });
}
