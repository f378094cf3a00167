/** Storage of users (the lookups other modules need). */
import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

export function findUser(manager: EntityManager, id: string): Promise<User | null> {
  return manager.findOne(User, { where: { id } });
}

/**
 * What a request needs of its signed-in user: who, where, which roles, whether the token still holds,
 * whether a one-time password must be changed first, the e-mail address (`me` answers from this row)
 * and the region path of the user's agency.
 */
export type SignedInUser = Pick<User, 'id' | 'username' | 'displayName' | 'email' | 'agencyId' | 'roles' | 'active' | 'tokenVersion' | 'mustChangePassword'> & {
  /** the path of the region the user's agency is placed in (null: none) */
  agencyRegionPath: string | null;
};

/**
 * The user behind a bearer token, read on every signed-in request: one hand-written statement with
 * the region of the user's agency joined. TypeORM's findOne built the statement and hydrated the
 * entity on every request (~12 % of the CPU of an authenticated `{ me { id } }` under load), and the
 * region was a second round trip (each statement is a socket write and read: the largest native
 * share of that profile). The column conversions are TypeORM's: simple-array is comma-separated ('' is
 * no role), boolean is 0/1 on both dialects.
 */
export async function tokenUser(manager: EntityManager, id: string): Promise<SignedInUser | null> {
  const rows: {
    id: string;
    username: string;
    displayName: string;
    email: string | null;
    agencyId: string;
    roles: string | null;
    active: number | boolean | string;
    tokenVersion: number | string;
    mustChangePassword: number | boolean | string;
    agencyRegionPath: string | null;
  }[] = await manager.query(
    'SELECT u.id AS id, u.username AS username, u.displayName AS displayName, u.email AS email, u.agencyId AS agencyId, u.roles AS roles, u.active AS active, ' +
      'u.tokenVersion AS tokenVersion, u.mustChangePassword AS mustChangePassword, g.path AS agencyRegionPath FROM `user` u LEFT JOIN agency a ON a.id = u.agencyId LEFT JOIN region g ON g.id = a.regionId WHERE u.id = ?',
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email ?? null,
    agencyId: row.agencyId,
    roles: (row.roles ? row.roles.split(',') : []) as User['roles'],
    active: row.active === true || Number(row.active) === 1,
    tokenVersion: Number(row.tokenVersion),
    mustChangePassword: row.mustChangePassword === true || Number(row.mustChangePassword) === 1,
    agencyRegionPath: row.agencyRegionPath ?? null,
  };
}
