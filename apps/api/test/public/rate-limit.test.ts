/**
 * The anonymous rate limit: a fixed window counted in rate_limit_bucket. Over the limit the public
 * operations fail with TOO_MANY_REQUESTS and a retryAfter; the next window lets the caller in again.
 * Two limiters over one database (two API instances) share the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { codeOf, TestApi } from '../support/api';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';

describe.each(DIALECTS)('rate limit on %s', (dialect) => {
  let db: TestDatabase;
  let api: TestApi;
  let now = Date.UTC(2024, 0, 1, 0, 0, 10);

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    api = await TestApi.start(db.dataSource);
    api.api.container.get(PublicRateLimiter).configure({ settings: { limit: 3, windowSeconds: 60 }, clock: () => now });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('counts one hit per request however many public fields it asks for, refuses the 4th, recovers next window', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await api.gql('{ publicAgencies { id } publicStatistics(year: 2023) { reportCount } }');
      expect(r.errors).toBeUndefined();
    }
    const refused = await api.gql('{ publicAgencies { id } }');
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions!.retryAfter).toBe(50);
    expect(refused.errors![0].message).toContain('50 秒后再试');

    // a second instance over the same database sees the same count
    const other = new PublicRateLimiter().configure({ settings: { limit: 3, windowSeconds: 60 }, clock: () => now });
    expect((await other.hit(db.dataSource, undefined)).allowed).toBe(false);

    now += 50_000; // the next window
    const again = await api.gql('{ publicAgencies { id } }');
    expect(again.errors).toBeUndefined();
  });

  it('signed-in users are not limited by the anonymous limit', async () => {
    now += 60_000;
    for (let i = 0; i < 4; i++) await api.gql('{ publicAgencies { id } }');
    const limiter = api.api.container.get(PublicRateLimiter);
    const ctx = await api.context();
    await expect(limiter.check({ ...ctx, user: { id: 'u', username: 'u', displayName: 'u', agencyId: 'a', roles: ['COUNTY_ADMIN'] } })).resolves.toBeUndefined();
    await expect(limiter.check(ctx)).rejects.toSatisfy((e) => codeOf({ errors: [e as never] }) === 'TOO_MANY_REQUESTS' || (e as { extensions?: { code?: string } }).extensions?.code === 'TOO_MANY_REQUESTS');
  });
});
