/** Storage of users (the lookups other modules need). */
import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

export function findUser(manager: EntityManager, id: string): Promise<User | null> {
  return manager.findOne(User, { where: { id } });
}

/** what a request needs of its signed-in user: who, where, which roles, and whether the token still holds */
export type SignedInUser = Pick<User, 'id' | 'username' | 'displayName' | 'agencyId' | 'roles' | 'active' | 'tokenVersion' | 'mustChangePassword'>;

/**
 * The user behind a bearer token, read on every signed-in request. Hand-written SQL returning exactly
 * the columns checked: TypeORM's findOne built the statement and hydrated the entity on every request,
 * ~12 % of the CPU of an authenticated `{ me { id } }` under load (e2e/load/profile.mjs). The column
 * conversions are TypeORM's: simple-array is comma-separated ('' is no role), boolean is 0/1 on both
 * dialects.
 */
export async function tokenUser(manager: EntityManager, id: string): Promise<SignedInUser | null> {
  const rows: { id: string; username: string; displayName: string; agencyId: string; roles: string | null; active: number | boolean | string; tokenVersion: number | string; mustChangePassword: number | boolean | string }[] =
    await manager.query('SELECT id, username, displayName, agencyId, roles, active, tokenVersion, mustChangePassword FROM `user` WHERE id = ?', [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    agencyId: row.agencyId,
    roles: (row.roles ? row.roles.split(',') : []) as User['roles'],
    active: row.active === true || Number(row.active) === 1,
    tokenVersion: Number(row.tokenVersion),
    mustChangePassword: row.mustChangePassword === true || Number(row.mustChangePassword) === 1,
  };
}
