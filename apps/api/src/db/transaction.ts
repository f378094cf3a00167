import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/context';
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

/** work to do after the outermost transaction rolled back, e.g. writing the denial audit entry */
export interface AfterRollback {
  afterRollback?: () => Promise<void>;
}

/**
 * Run `work` in one database transaction with a context whose `manager` is the transaction's.
 * Inside an open transaction it simply joins it. Every write of the application goes through here,
 * so a change and its audit entries commit or roll back together.
 * Jobs the work put on `tx.afterCommit` start after the commit (never after a rollback).
 * An error carrying `afterRollback` (a denial that must still be audited) gets it run after the
 * rollback, in a transaction of its own.
 */
export async function withTransaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const afterCommit: Array<() => Promise<void>> = [];
  try {
    const result = await serialise(ctx.dataSource, () =>
      ctx.dataSource.transaction((manager) => work({ ...ctx, manager, inTransaction: true, afterCommit })),
    );
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

/** the same for code without a request (CLI, seed, tests) */
export function transactionOn<T>(dataSource: DataSource, work: (manager: import('typeorm').EntityManager) => Promise<T>): Promise<T> {
  return serialise(dataSource, () => dataSource.transaction(work));
}
