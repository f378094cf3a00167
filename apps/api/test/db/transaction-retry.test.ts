/**
 * The transaction layer's answer to a lost write race: on a Galera cluster a transaction that passed
 * every statement can still fail at COMMIT with 1213 (certification conflict with a write set another
 * node committed first); InnoDB's deadlock victims get 1213 too, a long lock wait 1205. The whole
 * transaction must run again — with its audit entry written once, chained to the head as it is then —
 * and when the retries run out the client gets CONFLICT / SERVICE_UNAVAILABLE with nothing written.
 *
 * The failure is injected at COMMIT: a subscriber's beforeTransactionCommit runs inside TypeORM's
 * commitTransaction, after every statement of the transaction. On MariaDB the server itself raises
 * the error (SIGNAL … MYSQL_ERRNO = 1213), so the driver error is the real one; on SQLite, which has
 * no such error, an error shaped like mysql2's is thrown.
 */
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareGaleraSessions } from '../../src/db/data-source';
import { retryReason, setRetryPolicy, type RetryPolicy } from '../../src/db/transaction';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { verifyAuditChain } from '../../src/modules/audit/audit.service';
import { SqlRateLimitStore } from '../../src/modules/public/rate-limit';
import { Signature } from '../../src/modules/workflow/signature.entity';
import { transactionRetries, transactionRetriesExhausted } from '../../src/observability/metrics';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { lastAuditId, ReportClient } from '../workflow/helpers';

const KEY = 't4.reconsideration.upheld';

/** fails the next `armed` COMMITs with `errno` (1213 or 1205) */
class FailAtCommit implements EntitySubscriberInterface {
  armed = 0;
  errno = 1213;
  fired = 0;

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (this.armed <= 0) return;
    this.armed -= 1;
    this.fired += 1;
    if (event.queryRunner.connection.options.type === 'mysql') {
      const message =
        this.errno === 1213
          ? 'Deadlock found when trying to get lock; try restarting transaction'
          : 'Lock wait timeout exceeded; try restarting transaction';
      await event.queryRunner.query(
        `SIGNAL SQLSTATE '${this.errno === 1213 ? '40001' : 'HY000'}' SET MYSQL_ERRNO = ${this.errno}, MESSAGE_TEXT = '${message}'`,
      );
    }
    throw Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
      errno: this.errno,
      code: this.errno === 1213 ? 'ER_LOCK_DEADLOCK' : 'ER_LOCK_WAIT_TIMEOUT',
    });
  }
}

