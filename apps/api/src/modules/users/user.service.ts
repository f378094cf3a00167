import { passwordProblem, type PasswordContext } from '@touming/domain/passwords';
import { isRole, type Role } from '@touming/domain/permissions';
import { adminGrantOf } from '@touming/domain/accounts';
import { authorize, requireUser } from '../../common/authorize';
import { applyScope, listScope } from '../../common/scope';
import type { RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { newId } from '../../db/columns';
import { dialectOf, isUniqueViolation, listContains } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { Agency } from '../agencies/agency.entity';
import { appendAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { User } from './user.entity';
import type { UserFilter, UserInput, UserUpdateInput } from './user.types';

const SORTABLE = ['username', 'displayName', 'createdAt'] as const;

function snapshot(u: User) {
  return { username: u.username, displayName: u.displayName, email: u.email ?? null, agencyId: u.agencyId, roles: [...u.roles], active: u.active };
}

/** a plain address check (the SMTP server has the last word); '' clears the address */
function normalEmail(email: string | null | undefined): string | null {
  const value = (email ?? '').trim();
  if (!value) return null;
  if (value.length > 254 || !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(value)) throw badInput('电子邮箱格式不正确', { field: 'email' });
  return value;
}

function checkRoles(roles: Role[]) {
  if (roles.length === 0) throw badInput('至少需要一个角色', { field: 'roles' });
  const unknown = roles.find((r) => !isRole(r));
  if (unknown) throw badInput(`未知的角色：${unknown}`, { field: 'roles' });
}

/** a name shown everywhere and written into the trail: bounded for the CLI too (GraphQL bounds all text) */
const MAX_DISPLAY_NAME = 100;
function checkDisplayName(displayName: string) {
  if (!displayName.trim()) throw badInput('姓名不能为空', { field: 'displayName' });
  if (displayName.trim().length > MAX_DISPLAY_NAME) throw badInput(`姓名过长（最多 ${MAX_DISPLAY_NAME} 个字符）`, { field: 'displayName' });
}

/** the domain's password policy (packages/domain/src/passwords), wherever a password is set */
function checkPassword(password: string, context: PasswordContext) {
  const problem = passwordProblem(password, context);
  if (problem) throw badInput(problem, { field: 'password' });
}

/** the data a new user needs; shared by the GraphQL mutation, the CLI and the seed */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  email?: string | null;
  agencyId: string;
  roles: Role[];
  /**
   * an administrator creates the account (console, API): the password is one-time and a signing
   * role counts as an administrator's grant; the seed and the CLI (run by whoever holds the server,
   * typically for the first administrator) create ordinary accounts
   */
  byAdministrator?: boolean;
}

/** insert a user inside an open transaction, with its audit entry (no permission check: callers do) */
export async function insertUser(tx: RequestContext, input: NewUser, passwordHash?: string): Promise<User> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username)) {
    throw badInput('用户名只能包含字母、数字、下划线、点和连字符（2–64位）', { field: 'username' });
  }
  checkDisplayName(input.displayName);
  checkRoles(input.roles);
  if (!passwordHash) checkPassword(input.password, { username, displayName: input.displayName });
  const agency = await tx.manager.findOne(Agency, { where: { id: input.agencyId } });
  if (!agency) throw notFound('单位不存在');
  const now = new Date();
  const roles = [...new Set(input.roles)];
  const grant = input.byAdministrator ? adminGrantOf({ created: true, before: [], after: roles, at: now }) : null;
  const user = tx.manager.create(User, {
    id: newId(),
    username,
    displayName: input.displayName.trim(),
    email: normalEmail(input.email),
    passwordHash: passwordHash ?? (await hashPassword(input.password)),
    agencyId: input.agencyId,
    roles,
    active: true,
    tokenVersion: 0,
    mustChangePassword: input.byAdministrator === true,
    adminGrantAt: grant?.at ?? null,
    adminGrantKind: grant?.kind ?? null,
    createdAt: now,
    updatedAt: now,
  });
  try {
    await tx.manager.insert(User, user);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`用户名“${username}”已存在`);
    throw error;
  }
  await appendAudit(tx, {
    action: 'user.create',
    targetType: 'User',
    targetId: user.id,
    agencyId: user.agencyId,
    detail: { after: snapshot(user), ...(user.mustChangePassword ? { oneTimePassword: true } : {}), ...(grant ? { signingGrant: grant.kind } : {}) },
  });
  return user;
}

/** the fields of `me` the token check's row answers (agency and region have their own resolvers) */
const ME_FROM_TOKEN = new Set(['__typename', 'id', 'username', 'displayName', 'email', 'agencyId', 'agency', 'region', 'roles', 'active', 'mustChangePassword']);

export class UserService {
  /**
   * The signed-in user. The request's token check has just read the user's row (active, the token's
   * version current, whether a one-time password is pending), e-mail included: when the caller asks
   * only for those (and the agency and region, resolved on their own), answered from it without a
   * second read of the same row; anything else (e.g. adminGrantAt) reads the row.
   */
  me(ctx: RequestContext, selected: ReadonlySet<string>): Promise<User | null> {
    const user = ctx.user;
    if (!user) return Promise.resolve(null);
    const known = user.email !== undefined && [...selected].every((f) => ME_FROM_TOKEN.has(f));
    if (!known) return ctx.manager.findOne(User, { where: { id: user.id } });
    const { id, username, displayName, email, agencyId, roles } = user;
    return Promise.resolve(
      Object.assign(new User(), { id, username, displayName, email, agencyId, roles: [...roles], active: true, mustChangePassword: user.mustChangePassword === true }),
    );
  }

