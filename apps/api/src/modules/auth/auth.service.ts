import { hasCountyScope } from '@touming/domain/permissions';
import type { DataSource, EntityManager } from 'typeorm';
import { createRequestContext, type CurrentUser, type RequestContext } from '../../common/context';
import { passwordProblem } from '@touming/domain/passwords';
import { requireSignedIn, requireUser } from '../../common/authorize';
import { appError, badInput, unauthenticated } from '../../common/errors';
import { STEP_UP_MISSING_MESSAGE, STEP_UP_WRONG_MESSAGE, type AdminGrant } from '@touming/domain/accounts';
import { withTransaction, type AfterRollback } from '../../db/transaction';
import type { GraphQLError } from 'graphql';
import { appendAudit } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { tokenUser } from '../users/user.repository';
import { LoginThrottle, loginRefused } from './login-throttle';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { stepUpFacts, type StepUpFacts } from './step-up.repository';
import { signToken, verifyToken, type TokenSettings } from './tokens';

export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

type UserBasics = Pick<User, 'id' | 'username' | 'displayName' | 'agencyId' | 'roles'> & { email?: string | null; mustChangePassword?: boolean };

export function currentUserOf(user: UserBasics, regionPath: string | null = null): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email ?? null,
    agencyId: user.agencyId,
    roles: user.roles,
    regionPath,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

/** the region a signed-in user's office supervises: its agency's, for the supervising role only (agency roles are limited to their agency, whatever its region) */
function supervisedRegion(user: Pick<User, 'agencyId' | 'roles'>, agencyRegionPath: string | null): string | null {
  return hasCountyScope({ roles: user.roles, agencyId: user.agencyId }) ? agencyRegionPath : null;
}

/** what a step-up confirmation is for: the act the password confirms, for the trail */
export interface StepUpTarget {
  attempted: string;
  targetType: string;
  targetId: string;
  agencyId: string | null;
  reportId?: string | null;
}

/**
 * The signed-in user with the region its office supervises: one lookup, for the supervising role
 * only. (A request's token check reads the region with the user: see tokenUser.)
 */
