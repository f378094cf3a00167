/**
 * Login throttling, kept in rate_limit_bucket so that every API instance sees the same counts.
 *
 * - Per account (the username as typed, known or not — so a lockout reveals nothing about which
 *   names exist): after `freeFailures` consecutive failures each further failure locks the name for
 *   base·2^(n−free) seconds, capped at `maxLockSeconds` (15 min). The lock always ends by itself, so
 *   an attacker cannot shut an agency out for good; a success clears the count; a quiet day too.
 *   Row: count = consecutive failures, windowStart = the second of the last failure.
 * - Per IP: at most `ipFailures` failures in a fixed window of `ipWindowSeconds`; then every login
 *   from that address (even with a correct password) waits for the next window.
 * While refused, attempts are not checked and not counted (an attacker cannot lengthen the lock by
 * hammering it, and the refusal costs no password hash).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { appError } from '../../common/errors';
import { dialectOf } from '../../db/dialect';
import { retryStatement } from '../../db/transaction';
import { SqlRateLimitStore } from '../public/rate-limit';

export interface LoginThrottleSettings {
  freeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  ipFailures: number;
  ipWindowSeconds: number;
  /** consecutive-failure counts older than this start again from zero */
  forgetAfterSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  freeFailures: 5,
  baseLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  ipFailures: 30,
  ipWindowSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

export interface LoginRefusal {
  scope: 'account' | 'ip';
  retryAfter: number;
}

/** what a failure led to: a new lock of the account and/or of the address */
export interface FailureOutcome {
  failures: number;
  accountLockSeconds: number | null;
  ipBlocked: boolean;
}

type Source = DataSource | EntityManager;

/** one row of rate_limit_bucket as the throttle reads it */
export interface ThrottleBucket {
  count: number;
  windowStart: number;
}

const accountKey = (username: string) => `login:user:${username.toLowerCase().slice(0, 150)}`;
const ipKey = (ip: string | undefined) => `login:ip:${(ip ?? 'unknown').slice(0, 150)}`;

function q(source: Source, sql: string): string {
  // the statements below are written with MySQL quoting; SQLite takes double quotes
  return dialectOf(source) === 'mysql' ? sql : sql.replace(/`/g, '"');
}

export class LoginThrottle {
  private settings: LoginThrottleSettings = { ...DEFAULT_LOGIN_THROTTLE };
  private clock: () => number = Date.now;

  configure(options: { settings?: Partial<LoginThrottleSettings>; clock?: () => number }): this {
    if (options.settings) this.settings = { ...this.settings, ...options.settings };
    if (options.clock) this.clock = options.clock;
    return this;
  }

  private now(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** seconds an account with `failures` consecutive failures stays locked after the last one */
  lockSeconds(failures: number): number {
    const { freeFailures, baseLockSeconds, maxLockSeconds } = this.settings;
    if (failures < freeFailures) return 0;
    return Math.min(maxLockSeconds, baseLockSeconds * 2 ** Math.min(failures - freeFailures, 30));
  }

  private ipWindow(now: number): number {
    return now - (now % this.settings.ipWindowSeconds);
  }

  private async row(source: Source, key: string): Promise<ThrottleBucket | null> {
    const rows: Array<{ count: unknown; windowStart: unknown }> = await source.query(
      q(source, 'SELECT `count`, `windowStart` FROM `rate_limit_bucket` WHERE `key` = ?'),
      [key],
    );
    return rows[0] ? { count: Number(rows[0].count), windowStart: Number(rows[0].windowStart) } : null;
  }

  /** the keys of the two buckets an attempt is refused by (rows of rate_limit_bucket) */
  keys(username: string, ip: string | undefined): { ip: string; account: string } {
    return { ip: ipKey(ip), account: accountKey(username) };
  }

  /** null when the attempt may go ahead, else who refuses it and for how long */
  async refusal(source: Source, username: string, ip: string | undefined): Promise<LoginRefusal | null> {
    return this.refusalOf({ ip: await this.row(source, ipKey(ip)), account: await this.row(source, accountKey(username)) });
  }

  /** refusal() on the two buckets read by the caller (a step-up reads them with the signer's row) */
  refusalOf(buckets: { ip: ThrottleBucket | null; account: ThrottleBucket | null }): LoginRefusal | null {
    const now = this.now();
    const { ip: ipRow, account } = buckets;
    const window = this.ipWindow(now);
    if (ipRow && ipRow.windowStart === window && ipRow.count >= this.settings.ipFailures) {
      return { scope: 'ip', retryAfter: window + this.settings.ipWindowSeconds - now };
    }
    if (account) {
      const until = account.windowStart + this.lockSeconds(account.count);
      if (until > now) return { scope: 'account', retryAfter: until - now };
    }
    return null;
  }

  /** count a failed attempt (atomic upserts: concurrent failures are all counted) */
  async failed(source: Source, username: string, ip: string | undefined): Promise<FailureOutcome> {
    const now = this.now();
    const key = accountKey(username);
    const forgetBefore = now - this.settings.forgetAfterSeconds;
    // each upsert is its own autocommit statement, retried alone on a Galera certification conflict
    if (dialectOf(source) === 'mysql') {
      await retryStatement(() =>
        source.query(
          'INSERT INTO `rate_limit_bucket` (`key`, `windowStart`, `count`) VALUES (?, ?, 1) ' +
            'ON DUPLICATE KEY UPDATE `count` = IF(`windowStart` < ?, 1, `count` + 1), `windowStart` = VALUES(`windowStart`)',
          [key, now, forgetBefore],
        ),
      );
    } else {
      await retryStatement(() =>
        source.query(
          'INSERT INTO "rate_limit_bucket" ("key", "windowStart", "count") VALUES (?, ?, 1) ' +
            'ON CONFLICT ("key") DO UPDATE SET "count" = CASE WHEN "windowStart" < ? THEN 1 ELSE "count" + 1 END, "windowStart" = excluded."windowStart"',
          [key, now, forgetBefore],
        ),
      );
    }
    const failures = (await this.row(source, key))?.count ?? 1;
    const ipCount = await new SqlRateLimitStore(source).hit(ipKey(ip), this.ipWindow(now));
    const lock = this.lockSeconds(failures);
    return {
      failures,
      accountLockSeconds: lock > 0 ? lock : null,
      ipBlocked: ipCount === this.settings.ipFailures,
    };
  }

  /** a correct password clears the account's failures (not the address's: one success does not excuse a spray) */
  async succeeded(source: Source, username: string): Promise<void> {
    await retryStatement(() =>
      source.query(q(source, 'DELETE FROM `rate_limit_bucket` WHERE `key` = ?'), [accountKey(username)]),
    );
  }
}

export function loginRefused(refusal: LoginRefusal) {
  const minutes = Math.ceil(refusal.retryAfter / 60);
  const wait = refusal.retryAfter < 60 ? `${refusal.retryAfter} 秒` : `${minutes} 分钟`;
  return appError(
    'TOO_MANY_REQUESTS',
    refusal.scope === 'account'
      ? `登录失败次数过多，该账号已暂时锁定，请 ${wait}后再试`
      : `来自该地址的登录失败次数过多，请 ${wait}后再试`,
    { retryAfter: refusal.retryAfter, scope: refusal.scope },
  );
}
