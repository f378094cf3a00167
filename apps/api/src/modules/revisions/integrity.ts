/**
 * Published revisions checked against the audit chain (the domain's checkPublishedIntegrity): the
 * content stored in report_revision is hashed again and compared with the hash the chained
 * publication entry recorded — `report.publish` (targetId = the revision), or for the demo's seeded
 * revisions the `seed.workflow` entry's `publishedHashes`. `touming audit verify` checks every
 * revision; the public API, the /gongkai/ pages and the downloads check the one they are about to serve.
 */
import { isHashAlgorithm, type HashAlgorithm } from '@touming/domain/hash';
import { checkPublishedIntegrity, type PublishedIntegrityProblem } from '@touming/domain/workflow';
import { In, type EntityManager } from 'typeorm';
import { appError } from '../../common/errors';
import { createLogger } from '../../observability/logger';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ReportRevision } from './report-revision.entity';

export interface ChainedPublication {
  hash: string;
  algorithm: HashAlgorithm;
}

const algorithmOf = (value: unknown): HashAlgorithm => (isHashAlgorithm(value) ? value : 'sha256');

/** the chained publication record of each revision id (absent when the chain has none) */
export async function chainedPublications(manager: EntityManager, revisionIds: readonly string[]): Promise<Map<string, ChainedPublication>> {
  const found = new Map<string, ChainedPublication>();
  if (revisionIds.length === 0) return found;
  const entries = await manager.find(AuditEntry, { where: { action: 'report.publish', targetId: In([...revisionIds]) }, order: { id: 'ASC' } });
  for (const e of entries) {
    const hash = e.detail?.contentHash;
    if (typeof hash === 'string' && e.targetId) found.set(e.targetId, { hash, algorithm: algorithmOf(e.detail?.hashAlgorithm) });
  }
  const missing = revisionIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    // the demo seed publishes its archive in one act and chains every revision's hash in that entry
    const seeds = await manager.find(AuditEntry, { where: { action: 'seed.workflow' }, order: { id: 'ASC' } });
    for (const e of seeds) {
      const hashes = e.detail?.publishedHashes as Record<string, string> | undefined;
      if (!hashes) continue;
      for (const id of missing) {
        if (typeof hashes[id] === 'string') found.set(id, { hash: hashes[id], algorithm: algorithmOf(e.detail?.hashAlgorithm) });
      }
    }
  }
  return found;
}

export interface RevisionIntegrityFailure {
  revisionId: string;
  reportId: string;
  agencyId: string;
  year: number;
  revisionNo: number;
  problem: PublishedIntegrityProblem;
  message: string;
}

export interface PublishedVerification {
  checked: number;
  failures: RevisionIntegrityFailure[];
}

function failureOf(revision: ReportRevision, chained: ChainedPublication | undefined): RevisionIntegrityFailure | null {
  const check = checkPublishedIntegrity({
    content: revision.content,
    storedHash: revision.contentHash,
    chainedHash: chained?.hash ?? null,
    algorithm: chained?.algorithm,
  });
  if (check.ok) return null;
  const { id, reportId, agencyId, year, revisionNo } = revision;
  return { revisionId: id, reportId, agencyId, year, revisionNo, problem: check.problem, message: check.message };
}

/** every published revision, in batches, against the chain */
export async function verifyPublishedRevisions(manager: EntityManager, batchSize = 200): Promise<PublishedVerification> {
  const failures: RevisionIntegrityFailure[] = [];
  let checked = 0;
  let afterId = '';
  for (;;) {
    const batch = await manager
      .createQueryBuilder(ReportRevision, 'r')
      .where('r.id > :afterId', { afterId })
      .orderBy('r.id', 'ASC')
      .take(batchSize)
      .getMany();
    const chained = await chainedPublications(manager, batch.map((r) => r.id));
    for (const revision of batch) {
      const failure = failureOf(revision, chained.get(revision.id));
      if (failure) failures.push(failure);
      checked += 1;
    }
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1].id;
  }
  return { checked, failures };
}

const log = createLogger();

/**
 * The chained record of a revision never changes (the chain is append-only and verified), so it is
 * remembered per revision id; the content is hashed again on every serve, so an edit made while the
 * server runs is caught at the next request.
 */
const remembered = new Map<string, ChainedPublication>();
const REMEMBER_AT_MOST = 20_000;

/** refuse to serve a revision whose stored content fails the check: INTEGRITY_FAILED, logged */
export async function assertPublishedIntact(manager: EntityManager, revision: ReportRevision, requestId?: string): Promise<void> {
  let chained = remembered.get(revision.id);
  if (!chained) {
    chained = (await chainedPublications(manager, [revision.id])).get(revision.id);
    if (chained) {
      if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
      remembered.set(revision.id, chained);
    }
  }
  const failure = failureOf(revision, chained);
  if (!failure) return;
  log.error({ ...failure, requestId }, '公开版本未通过完整性校验，已拒绝提供');
  throw appError('INTEGRITY_FAILED', `该公开版本未通过完整性校验（${failure.message}），暂停提供；已记录，请联系县政务公开办`, {
    revisionId: revision.id,
  });
}
