import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '@touming/domain/permissions';
import { cellDefinition } from '@touming/domain/formats';
import { groupTodos } from '../src/todo/queues';
import { actionLabel, diffLines } from '../src/resources/audit/diff';
import { auditFilter } from '../src/workflow/dataProvider';
import type { TodoReport } from '../src/workflow/operations';

function report(id: string, status: TodoReport['status'], availableActions: string[], extra: Partial<TodoReport> = {}): TodoReport {
  return {
    id,
    agencyName: '文旅局',
    year: 2025,
    format: '2021',
    status,
    errorCount: 0,
    warningCount: 0,
    updatedAt: '2026-01-01T00:00:00Z',
    availableActions,
    deadline: { deadline: '2026-01-31', overdue: false, daysLeft: 3, daysOverdue: 0 },
    confidentiality: { cleared: false },
    contributions: [],
    ...extra,
  };
}

describe('待我处理 queues', () => {
  it('sorts reports by what the API lets this user do', () => {
    const reports = [
      report('a', 'DRAFT', ['submit']),
      report('b', 'DRAFT', ['submit'], { errorCount: 2 }),
      report('c', 'SUBMITTED', ['review', 'return']),
      report('d', 'APPROVED', ['publish']),
      report('e', 'PUBLISHED', ['startCorrection']),
    ];
    const q = Object.fromEntries(groupTodos(reports, { roles: ['AGENCY_PREPARER'], agencyId: 'wenlv' }).map((x) => [x.key, x.items.map((r) => r.id)]));
    expect(q).toEqual({ to_submit: ['a'], to_sign: ['c'], to_review: [], to_publish: ['d'] });
  });

  it('gives the confidentiality reviewer signed reports whose review is not cleared', () => {
    const reports = [
      report('x', 'APPROVED', []),
      report('y', 'APPROVED', [], { confidentiality: { cleared: true } }),
      report('z', 'REVIEWED', []),
    ];
    const review = groupTodos(reports, { roles: ['CONFIDENTIALITY_REVIEWER'], agencyId: 'wenlv' }).find((x) => x.key === 'to_review')!;
    expect(review.items.map((r) => r.id)).toEqual(['x']);
  });
});

describe('audit diff', () => {
  it('names changed cells by their official label and shows old → new', () => {
    const key = 't3.new.natural';
    const label = cellDefinition('2021', key)?.label;
    expect(label).toBeTruthy();
    const lines = diffLines({ cells: [{ key, before: 3, after: 5 }], sections: [{ key: 'overview', before: '旧', after: '新' }] });
    expect(lines[0]).toEqual({ label, before: '3', after: '5' });
    expect(lines[1]).toMatchObject({ before: '旧', after: '新' });
    expect(lines[1].label).toContain('总体情况');
  });

  it('labels a 2019-only cell from its format and falls back to the known formats for an unknown format id', () => {
    const key = 't2.procurement.amount';
    const label = cellDefinition('2019', key)?.label;
    expect(label).toBeTruthy();
    expect(diffLines({ format: '2019', cells: [{ key, before: null, after: 1 }] })[1]).toMatchObject({ label });
    expect(diffLines({ format: 'unknown', cells: [{ key, before: null, after: 1 }] })[1]).toMatchObject({ label });
  });

  it('shows a changed record (user, agency, cycle) field by field in Chinese, not as JSON', () => {
    const before = { username: 'li', displayName: '李四', roles: ['AGENCY_PREPARER'], active: true };
    const lines = diffLines({ before, after: { ...before, roles: ['AGENCY_PREPARER', 'AGENCY_REVIEWER'], active: false }, passwordChanged: true });
    expect(lines).toEqual([
      { label: '角色', before: ROLE_LABELS.AGENCY_PREPARER, after: `${ROLE_LABELS.AGENCY_PREPARER}、${ROLE_LABELS.AGENCY_REVIEWER}` },
      { label: '启用', before: '是', after: '否' },
      { label: '修改了密码', value: '是' },
    ]);
    const created = diffLines({ after: { year: 2025, format: '2021' } });
    expect(created).toEqual([
      { label: '年度', value: '2025' },
      { label: '格式', value: '2021' },
    ]);
  });

  it('shows a state change in Chinese status names and blank values as 空白', () => {
    const lines = diffLines({ from: 'APPROVED', to: 'PUBLISHED', correctionNote: null });
    expect(lines[0]).toEqual({ label: '状态', before: '主要领导已审批', after: '已公开' });
    expect(lines[1]).toEqual({ label: '更正说明', value: '（空白）' });
    expect(actionLabel('report.publish')).toBe('公开发布');
    expect(actionLabel('x.unknown')).toBe('x.unknown');
  });
});

describe('audit filter', () => {
  it('turns calendar dates (China time) into an inclusive day range', () => {
    expect(auditFilter({ from: '2026-03-01', to: '2026-03-05', action: '', reportId: 'r1' })).toEqual({
      reportId: 'r1',
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-05T16:00:00.000Z',
    });
  });
});
