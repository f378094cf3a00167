/**
 * Storage of what 三级联签 and publication write: signatures, the warnings' explanations and the
 * county office's 整改 requests. Reads of a whole workflow state are ./workflow.state.ts; the
 * per-request batch loaders are ./loaders.ts.
 */
import { In, type EntityManager } from 'typeorm';
import { hydrate, nullColumns, selectColumns } from '../../db/raw-rows';
import { Finding } from '../confidentiality/finding.entity';
import { RectificationRequest } from './rectification.entity';
import { Signature } from './signature.entity';
import { WarningExplanation } from './warning-explanation.entity';

/** every signature of a report, voided ones included */
export function signaturesOf(manager: EntityManager, reportId: string): Promise<Signature[]> {
  return manager.find(Signature, { where: { reportId } });
}

/**
 * A report's signatures (oldest first, voided ones included) and its open and dismissed findings in
 * one statement — what a signature and a publication decide on together; it was two. The tables share
 * no columns: each half of the UNION ALL names the other's as NULL, and `kind` tells the rows apart.
 * Hand-written, hydrated as TypeORM hydrates them (db/raw-rows.ts); the signed content is not read.
 */
export async function signaturesAndFindingsOf(manager: EntityManager, reportId: string): Promise<{ signatures: Signature[]; findings: Finding[] }> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT 'S' AS kind, ${selectColumns(manager, Signature, 's')}, ${nullColumns(manager, Finding, 'f')} FROM signature s WHERE s.reportId = ? ` +
      `UNION ALL SELECT 'F' AS kind, ${nullColumns(manager, Signature, 's')}, ${selectColumns(manager, Finding, 'f')} FROM finding f WHERE f.reportId = ? AND f.status <> 'FIXED' ` +
      'ORDER BY kind DESC, s_signedAt, s_id',
    [reportId, reportId],
  );
  const signatures: Signature[] = [];
  const findings: Finding[] = [];
  for (const row of rows) {
    if (row.kind === 'S') signatures.push(hydrate(manager, Signature, row, 's'));
    else findings.push(hydrate(manager, Finding, row, 'f'));
  }
  return { signatures, findings };
}

export async function insertSignature(manager: EntityManager, signature: Signature): Promise<void> {
  await manager.insert(Signature, signature);
}

/** a voided signature is kept, with who voided it, when and why */
export async function markSignatureVoided(manager: EntityManager, id: string, voided: Pick<Signature, 'voidedAt' | 'voidedBy' | 'voidReason'>): Promise<void> {
  await manager.update(Signature, { id }, voided);
}

export function findExplanation(manager: EntityManager, reportId: string, ruleId: string): Promise<WarningExplanation | null> {
  return manager.findOne(WarningExplanation, { where: { reportId, ruleId } });
}

/** the rule ids whose warnings were explained, per report (one statement for many reports) */
export async function explainedRulesOf(manager: EntityManager, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = reportIds.length
    ? await manager.find(WarningExplanation, { where: { reportId: In([...reportIds]) }, select: { reportId: true, ruleId: true } })
    : [];
  const byReport = new Map<string, string[]>();
  for (const row of rows) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row.ruleId]);
  return byReport;
}

/** write the 说明 of one warning: a new row, or over the existing one (`exists`) */
export async function saveExplanation(manager: EntityManager, row: WarningExplanation, exists: boolean): Promise<void> {
  if (exists) await manager.update(WarningExplanation, { reportId: row.reportId, ruleId: row.ruleId }, row);
  else await manager.insert(WarningExplanation, row);
}

export async function insertRectification(manager: EntityManager, request: RectificationRequest): Promise<void> {
  await manager.insert(RectificationRequest, request);
}

/** every 整改 request of a report, resolved ones included */
export function rectificationsOf(manager: EntityManager, reportId: string): Promise<RectificationRequest[]> {
  return manager.find(RectificationRequest, { where: { reportId } });
}

/** a 整改 request is resolved by the revision that published the correction */
export async function resolveRectification(manager: EntityManager, id: string, at: Date, revisionId: string): Promise<void> {
  await manager.update(RectificationRequest, { id }, { resolvedAt: at, resolvedRevisionId: revisionId });
}
