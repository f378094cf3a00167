import { describe, expect, it } from 'vitest';
import {
  areContributionsOpen,
  canContributorEdit,
  checkContributionAssign,
  checkContributionEdit,
  contributionTargets,
  isValidTarget,
  keysEditableBy,
  overdueContributions,
  targetCellKeys,
  type ContributionAssignment,
} from '../src/contributions';
import { cellKeys } from '../src/formats';
import { REPORT_STATUSES } from '../src/workflow';

const assignments: ContributionAssignment[] = [
  { id: 'c1', assigneeId: 'u-law', target: 't4.reconsideration.', dueDate: '2021-01-10' },
  { id: 'c2', assigneeId: 'u-law', target: 'problems', dueDate: '2021-01-12', deliveredAt: '2021-01-11T03:00:00Z' },
  { id: 'c3', assigneeId: 'u-office', target: 't3.withheld.', dueDate: '2021-01-15' },
];

describe('contributions', () => {
  it('targets resolve to the cells under the prefix', () => {
    const t4 = targetCellKeys('2021', 't4.reconsideration.');
    expect(t4.length).toBeGreaterThan(0);
    expect(t4.every((k) => k.startsWith('t4.reconsideration.'))).toBe(true);
    expect(targetCellKeys('2021', 't3.withheld.stateSecret.')).toContain('t3.withheld.stateSecret.total');
    expect(targetCellKeys('2021', 'overview')).toEqual([]);
    expect(isValidTarget('2021', 'overview')).toBe(true);
    expect(isValidTarget('2021', 't9.nothing.')).toBe(false);
    expect(isValidTarget('2021', 't3.withheld')).toBe(false); // a prefix ends with "."
  });

  it('offers sections, tables, rows and table-4 blocks that all resolve', () => {
    for (const format of ['2019', '2021'] as const) {
      const options = contributionTargets(format);
      const targets = options.map((o) => o.target);
      expect(targets).toEqual(expect.arrayContaining(['overview', 'problems', 'other', 't2.', 't3.', 't4.', 't4.reconsideration.', 't3.new.']));
      expect(new Set(targets).size).toBe(targets.length);
      // every cell of the format is reachable through a row or block target
      const fine = options.filter((o) => /^t[234]\.[^.]/.test(o.target));
      const covered = new Set(fine.flatMap((o) => targetCellKeys(format, o.target)));
      expect([...cellKeys(format)].filter((k) => !covered.has(k))).toEqual([]);
      expect(options.every((o) => o.label.length > 0)).toBe(true);
    }
  });

  it('lists what a contributor may edit', () => {
    expect(keysEditableBy(assignments, 'u-law').sort()).toEqual(['problems', 't4.reconsideration.']);
    expect(keysEditableBy(assignments, 'nobody')).toEqual([]);
  });

  it('names every key outside the assignment', () => {
    expect(canContributorEdit(assignments, 'u-law', { cellKeys: ['t4.reconsideration.upheld'], sectionKeys: ['problems'] })).toEqual({
      ok: true,
      cellKeys: [],
      sectionKeys: [],
    });
    const r = canContributorEdit(assignments, 'u-law', {
      cellKeys: ['t4.reconsideration.upheld', 't4.litigationDirect.upheld', 't3.withheld.stateSecret.natural'],
      sectionKeys: ['overview', 'problems'],
    });
    expect(r.ok).toBe(false);
    expect(r.cellKeys).toEqual(['t4.litigationDirect.upheld', 't3.withheld.stateSecret.natural']);
    expect(r.sectionKeys).toEqual(['overview']);
    expect(r.message).toContain('不在分配给您的填报范围内');
    expect(canContributorEdit(assignments, 'u-office', { cellKeys: ['t3.withheld.thirdParty.total'] }).ok).toBe(true);
  });

  it('lists undelivered assignments past their due date in China time', () => {
    expect(overdueContributions(assignments, '2021-01-10T15:00:00Z')).toEqual([]); // 23:00 on the 10th
    const r = overdueContributions(assignments, '2021-01-12T16:30:00Z'); // already the 13th in China
    expect(r.map((o) => [o.assignment.id, o.daysOverdue])).toEqual([['c1', 3]]);
    expect(overdueContributions(assignments, '2021-01-20').map((o) => o.assignment.id)).toEqual(['c1', 'c3']);
  });
});

describe('contributions belong to the draft', () => {
  it('assigning and a contributor\'s edit need a draft; every other state is a CONFLICT naming the state', () => {
    expect(areContributionsOpen('DRAFT')).toBe(true);
    expect(checkContributionAssign('DRAFT')).toEqual({ ok: true });
    expect(checkContributionEdit('DRAFT')).toEqual({ ok: true });
    for (const status of REPORT_STATUSES.filter((s) => s !== 'DRAFT')) {
      expect(areContributionsOpen(status)).toBe(false);
      const assign = checkContributionAssign(status);
      const edit = checkContributionEdit(status);
      expect(assign.ok).toBe(false);
      expect(edit.ok).toBe(false);
      if (!assign.ok) expect(assign).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('草稿') });
      if (!edit.ok) expect(edit).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('草稿') });
    }
  });
});
