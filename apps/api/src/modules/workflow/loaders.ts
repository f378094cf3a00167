import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { hydrate, selectColumns } from '../../db/raw-rows';
import type { RequestContext } from '../../common/context';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { Finding } from '../confidentiality/finding.entity';
import { Contribution } from '../contributions/contribution.entity';
import { ReportingCycle } from '../cycles/cycle.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { User } from '../users/user.entity';
import { RectificationRequest } from './rectification.entity';
import { Signature } from './signature.entity';
import { WarningExplanation } from './warning-explanation.entity';

/**
 * Per-request batch loaders of the workflow's per-report rows: a list of N reports asking for their
 * signatures, findings, … makes one query per kind. Kept beside the request's core loaders (keyed on
 * that object, which every transaction copy of the context shares) and dropped with the request.
 */
export interface WorkflowLoaders {
  signatures: DataLoader<string, Signature[]>;
  explanations: DataLoader<string, WarningExplanation[]>;
  reviews: DataLoader<string, ConfidentialityReview[]>;
  findings: DataLoader<string, Finding[]>;
  revisions: DataLoader<string, ReportRevision[]>;
  contributions: DataLoader<string, Contribution[]>;
  rectifications: DataLoader<string, RectificationRequest[]>;
  cycleByYear: DataLoader<number, ReportingCycle | null>;
  users: DataLoader<string, User | null>;
}

/**
 * The rows of `entity` of a batch of reports in one hand-written statement (`where`: a further SQL
 * condition on alias t), hydrated exactly as TypeORM's entities (db/raw-rows.ts): report(id) and the
 * list asked for these through TypeORM's find, whose query building was the largest library share
 * of report(id)'s CPU profile after mysql2. request-path.test.ts compares them with TypeORM's.
 */
function byReport<T extends { reportId: string }>(
  manager: EntityManager,
  entity: new () => T,
  order: Array<[keyof T & string, 'ASC' | 'DESC']>,
  where = '',
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const metadata = manager.connection.getMetadata(entity);
    const column = (property: string) => `t.\`${metadata.findColumnWithPropertyName(property)!.databaseName}\``;
    const raw: Record<string, unknown>[] = await manager.query(
      `SELECT ${selectColumns(manager, entity, 't')} FROM \`${metadata.tableName}\` t ` +
        `WHERE t.\`reportId\` IN (${ids.map(() => '?').join(', ')})${where ? ` AND ${where}` : ''} ` +
        `ORDER BY ${order.map(([property, direction]) => `${column(property)} ${direction}`).join(', ')}`,
      [...ids],
    );
    const map = new Map<string, T[]>();
    for (const row of raw.map((r) => hydrate(manager, entity, r, 't'))) {
      const list = map.get(row.reportId) ?? [];
      list.push(row);
      map.set(row.reportId, list);
    }
    return ids.map((id) => map.get(id) ?? []);
  });
}

function create(manager: EntityManager): WorkflowLoaders {
  return {
    signatures: byReport(manager, Signature, [['signedAt', 'ASC'], ['id', 'ASC']]),
    explanations: byReport(manager, WarningExplanation, [['ruleId', 'ASC']]),
    reviews: byReport(manager, ConfidentialityReview, [['reviewedAt', 'DESC'], ['id', 'ASC']]),
    // fixed findings are history; the report's findings are the open and dismissed ones
    findings: byReport(manager, Finding, [['section', 'ASC'], ['start', 'ASC']], "t.`status` <> 'FIXED'"),
    revisions: byReport(manager, ReportRevision, [['revisionNo', 'ASC']]),
    contributions: byReport(manager, Contribution, [['dueDate', 'ASC'], ['id', 'ASC']]),
    rectifications: byReport(manager, RectificationRequest, [['requestedAt', 'ASC']], 't.`resolvedAt` IS NULL'),
    cycleByYear: new DataLoader(async (years) => {
      const rows = await manager.find(ReportingCycle, { where: { year: In([...years]) } });
      const map = new Map(rows.map((c) => [c.year, c]));
      return years.map((y) => map.get(y) ?? null);
    }),
    users: new DataLoader(async (ids) => {
      const rows = await manager.find(User, { where: { id: In([...ids]) } });
      const map = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

const perRequest = new WeakMap<object, WorkflowLoaders>();

export function workflowLoaders(ctx: RequestContext): WorkflowLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = create(ctx.dataSource.manager);
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}

/** after a write: the request's later reads of this report must see it */
export function forgetReport(ctx: RequestContext, reportId: string): void {
  const loaders = perRequest.get(ctx.loaders);
  if (!loaders) return;
  for (const [name, loader] of Object.entries(loaders)) {
    if (name !== 'cycleByYear' && name !== 'users') (loader as DataLoader<string, unknown>).clear(reportId);
  }
  ctx.loaders.cellsByReport.clear(reportId);
}

/** the written 说明 of a report's warnings by ruleId (for RuleResult.explanation) */
export async function explanationsOf(ctx: RequestContext, reportId: string): Promise<Record<string, string>> {
  const rows = await workflowLoaders(ctx).explanations.load(reportId);
  return Object.fromEntries(rows.map((e) => [e.ruleId, e.text]));
}
