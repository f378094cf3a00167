/**
 * Per-IP rate limit for anonymous callers of the public API and downloads: a fixed-window counter
 * (default 120 requests per 60 s, PUBLIC_RATE_LIMIT / PUBLIC_RATE_WINDOW to change). The counter is
 * one upsert in rate_limit_bucket, atomic on both dialects, so several instances agree. Signed-in
 * users are not limited here (they are known and audited). Anonymous GraphQL requests refused before
 * execution (unparsable, too long, too many tokens, over a query limit) count as hits too, and an
 * address over the limit is refused before its next request is parsed (http/graphql-guards.ts).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { appError } from '../../common/errors';
import { dialectOf } from '../../db/dialect';
import { retryStatement } from '../../db/transaction';

export interface RateLimitSettings {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitStore {
  /** count one hit of `key` in the window starting at `windowStart`; returns the count so far */
  hit(key: string, windowStart: number): Promise<number>;
}

/** the database store: INSERT … ON DUPLICATE KEY / ON CONFLICT, restarting the count in a new window */
export class SqlRateLimitStore implements RateLimitStore {
  constructor(private readonly source: DataSource | EntityManager) {}

  async hit(key: string, windowStart: number): Promise<number> {
    // (retried on a Galera certification conflict: a failed upsert counted nothing)
    if (dialectOf(this.source) === 'mysql') {
      // MySQL assigns left to right: count is computed against the old windowStart first
      await retryStatement(() =>
        this.source.query(
          'INSERT INTO `rate_limit_bucket` (`key`, `windowStart`, `count`) VALUES (?, ?, 1) ' +
            'ON DUPLICATE KEY UPDATE `count` = IF(`windowStart` = VALUES(`windowStart`), `count` + 1, 1), `windowStart` = VALUES(`windowStart`)',
          [key, windowStart],
        ),
      );
    } else {
      await retryStatement(() =>
        this.source.query(
          'INSERT INTO "rate_limit_bucket" ("key", "windowStart", "count") VALUES (?, ?, 1) ' +
            'ON CONFLICT ("key") DO UPDATE SET "count" = CASE WHEN "windowStart" = excluded."windowStart" THEN "count" + 1 ELSE 1 END, "windowStart" = excluded."windowStart"',
          [key, windowStart],
        ),
      );
    }
    const rows: Array<{ count: unknown; windowStart: unknown }> = await this.source.query(
      dialectOf(this.source) === 'mysql'
        ? 'SELECT `count`, `windowStart` FROM `rate_limit_bucket` WHERE `key` = ?'
        : 'SELECT "count", "windowStart" FROM "rate_limit_bucket" WHERE "key" = ?',
      [key],
    );
    // another instance may already have moved the bucket on to a newer window: then we are its first hits
    const row = rows[0];
    return row && Number(row.windowStart) === windowStart ? Number(row.count) : 1;
  }
}

export function rateLimitSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
  const limit = Number(env.PUBLIC_RATE_LIMIT ?? 120);
  const windowSeconds = Number(env.PUBLIC_RATE_WINDOW ?? 60);
  return {
    limit: Number.isInteger(limit) && limit > 0 ? limit : 120,
    windowSeconds: Number.isInteger(windowSeconds) && windowSeconds > 0 ? windowSeconds : 60,
  };
}

export interface RateDecision {
  allowed: boolean;
  count: number;
  limit: number;
  windowSeconds: number;
  /** seconds until the window ends (when refused) */
  retryAfter: number;
}

/** addresses remembered as refused, at most (a flood of distinct addresses cannot grow memory without bound) */
const MAX_REMEMBERED = 10_000;

export class PublicRateLimiter {
  /** one decision per request, however many public fields it asks for */
  private readonly decided = new WeakMap<object, Promise<RateDecision>>();
  /**
   * Addresses this instance saw refused, until the end of their window (epoch seconds). Read before
   * a GraphQL request is even parsed (http/graphql-guards.ts), so a refused address costs nothing; the
   * count itself stays in the database, shared by all instances.
   */
  private readonly refusedUntil = new Map<string, number>();
  private settings: RateLimitSettings = rateLimitSettingsFromEnv();
  private storeFor: (source: DataSource) => RateLimitStore = (ds) => new SqlRateLimitStore(ds);
  private clock: () => number = Date.now;

  /** tests and deployments adjust the limit, the store or the clock here (the container builds it bare) */
  configure(options: {
    settings?: RateLimitSettings;
    storeFor?: (source: DataSource) => RateLimitStore;
    clock?: () => number;
  }): this {
    if (options.settings) this.settings = options.settings;
    if (options.storeFor) this.storeFor = options.storeFor;
    if (options.clock) this.clock = options.clock;
    return this;
  }

  /** count a hit of `ip` now */
  async hit(dataSource: DataSource, ip: string | undefined): Promise<RateDecision> {
    const nowSeconds = Math.floor(this.clock() / 1000);
    const windowStart = nowSeconds - (nowSeconds % this.settings.windowSeconds);
    const count = await this.storeFor(dataSource).hit(`public:${ip ?? 'unknown'}`, windowStart);
    const decision = {
      allowed: count <= this.settings.limit,
      count,
      limit: this.settings.limit,
      windowSeconds: this.settings.windowSeconds,
      retryAfter: windowStart + this.settings.windowSeconds - nowSeconds,
    };
    if (!decision.allowed) this.remember(ip ?? 'unknown', windowStart + this.settings.windowSeconds);
    return decision;
  }

  /** seconds `ip` stays refused as far as this instance has seen (0: not refused) — no database read */
  refusedFor(ip: string | undefined): number {
    const key = ip ?? 'unknown';
    const until = this.refusedUntil.get(key);
    if (until === undefined) return 0;
    const now = Math.floor(this.clock() / 1000);
    if (until <= now) {
      this.refusedUntil.delete(key);
      return 0;
    }
    return until - now;
  }

  private remember(ip: string, until: number): void {
    if (this.refusedUntil.size >= MAX_REMEMBERED && !this.refusedUntil.has(ip)) {
      const now = Math.floor(this.clock() / 1000);
      for (const [key, at] of this.refusedUntil) if (at <= now) this.refusedUntil.delete(key);
      if (this.refusedUntil.size >= MAX_REMEMBERED) this.refusedUntil.clear();
    }
    this.refusedUntil.set(ip, until);
  }

  /** for GraphQL: anonymous requests over the limit get TOO_MANY_REQUESTS saying when to retry */
  async check(ctx: RequestContext): Promise<void> {
    if (ctx.user) return;
    let decision = this.decided.get(ctx);
    if (!decision) {
      decision = this.hit(ctx.dataSource, ctx.ip);
      this.decided.set(ctx, decision);
    }
    const d = await decision;
    if (!d.allowed) throw tooManyRequests(d);
  }
}

export function tooManyRequests(d: RateDecision) {
  return appError(
    'TOO_MANY_REQUESTS',
    `请求过于频繁（每 ${d.windowSeconds} 秒最多 ${d.limit} 次），请 ${d.retryAfter} 秒后再试`,
    {
      retryAfter: d.retryAfter,
      limit: d.limit,
    },
  );
}
