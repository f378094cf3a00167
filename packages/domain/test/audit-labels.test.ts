/** The audit trail in words: actions, groups, detail fields and coded values. */
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_CATEGORIES,
  AUDIT_CATEGORY_LABELS,
  auditActionLabel,
  auditCategoryOf,
  auditFieldLabel,
  auditValueLabel,
} from '../src/audit';

const chinese = /[\u4e00-\u9fff]/;

describe('audit labels', () => {
  it('every known action has a Chinese label and one group; logins are a group of their own', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, action).toMatch(chinese);
      expect(AUDIT_CATEGORIES).toContain(auditCategoryOf(action));
    }
    expect(['auth.login', 'auth.login.failed', 'auth.lockout'].map(auditCategoryOf)).toEqual(['AUTH', 'AUTH', 'AUTH']);
    expect(auditCategoryOf('report.approve')).toBe('WORKFLOW');
    expect(auditCategoryOf('report.update')).toBe('REPORT');
    expect(auditCategoryOf('signature.voided')).toBe('WORKFLOW');
    expect(auditCategoryOf('finding.dismiss')).toBe('CONFIDENTIALITY');
    expect(auditCategoryOf('access.denied')).toBe('ACCESS_DENIED');
    expect(auditCategoryOf('seed.demo')).toBe('SYSTEM');
    for (const c of AUDIT_CATEGORIES) expect(AUDIT_CATEGORY_LABELS[c]).toMatch(chinese);
    expect(auditActionLabel('report.approve')).toBe('审批签署（主要领导）');
    // an action of a newer version shows as recorded rather than disappearing
    expect(auditActionLabel('report.somethingNew')).toBe('report.somethingNew');
  });

  it('names the detail fields people met as raw keys', () => {
    expect(auditFieldLabel('signedHash')).toBe('签署时的内容哈希');
    expect(auditFieldLabel('detectedFormat')).toBe('识别的格式');
    expect(auditFieldLabel('agencyId')).toBe('所属单位');
    // a user's snapshot on user.create / user.update (apps/api users service)
    for (const field of ['username', 'displayName', 'email', 'agencyId', 'roles', 'active']) {
      expect(auditFieldLabel(field), field).toMatch(/[\u4e00-\u9fff]/);
    }
    // the demo seed's summary entries are on every new county's trail
    for (const field of ['archiveSigners', 'explanations', 'reviews', 'publishedCells', 'returned', 'accountabilityCases', 'openCycle', 'realReport', 'today']) {
      expect(auditFieldLabel(field), field).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads coded values in words, a case’s status and kind apart from a report’s and an agency’s', () => {
    expect(auditValueLabel('conclusion', 'OPEN')).toBe('公开');
    expect(auditValueLabel('disclosure', 'PROACTIVE')).toBe('主动公开');
    expect(auditValueLabel('kind', 'OVERDUE', 'AccountabilityCase')).toBe('逾期未报送');
    expect(auditValueLabel('status', 'OPEN', 'AccountabilityCase')).toBe('已立案');
    expect(auditValueLabel('status', 'APPROVED', 'Report')).toMatch(chinese);
    expect(auditValueLabel('to', 'DRAFT')).toMatch(chinese);
    expect(auditValueLabel('kind', 'TOWNSHIP', 'Agency')).toBe('乡镇');
    expect(auditValueLabel('kind', 'mobile', 'Finding')).toMatch(chinese);
    expect(auditValueLabel('stage', 'APPROVE')).toMatch(chinese);
    expect(auditValueLabel('roles', ['AGENCY_PREPARER', 'AGENCY_REVIEWER'])).toMatch(/、/);
    expect(auditValueLabel('format', '2021')).toContain('2021年版格式（国办公开办函〔2021〕30号）');
    expect(auditValueLabel('reason', 'wrong-password')).toBe('密码错误');
    expect(auditValueLabel('attempted', 'report.publish')).toBe('公开发布');
    expect(auditValueLabel('active', false)).toBe('否');
    // not a code: left to the caller
    expect(auditValueLabel('comment', '请审核')).toBeNull();
    expect(auditValueLabel('status', 'SOMETHING')).toBeNull();
  });
});
