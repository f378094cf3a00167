import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/context';
import { appError } from '../common/errors';
import { transactionRetries, transactionRetriesExhausted } from '../observability/metrics';
import { dialectOf } from './dialect';

/**
 * TypeORM's better-sqlite3 driver has ONE connection for the whole process: two overlapping
 * dataSource.transaction() calls would nest (a SAVEPOINT inside the other request's transaction).
 * So on SQLite every transaction waits its turn here; MySQL gets a connection per transaction.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function serialise<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dialectOf(dataSource) !== 'sqlite') return work();
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(work, work);
  sqliteQueues.set(
    dataSource,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/**
 * Why a failed transaction may simply be run again:
 * - `deadlock` — InnoDB chose it as a deadlock victim, or (Galera) it lost certification against a
 *   write set committed first on another node: error 1213, which Galera may raise on any statement
 *   and also on COMMIT. The whole transaction was rolled back, so re-running all of it is safe.
 * - `lock-wait-timeout` — error 1205: a lock was held too long (innodb_lock_wait_timeout). Only the
 *   statement was rolled back by default; we roll back the rest ourselves before re-running.
 * Anything else (constraint violations, lost connections whose commit may or may not have happened)
 * is not retried: re-running it could apply a change twice.
 */
export type RetryReason = 'deadlock' | 'lock-wait-timeout';

export function retryReason(error: unknown): RetryReason | null {
  for (
    let e = error as { errno?: number; code?: string; driverError?: unknown; cause?: unknown } | undefined,
      depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (e.errno === 1213 || e.code === 'ER_LOCK_DEADLOCK') return 'deadlock';
    if (e.errno === 1205 || e.code === 'ER_LOCK_WAIT_TIMEOUT') return 'lock-wait-timeout';
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return null;
}

export interface RetryPolicy {
  /** runs of one transaction at most (the first one included) */
  attempts: number;
  /** back-off before the n-th re-run: a random time between half and all of min(maxDelayMs, baseDelayMs·2^(n−1)) */
  baseDelayMs: number;
  maxDelayMs: number;
}

function policyFromEnv(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const attempts = Number(env.DB_RETRY_ATTEMPTS ?? 10);
  return {
    attempts: Number.isInteger(attempts) && attempts >= 1 ? attempts : 10,
    baseDelayMs: 10,
    maxDelayMs: 1000,
  };
}

let policy: RetryPolicy = policyFromEnv();

/** tests and embedders change the policy here; returns the previous one */
export function setRetryPolicy(next: Partial<RetryPolicy>): RetryPolicy {
  const previous = policy;
  policy = { ...policy, ...next };
  return previous;
}

function backoff(retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retry - 1, 20));
  // jitter: transactions that collided once must not wake up together and collide again
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** the client's answer when every run lost: CONFLICT for lost races, SERVICE_UNAVAILABLE for lock waits */
function exhausted(reason: RetryReason, attempts: number, cause: unknown) {
  const error =
    reason === 'deadlock'
      ? appError(
          'CONFLICT',
          `数据写入冲突（与其他请求同时修改了相同数据），已自动重试 ${attempts} 次仍未成功，请稍后再试`,
          { retryable: true },
        )
      : appError(
          'SERVICE_UNAVAILABLE',
          `数据库繁忙（等待锁超时），已自动重试 ${attempts} 次仍未成功，请稍后再试`,
          { retryable: true },
        );
  (error as { cause?: unknown }).cause = cause;
  return error;
}

/**
 * Run `once` and run it again, after a jittered back-off, while it fails with a retryable error, up
 * to the policy's attempts. `once` must be a whole transaction (begin … commit): a re-run starts from
 * nothing and re-reads everything, so no step of it takes effect twice.
 */
async function retrying<T>(once: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(attempt);
    } catch (error) {
      const reason = retryReason(error);
      if (!reason) throw error;
      if (attempt >= policy.attempts) {
        transactionRetriesExhausted.inc({ reason });
        throw exhausted(reason, attempt - 1, error);
      }
      transactionRetries.inc({ reason });
      await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
    }
  }
}

/**
 * One run of a transaction on its own query runner (what DataSource.transaction does). COMMIT is
 * inside the try: on Galera a transaction can pass every statement and still lose certification at
 * COMMIT with 1213; it is rolled back then and the error reaches `retrying`.
 */
function runOnce<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return serialise(dataSource, () => dataSource.transaction(work));
}

/** work to do after the outermost transaction rolled back, e.g. writing the denial audit entry */
export interface AfterRollback {
  afterRollback?: () => Promise<void>;
}

/**
 * Run `work` in one database transaction with a context whose `manager` is the transaction's.
 * Inside an open transaction it simply joins it. Every write of the application goes through here,
   * so a change and its audit entries commit or roll back together — and are retried together: a
   * deadlock or a Galera certification conflict (1213, also at COMMIT) or a lock wait timeout (1205)
   * re-runs the whole of `work` in a fresh transaction (bounded, with jittered back-off), so the audit
   * entry is written once, chained to the head as it is then.
   * Jobs the work put on `tx.afterCommit` start after the commit (never after a rollback).
 * An error carrying `afterRollback` (a denial that must still be audited) gets it run after the
 * rollback, in a transaction of its own.
 */
export async function withTransaction<T>(
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const afterCommit: Array<() => Promise<void>> = [];
  try {
    const result = await retrying((attempt) => {
      // the per-request loaders may hold rows read by the failed run: the next run reads afresh
      if (attempt > 1) clearLoaders(ctx);
      // a retried run starts with no jobs: only the run that commits queues its e-mails
      afterCommit.length = 0;
      return runOnce(ctx.dataSource, (manager) => work({ ...ctx, manager, inTransaction: true, afterCommit }));
    });
    // started, not awaited: the caller's answer does not wait for an SMTP server; each job records
    // its own outcome (and failures) in the database
    for (const job of afterCommit) {
      void job().catch((error) => console.error('[after commit]', error));
    }
    return result;
  } catch (error) {
    const pending = (error as AfterRollback)?.afterRollback;
    if (typeof pending === 'function') {
      (error as AfterRollback).afterRollback = undefined;
      await pending();
    }
    throw error;
  }
}

function clearLoaders(ctx: RequestContext): void {
  for (const loader of Object.values(ctx.loaders ?? {}))
    (loader as { clearAll?: () => unknown }).clearAll?.();
}

/** the same for code without a request (CLI, seed, tests), retried alike */
export function transactionOn<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return retrying(() => runOnce(dataSource, work));
}

/**
 * A single statement outside any transaction (autocommit), e.g. the rate-limit counters' upserts,
 * retried on the same errors: on Galera an autocommit write can lose certification too (the server
 * retries it wsrep_retry_autocommit times, once by default, and then reports 1213). A failed
 * statement had no effect, so running it again counts once.
 */
export function retryStatement<T>(statement: () => Promise<T>): Promise<T> {
  return retrying(() => statement());
}
