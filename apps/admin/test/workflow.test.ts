import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '@touming/domain/permissions';
import { cellDefinition } from '@touming/domain/formats';
import { groupTodos } from '../src/todo/queues';
import { actionLabel, diffLines } from '../src/resources/audit/diff';
import { auditFilter, caseFilter } from '../src/workflow/dataProvider';
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
    returned: null,
    ...extra,
  };
}

describe('待我处理 queues', () => {
  it('sorts reports by what the API lets this user do', () => {
    const reports = [
      report('a', 'DRAFT', ['submit']),
      report('b', 'DRAFT', ['submit'], { errorCount: 2 }),
      report('c', 'SUBMITTED', ['review', 'return']),
      report('d', 'APPROVED', ['publish'], { confidentiality: { cleared: true } }),
      report('d2', 'APPROVED', ['publish']),
      report('e', 'PUBLISHED', ['startCorrection']),
    ];
    const q = Object.fromEntries(groupTodos(reports, { roles: ['AGENCY_PREPARER'], agencyId: 'wenlv' }).map((x) => [x.key, x.items.map((r) => r.id)]));
    expect(q).toEqual({ returned: [], to_submit: ['a'], to_sign: ['c'], to_review: [], to_publish: ['d'] });
  });

  it('puts a returned draft in its own queue, errors or not, and not among the fresh drafts', () => {
    const returned = { returnedByName: '李建国（wenlv.reviewer）', returnedAt: '2026-12-01T02:00:00Z', comment: '请补充第五部分' };
    const reports = [report('a', 'DRAFT', ['submit']), report('r', 'DRAFT', ['submit'], { returned, errorCount: 1 })];
    const q = Object.fromEntries(groupTodos(reports, { roles: ['AGENCY_PREPARER'], agencyId: 'wenlv' }).map((x) => [x.key, x.items.map((r) => r.id)]));
    expect(q.returned).toEqual(['r']);
    expect(q.to_submit).toEqual(['a']);
  });

  it('lists for publication only reports whose confidentiality review has passed', () => {
    const reports = [report('cleared', 'APPROVED', ['publish'], { confidentiality: { cleared: true } }), report('pending', 'APPROVED', ['publish'])];
    const county = groupTodos(reports, { roles: ['COUNTY_ADMIN'], agencyId: 'county' });
    expect(county.find((x) => x.key === 'to_publish')!.items.map((r) => r.id)).toEqual(['cleared']);
  });

  it('gives the confidentiality reviewer every submitted report whose review is not cleared (in parallel with the leaders)', () => {
    const reports = [
      report('x', 'APPROVED', []),
      report('y', 'APPROVED', [], { confidentiality: { cleared: true } }),
      report('z', 'REVIEWED', []),
      report('s', 'SUBMITTED', []),
      report('d', 'DRAFT', []),
    ];
    const review = groupTodos(reports, { roles: ['CONFIDENTIALITY_REVIEWER'], agencyId: 'wenlv' }).find((x) => x.key === 'to_review')!;
    expect(review.items.map((r) => r.id)).toEqual(['x', 'z', 's']);
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
      { label: '格式', value: expect.stringMatching(/^2021年版格式（.*30号）$/) },
    ]);
  });

  it('reads coded values, field names and ids in words: the domain audit labels, agencies and people by name', () => {
    const names = { agency: (id: string) => (id === 'a-1' ? '盐池县民政局' : undefined), user: (id: string) => (id === 'u-1' ? '王丽（wenlv.preparer）' : undefined) };
    const caseLines = diffLines({ from: 'OPEN', to: 'RECTIFYING', before: { kind: 'OVERDUE', agencyId: 'a-1' }, after: { kind: 'OVERDUE', agencyId: 'a-1', outcome: '已整改' } }, { targetType: 'AccountabilityCase', names });
    expect(caseLines[0]).toEqual({ label: '状态', before: '已立案', after: expect.not.stringMatching(/RECTIFYING/) });
    expect(caseLines.find((l) => l.label === '处理结果')).toMatchObject({ after: '已整改' });
    const review = diffLines({ conclusion: 'OPEN', disclosure: 'PROACTIVE', reviewerId: 'u-1', reviewerName: '赵敏', signedHash: 'a'.repeat(64) }, { names });
    const text = JSON.stringify(review);
    for (const raw of ['"OPEN"', 'PROACTIVE', 'signedHash', 'reviewerId']) expect(text).not.toContain(raw);
    expect(review.find((l) => l.label === '签署时的内容哈希')).toBeTruthy();
    const user = diffLines({ after: { username: 'x', agencyId: 'a-1' } }, { names });
    expect(user).toContainEqual({ label: '所属单位', value: '盐池县民政局' });
    expect(diffLines({ detectedFormat: '2019', ruleId: 's1.length' })).toEqual([
      { label: '识别的格式', value: expect.stringContaining('2019年版格式') },
      { label: '校验规则', value: '总体情况原则上不超过一千字' },
    ]);
    // a refusal naming an id too long to be one (the API keeps its beginning and length in the detail)
    const denial = diffLines({ attempted: 'report.import', givenIds: { agencyId: { beginning: '💩💩', length: 1000 } } });
    expect(denial).toEqual([
      { label: '尝试的操作', value: expect.not.stringMatching(/report\.import/) },
      { label: '请求中过长的编号（未作为编号记录）', value: '所属单位：开头部分：💩💩，字符数：1000' },
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

  it('hides the sign-ins and narrows to a group through the API filter arguments', () => {
    expect(auditFilter({ hideLogins: true, category: 'WORKFLOW', action: 'report.return', actorId: 'u1', agencyId: 'a1' })).toEqual({
      action: 'report.return',
      actorId: 'u1',
      agencyId: 'a1',
      categories: ['WORKFLOW'],
      excludeCategories: ['AUTH'],
    });
    expect(auditFilter({ hideLogins: false })).toEqual({});
  });
});

describe('责任追究 list filter', () => {
  it('passes the picked region with the other filters, and drops empty ones', () => {
    expect(caseFilter({ regionId: 'g1', agencyId: '', kind: 'OVERDUE', year: '2025' })).toEqual({ regionId: 'g1', kind: 'OVERDUE', year: 2025 });
    expect(caseFilter({})).toEqual({});
  });
});
