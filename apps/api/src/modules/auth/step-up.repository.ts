/**
 * What a step-up confirmation (a signature's or a review conclusion's password) reads, in one
 * statement: the signer's password hash and last administrator grant, and the two login-throttle
 * buckets that may refuse the attempt. It was four (two buckets, the hash, then the grant) — a third
 * of a leader's signature's statements besides the act itself.
 */
import type { AdminGrant } from '@touming/domain/accounts';
import type { EntityManager } from 'typeorm';
import { hydrate } from '../../db/raw-rows';
import { User } from '../users/user.entity';
import type { ThrottleBucket } from './login-throttle';

export interface StepUpFacts {
  /** null: no such user */
  passwordHash: string | null;
  adminGrant: AdminGrant | null;
  buckets: { ip: ThrottleBucket | null; account: ThrottleBucket | null };
}

const bucket = (count: unknown, windowStart: unknown): ThrottleBucket | null =>
  count == null ? null : { count: Number(count), windowStart: Number(windowStart) };

/** always one row (the buckets count even when the user is gone); the grant's datetime hydrated as TypeORM does */
export async function stepUpFacts(manager: EntityManager, userId: string, keys: { ip: string; account: string }): Promise<StepUpFacts> {
  const rows: Record<string, unknown>[] = await manager.query(
    'SELECT u.passwordHash AS u_passwordHash, u.adminGrantAt AS u_adminGrantAt, u.adminGrantKind AS u_adminGrantKind, ' +
      'i.`count` AS ipCount, i.windowStart AS ipWindowStart, a.`count` AS accountCount, a.windowStart AS accountWindowStart ' +
      'FROM (SELECT 1 AS one) x LEFT JOIN `user` u ON u.id = ? LEFT JOIN rate_limit_bucket i ON i.`key` = ? LEFT JOIN rate_limit_bucket a ON a.`key` = ?',
    [userId, keys.ip, keys.account],
  );
  const row = rows[0];
  const user = row.u_passwordHash == null ? null : hydrate(manager, User, row, 'u');
  return {
    passwordHash: user?.passwordHash ?? null,
    adminGrant: user?.adminGrantAt && user.adminGrantKind ? { kind: user.adminGrantKind, at: user.adminGrantAt } : null,
    buckets: { ip: bucket(row.ipCount, row.ipWindowStart), account: bucket(row.accountCount, row.accountWindowStart) },
  };
}
