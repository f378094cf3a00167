/**
 * Reading an account's last administrator grant (created with, or given, a signing role) for a
 * signature: the domain decides whether it is recent enough to call out.
 */
import { adminGrantWarning, isRecentAdminGrant, type AdminGrant, type AdminGrantKind } from '@touming/domain/accounts';
import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

export interface RecentAdminGrant {
  kind: AdminGrantKind;
  at: string;
  warning: string;
}

export async function adminGrantOfUser(manager: EntityManager, userId: string): Promise<AdminGrant | null> {
  // through the entity: the datetime column reads back the same way on both dialects
  const user = await manager.findOne(User, { where: { id: userId }, select: { id: true, adminGrantAt: true, adminGrantKind: true } });
  if (!user?.adminGrantAt || !user.adminGrantKind) return null;
  return { kind: user.adminGrantKind, at: user.adminGrantAt };
}

/** the grant behind a signature made at `signedAt`, when the domain calls it recent; else null */
export function recentAdminGrant(grant: AdminGrant | null, signedAt: Date): RecentAdminGrant | null {
  if (!grant || !isRecentAdminGrant(grant, signedAt)) return null;
  return { kind: grant.kind, at: grant.at.toISOString(), warning: adminGrantWarning(grant) };
}

/** the same, reading the grant (a step-up confirmation has already read it: see AuthService.confirmOwnPassword) */
export async function recentAdminGrantOf(manager: EntityManager, userId: string, signedAt: Date): Promise<RecentAdminGrant | null> {
  return recentAdminGrant(await adminGrantOfUser(manager, userId), signedAt);
}
