/**
 * Separation of powers between the office that manages accounts and the people who sign. An
 * administrator can create accounts, set passwords and give roles; these rules make sure that a
 * signature still means the signer acted:
 *
 * - a password an administrator sets (creating the account or resetting it) is one-time: until its
 *   owner chooses their own, the account may only change it (and read who it is);
 * - a signature and the confidentiality conclusion ask for the signer's own password at that moment
 *   (step-up), so a token left open on a desk or lifted from a browser cannot sign;
 * - a signature by an account an administrator created, or gave a signing role, shortly before is
 *   named where the publication is decided and on the trail: the last defence against an
 *   administrator who set a password, signed as that person and had the account changed back.
 */
import type { Role } from '../permissions';
import type { SignatureStage } from '../workflow';

// ---- forced change of a password an administrator set

export const PASSWORD_CHANGE_REQUIRED_MESSAGE = '管理员设置的初始密码只能使用一次：请先修改密码，再进行其他操作';

/**
 * The root operations an account with a one-time password may still call: change it, read who it is
 * (the console shows the change form with the user's name), and sign in again. Logging out is the
 * console dropping its token: no operation.
 */
export const OPERATIONS_BEFORE_PASSWORD_CHANGE: readonly string[] = ['changePassword', 'me', 'login', '__typename'];

export function allowedBeforePasswordChange(operation: string): boolean {
  return OPERATIONS_BEFORE_PASSWORD_CHANGE.includes(operation);
}

// ---- step-up: the signer's password at the moment of signing

export const STEP_UP_MISSING_MESSAGE = '签署须输入本人登录密码确认';
export const STEP_UP_WRONG_MESSAGE = '密码不正确，签署未完成（连续错误将暂时锁定账号）';

/**
 * Every signature after the preparer's submission (分管领导, 主要领导, the county office's 预审):
 * submitting is handing the draft on, not vouching for it, and the preparer's edits void it anyway.
 */
export function signatureNeedsStepUp(stage: SignatureStage): boolean {
  return stage !== 'PREPARE';
}

// ---- signatures by accounts an administrator recently created or gave a signing role

/** the roles whose holders sign a stage or give the confidentiality conclusion */
export const SIGNING_ROLES: readonly Role[] = ['AGENCY_PREPARER', 'AGENCY_REVIEWER', 'AGENCY_APPROVER', 'CONFIDENTIALITY_REVIEWER'];

/** how long after an administrator's grant a signature by that account is called out */
export const ADMIN_GRANT_NOTICE_DAYS = 7;

export type AdminGrantKind = 'created' | 'role';

export const ADMIN_GRANT_KIND_LABELS: Record<AdminGrantKind, string> = {
  created: '创建',
  role: '授予签署角色',
};

export interface AdminGrant {
  kind: AdminGrantKind;
  at: Date;
}

/** the signing roles among `after` that `before` did not hold (a role an administrator just gave) */
export function grantedSigningRoles(before: readonly Role[], after: readonly Role[]): Role[] {
  return after.filter((r) => SIGNING_ROLES.includes(r) && !before.includes(r));
}

/**
 * What an administrator's act on an account means for its signatures: a new account with a signing
 * role, a signing role added, or an account with a signing role moved into another agency (it now
 * signs for that one) is a grant from `at`; anything else leaves the last grant standing.
 */
export function adminGrantOf(change: { created: boolean; before: readonly Role[]; after: readonly Role[]; movedAgency?: boolean; at: Date }): AdminGrant | null {
  const signs = change.after.some((r) => SIGNING_ROLES.includes(r));
  if (change.created) return signs ? { kind: 'created', at: change.at } : null;
  if (grantedSigningRoles(change.before, change.after).length > 0 || (change.movedAgency && signs)) return { kind: 'role', at: change.at };
  return null;
}

/** true when `signedAt` falls within ADMIN_GRANT_NOTICE_DAYS after the grant (never before it) */
export function isRecentAdminGrant(grant: AdminGrant | null | undefined, signedAt: Date): boolean {
  if (!grant) return false;
  const ms = signedAt.getTime() - grant.at.getTime();
  return ms >= 0 && ms < ADMIN_GRANT_NOTICE_DAYS * 24 * 60 * 60 * 1000;
}

/** the day in China (UTC+8) of an instant, as 2026-12-04: what the warning shows */
function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** the warning beside such a signature: "该签署账号由管理员于 2026-12-01 创建" */
export function adminGrantWarning(grant: AdminGrant): string {
  return `该签署账号由管理员于 ${chinaDay(grant.at)} ${ADMIN_GRANT_KIND_LABELS[grant.kind]}`;
}
