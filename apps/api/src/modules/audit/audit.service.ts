import { canonicalJson, digestHex } from '@touming/domain/hash';
import { currentHashAlgorithm, storedHashAlgorithm } from '../../common/hashing';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../../common/context';
import { UUID_LENGTH } from '../../db/columns';
import { lockForUpdate } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { auditAppends } from '../../observability/metrics';
import { AuditEntry } from './audit-entry.entity';
import { AuditHead } from './audit-head.entity';

/** what a caller records; who, when, the request and the chain fields are filled in by append */
export interface AuditRecord {
  /** e.g. 'report.update', 'user.create', 'auth.login.failed', 'access.denied' */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  agencyId?: string | null;
  reportId?: string | null;
  /** before/after, reason, … — anything JSON */
  detail?: Record<string, unknown> | null;
}

export const AUDIT_HEAD_ID = 1;
/** the prevHash of the first entry */
export const AUDIT_GENESIS = '';

/** the exact fields a hash covers (everything but id and hash), in a dialect-independent form */
export function hashedFields(e: Omit<AuditEntry, 'id' | 'hash'>): Record<string, unknown> {
  return {
    at: new Date(e.at).toISOString(),
    actorId: e.actorId ?? null,
    actorName: e.actorName ?? null,
    agencyId: e.agencyId ?? null,
    reportId: e.reportId ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    detail: e.detail ?? null,
    requestId: e.requestId ?? null,
    prevHash: e.prevHash,
    // named only when not sha256: entries from before the column keep their hashes
    ...(storedHashAlgorithm(e.hashAlgorithm) !== 'sha256' ? { hashAlgorithm: e.hashAlgorithm } : {}),
  };
}

export function entryHash(e: Omit<AuditEntry, 'id' | 'hash'>): string {
  return digestHex(e.prevHash + canonicalJson(hashedFields(e)), storedHashAlgorithm(e.hashAlgorithm));
}

/** the entry that marks a switch of the chain's algorithm: the first entry made with the new one */
export const HASH_SWITCH_ACTION = 'system.hashAlgorithm';

export interface AuditChainVerification {
  ok: boolean;
  checked: number;
  /** the first entry whose hash or link no longer matches; null when ok */
  firstBrokenId: number | null;
}

function actorName(ctx: RequestContext): string | null {
  if (ctx.user) return `${ctx.user.displayName}（${ctx.user.username}）`;
  return ctx.systemActor;
}

/** work that follows audited events in their transaction (the notifications module registers one) */
export type AuditObserver = (tx: RequestContext, records: readonly AuditRecord[]) => Promise<unknown>;
const observers = new Set<AuditObserver>();

/**
 * Be told of every batch of audit records, inside the transaction that writes them: what an observer
 * writes commits or rolls back with the event. Registered once per process by a module's index.
 */
export function observeAudit(observer: AuditObserver): void {
  observers.add(observer);
}

/**
 * Append entries to the chain inside the caller's transaction (ctx must come from withTransaction).
 * The head row is read under a lock (FOR UPDATE on MySQL; SQLite transactions are serialised), so
 * concurrent transactions extend the chain one after another and never fork it. The observers run
 * first, in the same transaction.
 */
export async function appendAudit(ctx: RequestContext, records: AuditRecord | AuditRecord[]): Promise<AuditEntry[]> {
  if (!ctx.inTransaction) throw new Error('appendAudit must run inside withTransaction (same transaction as the change)');
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) return [];
  const manager = ctx.manager;
  // the observers' writes (the 消息) first: the head's lock below serialises every writer of the
  // deployment until the commit, so nothing that does not need it waits inside it
  for (const observer of observers) await observer(ctx, list);
  const head = await lockForUpdate(
    manager.createQueryBuilder(AuditHead, 'h').where('h.id = :id', { id: AUDIT_HEAD_ID }),
  ).getOne();
  if (!head) throw new Error('audit_head row missing: migrations not applied?');

  let prevHash = head.lastHash;
  let lastId = Number(head.lastId);
  const saved: AuditEntry[] = [];
  // one timestamp per transaction: the entries of one change happened together
  const at = new Date();
  const algorithm = currentHashAlgorithm();
  const previousAlgorithm = storedHashAlgorithm(head.hashAlgorithm);
  const toAppend =
    lastId > 0 && algorithm !== previousAlgorithm
      ? // HASH_ALGORITHM changed since the last entry: the first entry of the new algorithm says so, and
        // verification accepts a change of algorithm only at such an entry
        [{ action: HASH_SWITCH_ACTION, targetType: 'Database', detail: { from: previousAlgorithm, to: algorithm, afterId: lastId } } as AuditRecord, ...list]
      : list;
  for (const record of toAppend) {
    const entry = manager.create(AuditEntry, {
      id: lastId + 1,
      at,
      actorId: ctx.user?.id ?? null,
      actorName: actorName(ctx),
      agencyId: record.agencyId ?? null,
      reportId: record.reportId ?? null,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      detail: record.detail ?? null,
      requestId: ctx.requestId,
      prevHash,
      hashAlgorithm: algorithm,
    });
    entry.hash = entryHash(entry);
    const id = lastId + 1;
    // every column is set here: no reload of defaulted columns after the insert (one statement saved
    // per entry; MySQL would also hand bigint ids back as strings) — the chain continues from what was
    // computed here
    await manager.createQueryBuilder().insert().into(AuditEntry).values(entry as QueryDeepPartialEntity<AuditEntry>).updateEntity(false).execute();
    prevHash = entry.hash;
    lastId = id;
    saved.push(entry);
  }
  await manager.update(AuditHead, { id: AUDIT_HEAD_ID }, { lastId, lastHash: prevHash, hashAlgorithm: algorithm });
  // counted when appended inside the transaction: a rolled-back change's entries are counted too
  auditAppends.inc(saved.length);
  return saved;
}