async function counter(metric: typeof transactionRetries, reason: string): Promise<number> {
  return (await metric.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

describe.each(DIALECTS)('transactions retried on 1213/1205, also at COMMIT (%s)', (dialect) => {
  let env: SeededEnv;
  let ds: DataSource;
  let admin: string;
  let preparer: string;
  let report: ReportClient;
  const fault = new FailAtCommit();
  let savedPolicy: RetryPolicy;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    ds = env.db.dataSource;
    ds.subscribers.push(fault);
    [admin, preparer] = await Promise.all(['admin', 'wenlv.preparer'].map((u) => env.api.login(u)));
    report = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
    savedPolicy = setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5 });
  });
  afterEach(() => {
    fault.armed = 0;
    fault.errno = 1213;
  });
  afterAll(async () => {
    setRetryPolicy(savedPolicy);
    await env?.close();
  });

  it('an update whose COMMIT fails twice is run again as a whole: one revision, one audit entry, chain intact', async () => {
    const before = await report.state(preparer);
    const startId = await lastAuditId(env.api);
    const retried = await counter(transactionRetries, 'deadlock');
    const fired = fault.fired;
    fault.armed = 2;
    const result = await report.update(preparer, before.revision, { cells: [{ key: KEY, value: 4321 }] });
    expect(result.errors).toBeUndefined();
    expect(fault.fired).toBe(fired + 2);
    expect(result.data!.updateReport.revision).toBe(before.revision + 1);
    expect(await counter(transactionRetries, 'deadlock')).toBe(retried + 2);

    const entries = await ds.manager
      .createQueryBuilder(AuditEntry, 'e')
      .where('e.id > :id', { id: startId })
      .orderBy('e.id')
      .getMany();
    expect(entries.map((e) => e.action)).toEqual(['report.update']);
    expect(entries[0].detail).toMatchObject({ revision: { from: before.revision, to: before.revision + 1 } });
    expect(Number(entries[0].id)).toBe(startId + 1);
    const after = await report.state(preparer);
    expect(after.revision).toBe(before.revision + 1);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('a signature whose COMMIT fails is given once, with one entry', async () => {
    // 教体局's report of the open cycle waits for its 分管领导
    const submitted = new ReportClient(env.api, await env.reportId('yanchi.jiaoti', env.demo.currentYear));
    const reviewer = await env.api.login('jiaoti.reviewer');
    const s = await submitted.state(reviewer);
    expect(s.status).toBe('SUBMITTED');
    const startId = await lastAuditId(env.api);
    const fired = fault.fired;
    fault.armed = 1;
    const signed = await submitted.sign(reviewer, 'REVIEW', s.contentHash);
    expect(signed.errors).toBeUndefined();
    expect(fault.fired).toBe(fired + 1);
    expect(signed.data!.signReport.status).toBe('REVIEWED');
    const signatures = await ds.manager.find(Signature, {
      where: { reportId: submitted.id, stage: 'REVIEW' },
    });
    expect(signatures.filter((x) => !x.voidedAt)).toHaveLength(1);
    expect(await submitted.actionsSince(startId)).toEqual(['report.review']);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('retries run out: CONFLICT (1213) or SERVICE_UNAVAILABLE (1205) with a Chinese message, nothing written', async () => {
    const previous = setRetryPolicy({ attempts: 3 });
    try {
      // 卫健局's report of the open cycle waits for its 主要领导
      const reviewed = new ReportClient(env.api, await env.reportId('yanchi.weijian', env.demo.currentYear));
      const approver = await env.api.login('weijian.approver');
      const signing = await reviewed.state(approver);
      expect(signing.status).toBe('REVIEWED');
      const state = await report.state(admin);
      const entries = await env.api.auditCount();
      const exhausted = await counter(transactionRetriesExhausted, 'deadlock');
      fault.armed = 3;
      const lost = await reviewed.sign(approver, 'APPROVE', signing.contentHash);
      expect(codeOf(lost)).toBe('CONFLICT');
      expect(lost.errors![0].message).toMatch(/冲突.*重试 2 次/);
      expect(await counter(transactionRetriesExhausted, 'deadlock')).toBe(exhausted + 1);
      // the refused signature left nothing behind
      expect(await env.api.auditCount()).toBe(entries);
      expect((await reviewed.state(admin)).status).toBe('REVIEWED');
      expect(await ds.manager.count(Signature, { where: { reportId: reviewed.id, stage: 'APPROVE' } })).toBe(
        0,
      );

      fault.armed = 3;
      fault.errno = 1205;
      const busy = await report.update(admin, state.revision, { cells: [{ key: KEY, value: 1 }] });
      expect(codeOf(busy)).toBe('SERVICE_UNAVAILABLE');
      expect(busy.errors![0].message).toContain('等待锁超时');
      expect((await report.state(admin)).revision).toBe(state.revision);
      expect((await verifyAuditChain(ds)).ok).toBe(true);
    } finally {
      setRetryPolicy(previous);
    }
  });

  it('a rate-limit counter upsert that loses certification is run again and counted once', async () => {
    let failures = 2;
    const flaky = new Proxy(ds, {
      get(target, prop) {
        if (prop === 'query') {
          return async (sql: string, params?: unknown[]) => {
            if (/INSERT/i.test(sql) && failures-- > 0)
              throw Object.assign(new Error('Deadlock found'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
            return target.query(sql, params);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const store = new SqlRateLimitStore(flaky);
    const window = 1_000_000 + Math.floor(Math.random() * 1000);
    expect(await store.hit('test:galera', window)).toBe(1);
    expect(failures).toBe(-1);
    expect(await store.hit('test:galera', window)).toBe(2);
  });

  it('recognises the driver errors worth a re-run, and nothing else', () => {
    expect(retryReason({ driverError: { errno: 1213, code: 'ER_LOCK_DEADLOCK' } })).toBe('deadlock');
    expect(retryReason({ code: 'ER_LOCK_WAIT_TIMEOUT' })).toBe('lock-wait-timeout');
    expect(retryReason({ driverError: { errno: 1062, code: 'ER_DUP_ENTRY' } })).toBeNull();
    expect(retryReason(new Error('connect ECONNREFUSED'))).toBeNull();
  });

  it.runIf(dialect === 'mysql')('a server that is not a Galera node gets no session settings', async () => {
    expect(await prepareGaleraSessions(ds, 1)).toBe(false);
  });
});
