/** Separation of powers on accounts: one-time passwords, step-up stages, recent administrator grants, the signing comparison's base. */
import { describe, expect, it } from 'vitest';
import {
  ADMIN_GRANT_NOTICE_DAYS,
  adminGrantOf,
  adminGrantWarning,
  allowedBeforePasswordChange,
  isRecentAdminGrant,
  signatureNeedsStepUp,
} from '../src/accounts';
import { comparisonBase } from '../src/workflow';

const DAY = 24 * 60 * 60 * 1000;

describe('accounts', () => {
  it('an account with a one-time password may only change it and read who it is', () => {
    expect(['changePassword', 'me', 'login'].every(allowedBeforePasswordChange)).toBe(true);
    expect(['reports', 'signReport', 'updateUser', 'publicReports', 'myNotifications'].some(allowedBeforePasswordChange)).toBe(false);
  });

  it('every signature after the submission asks for the password again', () => {
    expect(signatureNeedsStepUp('PREPARE')).toBe(false);
    expect(['REVIEW', 'APPROVE', 'COUNTY_PRE_REVIEW'].every((s) => signatureNeedsStepUp(s as never))).toBe(true);
  });

  it('an administrator grant: a new signing account, a signing role added or an agency changed', () => {
    const at = new Date('2026-12-01T02:00:00Z');
    expect(adminGrantOf({ created: true, before: [], after: ['AGENCY_APPROVER'], at })).toEqual({ kind: 'created', at });
    expect(adminGrantOf({ created: true, before: [], after: ['AGENCY_CONTRIBUTOR'], at })).toBeNull();
    expect(adminGrantOf({ created: false, before: ['AGENCY_CONTRIBUTOR'], after: ['AGENCY_CONTRIBUTOR', 'AGENCY_REVIEWER'], at })).toEqual({ kind: 'role', at });
    expect(adminGrantOf({ created: false, before: ['AGENCY_REVIEWER'], after: ['AGENCY_REVIEWER'], at })).toBeNull();
    expect(adminGrantOf({ created: false, before: ['AGENCY_REVIEWER'], after: ['AGENCY_REVIEWER'], movedAgency: true, at })).toEqual({ kind: 'role', at });
    expect(adminGrantOf({ created: false, before: ['AGENCY_APPROVER'], after: ['AGENCY_PREPARER'], at })).toEqual({ kind: 'role', at });
  });

  it(`a signature within ${ADMIN_GRANT_NOTICE_DAYS} days after the grant is called out, with the day in China`, () => {
    const grant = { kind: 'created' as const, at: new Date('2026-11-30T17:00:00Z') };
    expect(isRecentAdminGrant(grant, new Date(grant.at.getTime() + 6.9 * DAY))).toBe(true);
    expect(isRecentAdminGrant(grant, new Date(grant.at.getTime() + 7 * DAY))).toBe(false);
    expect(isRecentAdminGrant(grant, new Date(grant.at.getTime() - 1000))).toBe(false);
    expect(isRecentAdminGrant(null, new Date())).toBe(false);
    expect(adminGrantWarning(grant)).toBe('该签署账号由管理员于 2026-12-01 创建');
    expect(adminGrantWarning({ kind: 'role', at: grant.at })).toBe('该签署账号由管理员于 2026-12-01 授予签署角色');
  });

  it('the comparison base: the signer\'s own latest signature, else the previous stage\'s latest', () => {
    const sig = (stage: string, signerId: string, signedAt: string) => ({ stage: stage as never, signerId, contentHash: signedAt, signedAt });
    const list = [sig('PREPARE', 'p', '2026-12-01'), sig('REVIEW', 'r', '2026-12-02'), sig('PREPARE', 'p', '2026-12-03')];
    expect(comparisonBase(list, { signerId: 'r', stage: 'REVIEW' })).toMatchObject({ kind: 'own', signature: { signedAt: '2026-12-02' } });
    expect(comparisonBase(list, { signerId: 'a', stage: 'APPROVE' })).toMatchObject({ kind: 'previousStage', signature: { signedAt: '2026-12-02' } });
    expect(comparisonBase(list, { signerId: 'r2', stage: 'REVIEW' })).toMatchObject({ kind: 'previousStage', signature: { signedAt: '2026-12-03' } });
    expect(comparisonBase([], { signerId: 'r', stage: 'REVIEW' })).toBeNull();
  });
});