/**
 * Record a denied access. It must survive the rollback of whatever was being attempted, so it is
 * written in a transaction of its own (after the failed one when there was one: see withTransaction).
 */
/**
 * An entry about an act that failed (its own transaction rolled back): written in a transaction of
 * its own, so the refusal stays on the trail.
 */
export async function recordOutside(ctx: RequestContext, record: AuditRecord): Promise<void> {
  const base = { ...ctx, manager: ctx.dataSource.manager, inTransaction: false };
  await withTransaction(base, (tx) => appendAudit(tx, record));
}

/** the columns' lengths of the ids a denial may name as the caller gave them */
const ID_COLUMN_LENGTH = { agencyId: UUID_LENGTH, reportId: UUID_LENGTH, targetId: 64 } as const;

/**
 * A denial can name an id the caller made up (nothing was found by it). One longer than its column is
 * no id of ours: it is kept, cut to 64 characters with its length, in the detail, and the column left
 * empty — the insert would otherwise fail and the refusal become a 500 with no entry (found by the
 * input fuzz: importReport with an agencyId of 1,000 emoji).
 */
function withFittingIds<T extends Pick<AuditRecord, 'agencyId' | 'reportId' | 'targetId' | 'detail'>>(record: T): T {
  const given: Record<string, { beginning: string; length: number }> = {};
  const fitted = { ...record };
  for (const [key, max] of Object.entries(ID_COLUMN_LENGTH) as [keyof typeof ID_COLUMN_LENGTH, number][]) {
    const value = record[key];
    // characters as the database counts them (code points), not UTF-16 units
    const chars = typeof value === 'string' ? [...value] : [];
    if (chars.length > max) {
      given[key] = { beginning: chars.slice(0, 64).join(''), length: chars.length };
      fitted[key] = null;
    }
  }
  if (Object.keys(given).length === 0) return record;
  return { ...fitted, detail: { ...(record.detail ?? {}), givenIds: given } };
}

export async function recordDenial(ctx: RequestContext, record: Omit<AuditRecord, 'action'> & { attempted: string }): Promise<void> {
  const { attempted, ...rest } = withFittingIds(record);
  const base = { ...ctx, manager: ctx.dataSource.manager, inTransaction: false };
  await withTransaction(base, (tx) =>
    appendAudit(tx, { ...rest, action: 'access.denied', detail: { attempted, ...(rest.detail ?? {}) } }),
  );
}

function isSwitchMark(entry: AuditEntry, from: string): boolean {
  return entry.action === HASH_SWITCH_ACTION && entry.detail?.from === from && entry.detail?.to === storedHashAlgorithm(entry.hashAlgorithm);
}

/**
 * Walk the chain in id order, recomputing every hash and link; name the first entry that no longer
 * matches. The head must point at the last entry (a deleted tail is a break too).
 */
export async function verifyAuditChain(source: DataSource | EntityManager, batchSize = 2000): Promise<AuditChainVerification> {
  const manager = 'manager' in source ? source.manager : source;
  let prev = AUDIT_GENESIS;
  let previousAlgorithm: string | null = null;
  let checked = 0;
  let afterId = 0;
  let lastId = 0;
  for (;;) {
    const batch = await manager
      .createQueryBuilder(AuditEntry, 'e')
      .where('e.id > :afterId', { afterId })
      .orderBy('e.id', 'ASC')
      .take(batchSize)
      .getMany();
    for (const entry of batch) {
      // ids are gap-free (assigned under the head lock): a missing id is a deleted entry
      if (Number(entry.id) !== lastId + 1 || entry.prevHash !== prev || entryHash(entry) !== entry.hash) {
        return { ok: false, checked, firstBrokenId: Number(entry.id) };
      }
      // the algorithm changes only at an entry that marks the switch, from the one before to its own
      const algorithm = storedHashAlgorithm(entry.hashAlgorithm);
      if (previousAlgorithm && algorithm !== previousAlgorithm && !isSwitchMark(entry, previousAlgorithm)) {
        return { ok: false, checked, firstBrokenId: Number(entry.id) };
      }
      previousAlgorithm = algorithm;
      prev = entry.hash;
      lastId = Number(entry.id);
      checked += 1;
    }
    if (batch.length < batchSize) break;
    afterId = Number(batch[batch.length - 1].id);
  }
  const head = await manager.findOne(AuditHead, { where: { id: AUDIT_HEAD_ID } });
  if (head && (head.lastHash !== prev || Number(head.lastId) !== lastId)) {
    return { ok: false, checked, firstBrokenId: Number(head.lastId) || lastId };
  }
  return { ok: true, checked, firstBrokenId: null };
}

/** the service object the resolvers and other services use */
export class AuditService {
  append(ctx: RequestContext, records: AuditRecord | AuditRecord[]): Promise<AuditEntry[]> {
    return appendAudit(ctx, records);
  }

  recordDenial(ctx: RequestContext, record: Omit<AuditRecord, 'action'> & { attempted: string }): Promise<void> {
    return recordDenial(ctx, record);
  }

  verify(ctx: RequestContext): Promise<AuditChainVerification> {
    return verifyAuditChain(ctx.dataSource);
  }
}
