import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/modules/users/user.entity';
import { tokenUser } from '../src/modules/users/user.repository';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

/**
 * What the lean request path caches or hand-writes answers as before: the signed-in user read by SQL
 * equals TypeORM's entity, and the complexity estimate made once per document still follows the
 * variables where they can change it.
 */
describe.each(DIALECTS)('the request path (%s)', (dialect) => {
  let env: SeededEnv;
  beforeAll(async () => {
    env = await seededEnv(dialect);
  }, 180_000);
  afterAll(async () => {
    await env?.close();
  });

  it("the signed-in user's row by hand-written SQL equals TypeORM's entity (every user, inactive and revoked ones too)", async () => {
    const m = env.db.dataSource.manager;
    const someone = await m.findOneByOrFail(User, { username: 'wenlv.contributor' });
    const token = await env.api.login('wenlv.contributor');
    expect((await env.api.api.contextFor(`Bearer ${token}`)).user?.username).toBe('wenlv.contributor');
    await m.update(User, { id: someone.id }, { active: false, tokenVersion: 3 });
    const users = await m.find(User);
    expect(users.length).toBeGreaterThan(10);
    for (const u of users) {
      const row = await tokenUser(m, u.id);
      expect(row, u.username).toEqual({ id: u.id, username: u.username, displayName: u.displayName, agencyId: u.agencyId, roles: u.roles, active: u.active, tokenVersion: u.tokenVersion });
    }
    expect(await tokenUser(m, '00000000-0000-4000-8000-000000000000')).toBeNull();
    // the revoked token of the deactivated user is refused, as before
    const ctx = await env.api.api.contextFor(`Bearer ${token}`);
    expect(ctx.user).toBeNull();
    expect(ctx.authError?.message).toBe('登录已失效，请重新登录');
    await m.update(User, { id: someone.id }, { active: true, tokenVersion: 0 });
  });

  it('a document whose complexity depends on its variables is estimated per request; others once', async () => {
    const admin = await env.api.login('admin');
    // publicReports costs its child complexity times `take`: the same document is fine with a small
    // page and over the limit with a large one, in either order
    const heavy = `query($t: Int!) { publicReports(options: { take: $t }) { items { tables { id } } } }`;
    expect(codeOf(await env.api.gql(heavy, { t: 1 }, admin))).toBeUndefined();
    const refused = await env.api.gql(heavy, { t: 50 }, admin);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^查询过于复杂/);
    expect(codeOf(await env.api.gql(heavy, { t: 1 }, admin))).toBeUndefined();
    // @include follows its variable too
    const included = `query($big: Boolean!) { me { id } ${Array.from({ length: 80 }, (_, i) => `r${i}: reports @include(if: $big) { items { validation { errors { id } } } }`).join(' ')} }`;
    expect(codeOf(await env.api.gql(included, { big: false }, admin))).toBeUndefined();
    expect(codeOf(await env.api.gql(included, { big: true }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await env.api.gql(included, { big: false }, admin))).toBeUndefined();
    // a fixed document: refused every time with the same message (the cached estimate)
    const fixed = `{ ${Array.from({ length: 80 }, (_, i) => `r${i}: reports { items { validation { errors { id } } } }`).join(' ')} }`;
    const first = await env.api.gql(fixed, {}, admin);
    const second = await env.api.gql(fixed, {}, admin);
    expect(codeOf(first)).toBe('BAD_USER_INPUT');
    expect(second).toEqual(first);
    // invalid variables are still refused on every request of a cached document
    const typed = `query($y: Int!) { cycleProgress(year: $y) { agencyName } }`;
    expect(codeOf(await env.api.gql(typed, { y: 2025 }, admin))).toBeUndefined();
    const bad = await env.api.gql(typed, { y: 'x' }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/Int cannot represent/);
  });
});