  async list(ctx: RequestContext, filter: UserFilter | null | undefined, options: ListOptions | null | undefined) {
    await authorize(ctx, 'user.read', { agencyId: filter?.agencyId ?? undefined, targetType: 'User' });
    const page = pageOf(options, SORTABLE, 'username');
    const qb = ctx.manager.createQueryBuilder(User, 'u');
    applyScope(qb, 'u.agencyId', listScope(ctx));
    if (filter?.agencyId) qb.andWhere('u.agencyId = :agencyId', { agencyId: filter.agencyId });
    if (filter?.role) qb.andWhere(listContains(dialectOf(ctx.manager), 'u.roles', 'role'), { role: filter.role });
    if (filter?.search) qb.andWhere('(u.username LIKE :s OR u.displayName LIKE :s)', { s: `%${filter.search}%` });
    const [items, totalItems] = await qb
      .orderBy(`u.${page.sort}`, page.order)
      .addOrderBy('u.id', 'ASC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
    return { items, totalItems };
  }

  async get(ctx: RequestContext, id: string): Promise<User | null> {
    requireUser(ctx);
    const user = await ctx.manager.findOne(User, { where: { id } });
    if (!user) return null;
    if (user.id !== ctx.user!.id) await authorize(ctx, 'user.read', { agencyId: user.agencyId, targetType: 'User', targetId: id });
    return user;
  }

  async create(ctx: RequestContext, input: UserInput): Promise<User> {
    await authorize(ctx, 'user.manage', { agencyId: input.agencyId, targetType: 'User' });
    return withTransaction(ctx, (tx) => insertUser(tx, { ...input, byAdministrator: true }));
  }

  async update(ctx: RequestContext, id: string, input: UserUpdateInput): Promise<User> {
    await authorize(ctx, 'user.manage', { targetType: 'User', targetId: id });
    // both the user's agency and the one it moves to must be in the office's subtree
    const existing = await ctx.manager.findOne(User, { where: { id } });
    if (existing) await authorize(ctx, 'user.manage', { agencyId: existing.agencyId, targetType: 'User', targetId: id });
    if (input.agencyId != null) await authorize(ctx, 'user.manage', { agencyId: input.agencyId, targetType: 'User', targetId: id });
    if (input.roles) checkRoles(input.roles);
    if (input.password != null) {
      const current = await ctx.manager.findOne(User, { where: { id } });
      checkPassword(input.password, { username: current?.username, displayName: input.displayName ?? current?.displayName });
    }
    if (input.displayName != null) checkDisplayName(input.displayName);
    const email = input.email != null ? normalEmail(input.email) : undefined;
    const passwordHash = input.password != null ? await hashPassword(input.password) : undefined;
    return withTransaction(ctx, async (tx) => {
      const user = await tx.manager.findOne(User, { where: { id } });
      if (!user) throw notFound('用户不存在');
      const before = snapshot(user);
      if (input.agencyId != null) {
        if (!(await tx.manager.findOne(Agency, { where: { id: input.agencyId } }))) throw notFound('单位不存在');
        user.agencyId = input.agencyId;
      }
      if (input.displayName != null) user.displayName = input.displayName.trim();
      if (email !== undefined) user.email = email;
      if (input.roles) user.roles = [...new Set(input.roles)];
      if (input.active != null) user.active = input.active;
      // a password the administrator sets is one-time: its owner chooses their own at the next login
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.mustChangePassword = true;
      }
      const after = snapshot(user);
      const grant = adminGrantOf({ created: false, before: before.roles, after: after.roles, movedAgency: before.agencyId !== after.agencyId, at: new Date() });
      if (grant) {
        user.adminGrantAt = grant.at;
        user.adminGrantKind = grant.kind;
      }
      // a new password, other roles, another agency or deactivation end every session of the user
      const revoke =
        passwordHash !== undefined ||
        before.agencyId !== after.agencyId ||
        before.active !== after.active ||
        before.roles.join(',') !== after.roles.join(',');
      if (revoke) user.tokenVersion += 1;
      user.updatedAt = new Date();
      await tx.manager.update(User, { id }, {
        displayName: user.displayName,
        email: user.email,
        agencyId: user.agencyId,
        roles: user.roles,
        active: user.active,
        passwordHash: user.passwordHash,
        mustChangePassword: user.mustChangePassword,
        adminGrantAt: user.adminGrantAt,
        adminGrantKind: user.adminGrantKind,
        tokenVersion: user.tokenVersion,
        updatedAt: user.updatedAt,
      });
      await appendAudit(tx, {
        action: 'user.update',
        targetType: 'User',
        targetId: id,
        agencyId: user.agencyId,
        detail: {
          before,
          after,
          passwordChanged: passwordHash !== undefined,
          ...(passwordHash !== undefined ? { oneTimePassword: true } : {}),
          ...(grant ? { signingGrant: grant.kind } : {}),
          sessionsRevoked: revoke,
        },
      });
      return user;
    });
  }
}