export async function signedInUser(manager: EntityManager, user: UserBasics): Promise<CurrentUser> {
  if (!hasCountyScope({ roles: user.roles, agencyId: user.agencyId })) return currentUserOf(user);
  const rows: Array<{ path: string | null }> = await manager.query('SELECT g.path AS path FROM agency a LEFT JOIN region g ON g.id = a.regionId WHERE a.id = ?', [user.agencyId]);
  return currentUserOf(user, supervisedRegion(user, rows[0]?.path ?? null));
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
      await appendAudit(tx, {
        action: 'auth.login',
        targetType: 'User',
        targetId: user.id,
        agencyId: user.agencyId,
        detail: { ip: ctx.ip ?? null, ...(user.mustChangePassword ? { mustChangePassword: true } : {}) },
      });
    });
    const { token, expiresAt } = signToken(this.settings, { sub: user.id, tv: user.tokenVersion });
    return { token, expiresAt, user };
  }

  /**
   * A user changes their own password: the current one first (a wrong one counts as a failed login for
   * the account and the address, so this is no side door for guessing), then the policy; every other
   * session ends (token version) and this one continues with the returned token. Audited.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    // the one act an account with a password an administrator set may do
    const me = requireSignedIn(ctx);
    const runner = ctx.dataSource.createQueryRunner('master');
    const refusal = await this.throttle.refusal(runner.manager, me.username, ctx.ip).finally(() => runner.release());
    if (refusal) throw loginRefused(refusal);
    const user = await ctx.manager.findOne(User, { where: { id: me.id } });
    if (!user || !user.active) throw unauthenticated('登录已失效，请重新登录');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await withTransaction(ctx, async (tx) => {
        await this.throttle.failed(tx.manager, user.username, ctx.ip);
        await appendAudit(tx, { action: 'user.passwordChange.failed', targetType: 'User', targetId: user.id, agencyId: user.agencyId, detail: { reason: 'wrong-password', ip: ctx.ip ?? null } });
      });
      throw unauthenticated('当前密码不正确');
    }
    if (currentPassword === newPassword) throw badInput('新密码不能与当前密码相同', { field: 'newPassword' });
    const problem = passwordProblem(newPassword, { username: user.username, displayName: user.displayName });
    if (problem) throw badInput(problem, { field: 'newPassword' });
    const passwordHash = await hashPassword(newPassword);
    await withTransaction(ctx, async (tx) => {
      await this.throttle.succeeded(tx.manager, user.username);
      const wasOneTime = user.mustChangePassword;
      user.passwordHash = passwordHash;
      user.tokenVersion += 1;
      user.mustChangePassword = false;
      await tx.manager.update(User, { id: user.id }, { passwordHash, tokenVersion: user.tokenVersion, mustChangePassword: false, updatedAt: new Date() });
      await appendAudit(tx, {
        action: 'user.passwordChange',
        targetType: 'User',
        targetId: user.id,
        agencyId: user.agencyId,
        detail: { sessionsRevoked: true, ip: ctx.ip ?? null, ...(wasOneTime ? { replacedOneTimePassword: true } : {}) },
      });
    });
    const { token, expiresAt } = signToken(this.settings, { sub: user.id, tv: user.tokenVersion });
    return { token, expiresAt, user };
  }

  /**
   * Step-up: the signed-in user's own password, asked again at the moment of a signature or a
   * confidentiality conclusion, so that the act is the person's and not whoever holds their session
   * (or set their password). A missing or wrong password is STEP_UP_FAILED; a wrong one counts as a
   * failed login for the account and the address (no side door for guessing, the same lockout) and
   * is on the trail with the act it was meant to confirm. Checked inside the act's transaction, once
   * the act would otherwise stand; the throttle's buckets, the password hash and the signer's last
   * administrator grant (which the act records) are one statement (./step-up.repository.ts), on the
   * primary: a transaction runs there, and outside one a primary runner is taken — a lagging replica
   * would let a burst of guesses through.
   */
  async confirmOwnPassword(ctx: RequestContext, password: string | null | undefined, target: StepUpTarget): Promise<{ adminGrant: AdminGrant | null }> {
    const me = requireUser(ctx);
    if (!password) throw appError('STEP_UP_FAILED', STEP_UP_MISSING_MESSAGE, { field: 'password' });
    const keys = this.throttle.keys(me.username, ctx.ip);
    let facts: StepUpFacts;
    if (ctx.inTransaction) facts = await stepUpFacts(ctx.manager, me.id, keys);
    else {
      const runner = ctx.dataSource.createQueryRunner('master');
      facts = await stepUpFacts(runner.manager, me.id, keys).finally(() => runner.release());
    }
    const refusal = this.throttle.refusalOf(facts.buckets);
    if (refusal) throw loginRefused(refusal);
    if (facts.passwordHash && (await verifyPassword(facts.passwordHash, password))) return { adminGrant: facts.adminGrant };
    // the failure is counted and audited in a transaction of its own: the act's rolls back
    const record = () =>
      withTransaction({ ...ctx, manager: ctx.dataSource.manager, inTransaction: false }, async (tx) => {
        const outcome = await this.throttle.failed(tx.manager, me.username, ctx.ip);
        await appendAudit(tx, [
          {
            action: 'auth.stepUp.failed',
            targetType: target.targetType,
            targetId: target.targetId,
            agencyId: target.agencyId,
            reportId: target.reportId ?? null,
            detail: { attempted: target.attempted, reason: 'wrong-password', ip: ctx.ip ?? null },
          },
          ...(outcome.accountLockSeconds
            ? [{ action: 'auth.lockout', targetType: 'User', targetId: me.id, agencyId: me.agencyId, detail: { scope: 'account', username: me.username, failures: outcome.failures, lockSeconds: outcome.accountLockSeconds, ip: ctx.ip ?? null } }]
            : []),
          ...(outcome.ipBlocked ? [{ action: 'auth.lockout', targetType: 'IP', targetId: ctx.ip ?? 'unknown', detail: { scope: 'ip', ip: ctx.ip ?? null } }] : []),
        ]);
      });
    const error = appError('STEP_UP_FAILED', STEP_UP_WRONG_MESSAGE, { field: 'password' }) as GraphQLError & AfterRollback;
    if (ctx.inTransaction) error.afterRollback = record;
    else await record();
    throw error;
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
    return createRequestContext(dataSource, { ...extra, user: currentUserOf(user, supervisedRegion(user, user.agencyRegionPath)) });
  }
}
