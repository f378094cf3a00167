import { describe, expect, it } from 'vitest';
import {
  availableContributionActs,
  canContributorEdit,
  checkContributionTransition,
  contributionChanges,
  contributionStatusOf,
  editableScope,
  isContributionOverdue,
  isValidTarget,
  keysEditableBy,
  overdueContributions,
  targetCellKeys,
  type ContributionAssignment,
} from '../src/contributions';
import { REPORT_STATUSES } from '../src/workflow';

describe('contribution states: deliver, accept, send back', () => {
  it('reads older rows by their delivery time', () => {
    expect(contributionStatusOf({ deliveredAt: null })).toBe('ASSIGNED');
    expect(contributionStatusOf({ deliveredAt: '2026-12-01T00:00:00Z' })).toBe('DELIVERED');
    expect(contributionStatusOf({ status: 'RETURNED', deliveredAt: '2026-12-01T00:00:00Z' })).toBe('RETURNED');
  });

  it('moves assigned → delivered → returned → delivered → accepted', () => {
    expect(checkContributionTransition({ act: 'deliver', status: 'ASSIGNED', reportStatus: 'DRAFT' })).toEqual({ ok: true, to: 'DELIVERED' });
    expect(checkContributionTransition({ act: 'return', status: 'DELIVERED', reportStatus: 'DRAFT', comment: '请补充' })).toEqual({ ok: true, to: 'RETURNED' });
    expect(checkContributionTransition({ act: 'deliver', status: 'RETURNED', reportStatus: 'DRAFT' })).toEqual({ ok: true, to: 'DELIVERED' });
    expect(checkContributionTransition({ act: 'accept', status: 'DELIVERED', reportStatus: 'DRAFT' })).toEqual({ ok: true, to: 'ACCEPTED' });
    // the preparer may change its mind while the report is a draft
    expect(checkContributionTransition({ act: 'return', status: 'ACCEPTED', reportStatus: 'DRAFT', comment: '再改一下' }).ok).toBe(true);
  });

  it('refuses the moves a state does not allow, in Chinese', () => {
    const twice = checkContributionTransition({ act: 'deliver', status: 'DELIVERED', reportStatus: 'DRAFT' });
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!twice.ok && twice.message).toContain('已交付');
    expect(checkContributionTransition({ act: 'accept', status: 'ASSIGNED', reportStatus: 'DRAFT' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkContributionTransition({ act: 'accept', status: 'RETURNED', reportStatus: 'DRAFT' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkContributionTransition({ act: 'return', status: 'ASSIGNED', reportStatus: 'DRAFT', comment: 'x' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkContributionTransition({ act: 'deliver', status: 'ACCEPTED', reportStatus: 'DRAFT' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a send-back says why, within bounds', () => {
    expect(checkContributionTransition({ act: 'return', status: 'DELIVERED', reportStatus: 'DRAFT', comment: '  ' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', message: expect.stringContaining('退回意见') });
    expect(checkContributionTransition({ act: 'return', status: 'DELIVERED', reportStatus: 'DRAFT', comment: '字'.repeat(1001) })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('nothing moves once the report left the draft', () => {
    for (const reportStatus of REPORT_STATUSES.filter((s) => s !== 'DRAFT')) {
      for (const act of ['deliver', 'accept', 'return'] as const) {
        const check = checkContributionTransition({ act, status: act === 'deliver' ? 'ASSIGNED' : 'DELIVERED', reportStatus, comment: 'x' });
        expect(check).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('草稿阶段') });
      }
      expect(availableContributionActs({ status: 'DELIVERED', reportStatus, isAssignee: true, mayAssign: true })).toEqual([]);
    }
  });

  it('offers the assignee its delivery and the preparer its review', () => {
    expect(availableContributionActs({ status: 'ASSIGNED', reportStatus: 'DRAFT', isAssignee: true, mayAssign: false })).toEqual(['deliver']);
    expect(availableContributionActs({ status: 'RETURNED', reportStatus: 'DRAFT', isAssignee: true, mayAssign: false })).toEqual(['deliver']);
    expect(availableContributionActs({ status: 'DELIVERED', reportStatus: 'DRAFT', isAssignee: true, mayAssign: false })).toEqual([]);
    expect(availableContributionActs({ status: 'DELIVERED', reportStatus: 'DRAFT', isAssignee: false, mayAssign: true })).toEqual(['accept', 'return']);
    expect(availableContributionActs({ status: 'ACCEPTED', reportStatus: 'DRAFT', isAssignee: false, mayAssign: true })).toEqual(['return']);
    expect(availableContributionActs({ status: 'ASSIGNED', reportStatus: 'DRAFT', isAssignee: false, mayAssign: true })).toEqual([]);
  });

  it('an accepted part is the preparer\'s: the contributor no longer edits it', () => {
    const a: ContributionAssignment[] = [
      { assigneeId: 'u', target: 'problems', dueDate: '2026-12-10', status: 'ACCEPTED' },
      { assigneeId: 'u', target: 't3.new.', dueDate: '2026-12-10', status: 'RETURNED' },
    ];
    expect(keysEditableBy(a, 'u')).toEqual(['t3.new.']);
    expect(canContributorEdit(a, 'u', { sectionKeys: ['problems'] }).ok).toBe(false);
    const scope = editableScope({ format: '2021', status: 'DRAFT', reportAgencyId: 'a', actor: { id: 'u', roles: ['AGENCY_CONTRIBUTOR'], agencyId: 'a' }, assignments: a });
    expect(scope.sections).toEqual([]);
    expect(scope.cells.every((k) => k.startsWith('t3.new.'))).toBe(true);
  });

  it('a single cell is a target of its own', () => {
    expect(isValidTarget('2021', 't3.new.natural')).toBe(true);
    expect(targetCellKeys('2021', 't3.new.natural')).toEqual(['t3.new.natural']);
    expect(isValidTarget('2021', 't3.new.nosuch')).toBe(false);
    const a: ContributionAssignment[] = [{ assigneeId: 'u', target: 't3.new.natural', dueDate: '2026-12-10' }];
    expect(canContributorEdit(a, 'u', { cellKeys: ['t3.new.natural'] }).ok).toBe(true);
    expect(canContributorEdit(a, 'u', { cellKeys: ['t3.new.natural2'] }).ok).toBe(false);
    expect(canContributorEdit(a, 'u', { cellKeys: ['t3.new.total'] }).ok).toBe(false);
  });

  it('overdue: past the due date and neither delivered nor accepted (a sent-back part counts again)', () => {
    const a: ContributionAssignment[] = [
      { id: 'assigned', assigneeId: 'u', target: 'problems', dueDate: '2026-12-01' },
      { id: 'returned', assigneeId: 'u', target: 'other', dueDate: '2026-11-30', status: 'RETURNED', deliveredAt: '2026-11-29T00:00:00Z' },
      { id: 'delivered', assigneeId: 'u', target: 'overview', dueDate: '2026-11-01', status: 'DELIVERED' },
      { id: 'accepted', assigneeId: 'u', target: 't3.', dueDate: '2026-11-01', status: 'ACCEPTED' },
      { id: 'future', assigneeId: 'u', target: 't2.', dueDate: '2026-12-31' },
    ];
    expect(overdueContributions(a, '2026-12-03T02:00:00Z').map((o) => [o.assignment.id, o.daysOverdue])).toEqual([
      ['returned', 3],
      ['assigned', 2],
    ]);
    expect(isContributionOverdue(a[0], '2026-12-03T02:00:00Z')).toBe(true);
    expect(isContributionOverdue(a[2], '2026-12-03T02:00:00Z')).toBe(false);
  });

  it('names what a contributor delivered: first value before, last after, within its part only', () => {
    const changes = contributionChanges('2021', 't3.new.', [
      { cells: [{ key: 't3.new.natural', before: 3, after: 5 }, { key: 't3.carryForward.total', before: 1, after: 2 }] },
      { cells: [{ key: 't3.new.natural', before: 5, after: 6 }, { key: 't3.new.total', before: 9, after: 10 }] },
      { cells: [{ key: 't3.new.total', before: 10, after: 9 }], sections: [{ key: 'problems', before: '', after: 'x' }] },
    ]);
    expect(changes).toEqual([{ key: 't3.new.natural', kind: 'cell', label: expect.stringContaining('自然人'), before: '3', after: '6' }]);
    const text = contributionChanges('2021', 'problems', [{ sections: [{ key: 'problems', before: '旧', after: '新' }] }]);
    expect(text).toEqual([{ key: 'problems', kind: 'section', label: expect.stringContaining('问题'), before: '旧', after: '新' }]);
  });
});
