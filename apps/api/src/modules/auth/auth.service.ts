import { hasCountyScope } from '@touming/domain/permissions';
import type { DataSource, EntityManager } from 'typeorm';
import { createRequestContext, type CurrentUser, type RequestContext } from '../../common/context';
import { unauthenticated } from '../../common/errors';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { tokenUser } from '../users/user.repository';
import { LoginThrottle, loginRefused } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';
import { signToken, verifyToken, type TokenSettings } from './tokens';

export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

export function currentUserOf(user: Pick<User, 'id' | 'username' | 'displayName' | 'agencyId' | 'roles'>, regionPath: string | null = null): CurrentUser {
  return { id: user.id, username: user.username, displayName: user.displayName, agencyId: user.agencyId, roles: user.roles, regionPath };
}

/**
 * The signed-in user with the region its office supervises: one lookup, for the supervising role
 * only (agency roles are limited to their agency, whatever its region).
 */
export async function signedInUser(manager: EntityManager, user: Pick<User, 'id' | 'username' | 'displayName' | 'agencyId' | 'roles'>): Promise<CurrentUser> {
  if (!hasCountyScope({ roles: user.roles, agencyId: user.agencyId })) return currentUserOf(user);
  const rows: Array<{ path: string | null }> = await manager.query('SELECT g.path AS path FROM agency a LEFT JOIN region g ON g.id = a.regionId WHERE a.id = ?', [user.agencyId]);
  return currentUserOf(user, rows[0]?.path ?? null);
}

export class AuthService {
  /** per-account and per-IP failure limits, shared by every instance through the database */
  readonly throttle = new LoginThrottle();

  constructor(private readonly settings: TokenSettings) {}

  /**
   * Check the password; success and failure both leave an audit entry (failure in its own
   * transaction, since nothing else is written). The same message for unknown user and wrong password,
   * and the same time: an unknown user costs one hash verification too. A throttled attempt is
   * refused with TOO_MANY_REQUESTS and its retryAfter before any password is looked at.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const name = username.trim();
    // read on the primary: with read replicas a lagging copy would let a burst of guesses through
    const runner = ctx.dataSource.createQueryRunner('master');
    const refusal = await this.throttle.refusal(runner.manager, name, ctx.ip).finally(() => runner.release());
    if (refusal) throw loginRefused(refusal);
    const user = await ctx.manager.findOne(User, { where: { username: name } });
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    if (!user || !ok || !user.active) {
      await withTransaction(ctx, async (tx) => {
        const outcome = await this.throttle.failed(tx.manager, name, ctx.ip);
        const target = { targetType: 'User', targetId: user?.id ?? null, agencyId: user?.agencyId ?? null };
        await appendAudit(tx, [
          {
            action: 'auth.login.failed',
            ...target,
            detail: { username: name, reason: !user ? 'unknown-user' : !ok ? 'wrong-password' : 'inactive', ip: ctx.ip ?? null },
          },
          // the start of a lock is worth its own line: it is what an attack on an account looks like
          ...(outcome.accountLockSeconds
            ? [{ action: 'auth.lockout', ...target, detail: { scope: 'account', username: name, failures: outcome.failures, lockSeconds: outcome.accountLockSeconds, ip: ctx.ip ?? null } }]
            : []),
          ...(outcome.ipBlocked ? [{ action: 'auth.lockout', targetType: 'IP', targetId: ctx.ip ?? 'unknown', detail: { scope: 'ip', ip: ctx.ip ?? null } }] : []),
        ]);
      });
      throw unauthenticated(user && ok && !user.active ? '该账号已停用' : LOGIN_FAILED_MESSAGE);
    }
    const signedIn = { ...ctx, user: await signedInUser(ctx.manager, user), roles: user.roles, agencyId: user.agencyId };
    await withTransaction(signedIn, async (tx) => {
      await this.throttle.succeeded(tx.manager, name);
      await appendAudit(tx, { action: 'auth.login', targetType: 'User', targetId: user.id, agencyId: user.agencyId, detail: { ip: ctx.ip ?? null } });
    });
    const { token, expiresAt } = signToken(this.settings, { sub: user.id, tv: user.tokenVersion });
    return { token, expiresAt, user };
  }

  /**
   * The request context for a bearer token: anonymous without one; an invalid, expired or revoked
   * token leaves an authError that operations needing a user raise as UNAUTHENTICATED.
   */
  async contextFor(dataSource: DataSource, authorization: string | undefined, extra: { requestId?: string; ip?: string } = {}): Promise<RequestContext> {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    if (!match) return createRequestContext(dataSource, extra);
    const claims = verifyToken(this.settings, match[1].trim());
    const user = claims ? await tokenUser(dataSource.manager, claims.sub) : null;
    if (!claims || !user || !user.active || user.tokenVersion !== claims.tv) {
      return createRequestContext(dataSource, { ...extra, authError: unauthenticated('登录已失效，请重新登录') });
    }
    return createRequestContext(dataSource, { ...extra, user: await signedInUser(dataSource.manager, user) });
  }
}
