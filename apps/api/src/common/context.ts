import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@touming/domain/permissions';
import type { DataSource, EntityManager } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';

/** the signed-in user as the request sees it */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  /** the e-mail address as read with the token check (null: none; `me` answers from this) */
  email?: string | null;
  agencyId: string;
  roles: Role[];
  /** the region path of the user's agency when the user holds the supervising role (null: no region) */
  regionPath?: string | null;
  /** an administrator set the password: nothing but changing it is allowed (domain: accounts) */
  mustChangePassword?: boolean;
}

/**
 * Built once per request (or per CLI/seed run) and passed first to every service call.
 * `manager` is the open transaction's EntityManager inside withTransaction, else the data source's.
 */
export interface RequestContext {
  requestId: string;
  dataSource: DataSource;
  user: CurrentUser | null;
  roles: Role[];
  agencyId: string | null;
  /** who the audit trail names when there is no user: 'system', 'seed', 'cli' … */
  systemActor: string | null;
  loaders: Loaders;
  manager: EntityManager;
  inTransaction: boolean;
  /**
   * Inside withTransaction: work to start once the outermost transaction has committed (e-mail
   * copies of notifications — never sent for a change that rolled back, never holding the transaction open).
   */
  afterCommit?: Array<() => Promise<void>>;
  /** an authentication problem found while reading the token; raised when the operation needs a user */
  authError?: Error;
  ip?: string;
  /**
   * the region paths of the agencies this request's permission checks looked up (agencyId → path),
   * shared by the request's transaction contexts; the domain's can() reads it (it does no I/O)
   */
  agencyRegions: Record<string, string | null>;
}

export function createRequestContext(
  dataSource: DataSource,
  opts: { user?: CurrentUser | null; requestId?: string; systemActor?: string | null; authError?: Error; ip?: string } = {},
): RequestContext {
  const user = opts.user ?? null;
  return {
    requestId: opts.requestId ?? randomUUID(),
    dataSource,
    user,
    roles: user?.roles ?? [],
    agencyId: user?.agencyId ?? null,
    systemActor: opts.systemActor ?? null,
    loaders: createLoaders(dataSource.manager),
    manager: dataSource.manager,
    inTransaction: false,
    authError: opts.authError,
    ip: opts.ip,
    agencyRegions: {},
  };
}

/** a context for work done by the system itself (seed, CLI, start-up): audited under that name */
export function systemContext(dataSource: DataSource, systemActor: string): RequestContext {
  return createRequestContext(dataSource, { systemActor });
}

/** the actor for @touming/domain's can() */
export function actorOf(ctx: RequestContext): Actor | null {
  return ctx.user ? { roles: ctx.user.roles, agencyId: ctx.user.agencyId, regionPath: ctx.user.regionPath ?? null, agencyRegions: ctx.agencyRegions } : null;
}
