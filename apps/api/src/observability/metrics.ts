import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * Prometheus series of this process, served at GET /metrics. One registry per process: the counters
 * are process-wide like the process itself (tests that build several apps share them).
 * Labels are bounded: `operation` is the operation type and its root fields (names from the schema,
 * never the client-chosen operation name), `code` is the GraphQL error code.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'touming_' });

export const graphqlRequests = new Counter({
  name: 'touming_graphql_requests_total',
  help: 'GraphQL operations executed, by operation (type and root fields)',
  labelNames: ['operation'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'touming_graphql_request_duration_seconds',
  help: 'GraphQL operation latency, by operation',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'touming_graphql_errors_total',
  help: 'GraphQL errors returned, by operation and error code',
  labelNames: ['operation', 'code'] as const,
  registers: [registry],
});

export const auditAppends = new Counter({
  name: 'touming_audit_appends_total',
  help: 'Entries appended to the audit hash chain',
  registers: [registry],
});

export const transactionRetries = new Counter({
  name: 'touming_db_transaction_retries_total',
  help: 'Transactions run again after a deadlock / Galera certification conflict (1213) or a lock wait timeout (1205), by reason',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const transactionRetriesExhausted = new Counter({
  name: 'touming_db_transaction_retries_exhausted_total',
  help: 'Transactions that still failed with a retryable error after the last attempt (the client got CONFLICT or SERVICE_UNAVAILABLE), by reason',
  labelNames: ['reason'] as const,
  registers: [registry],
});

/** the data sources whose pools the gauge reports (normally one) */
const watched = new Set<DataSource>();

interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  config?: { connectionLimit?: number };
}

/** the mysql2 pools behind a TypeORM MySQL driver: one pool, or each pool of a replication cluster */
function mysqlPools(ds: DataSource): { role: string; pool: Mysql2Pool }[] {
  const driver = ds.driver as unknown as {
    pool?: Mysql2Pool;
    poolCluster?: { _nodes?: Record<string, { pool?: Mysql2Pool }> };
  };
  if (driver.pool) return [{ role: 'primary', pool: driver.pool }];
  const nodes = driver.poolCluster?._nodes ?? {};
  return Object.entries(nodes)
    .filter(([, node]) => node.pool)
    .map(([id, node]) => ({
      role: id.startsWith('MASTER') ? 'primary' : 'replica',
      pool: node.pool as Mysql2Pool,
    }));
}

export const dbPool = new Gauge({
  name: 'touming_db_pool_connections',
  help: 'Database connections by state (MySQL: the mysql2 pool; SQLite: its single connection)',
  labelNames: ['role', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const ds of watched) {
      if (!ds.isInitialized) continue;
      if (ds.options.type === 'better-sqlite3') {
        this.inc({ role: 'primary', state: 'open' }, 1);
        continue;
      }
      for (const { role, pool } of mysqlPools(ds)) {
        const open = pool._allConnections?.length ?? 0;
        const idle = pool._freeConnections?.length ?? 0;
        this.inc({ role, state: 'open' }, open);
        this.inc({ role, state: 'in_use' }, open - idle);
        this.inc({ role, state: 'idle' }, idle);
        this.inc({ role, state: 'max' }, pool.config?.connectionLimit ?? 0);
      }
    }
  },
});

export function watchDataSource(ds: DataSource): void {
  watched.add(ds);
}

export function unwatchDataSource(ds: DataSource): void {
  watched.delete(ds);
}
