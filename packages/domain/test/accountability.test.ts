import { describe, expect, it } from 'vitest';
import {
  CASE_KIND_LABELS,
  CASE_STATUSES,
  caseTitle,
  canTransitionCase,
  checkCaseTransition,
  checkOpenCase,
  caseActions,
  checkRespondToCase,
  proposeOverdueCases,
} from '../src/accountability';
import type { Actor } from '../src/permissions';

const county: Actor = { roles: ['COUNTY_ADMIN'], agencyId: 'county' };
const preparer: Actor = { roles: ['AGENCY_PREPARER'], agencyId: 'a1' };

describe('accountability cases', () => {
  it('have the five kinds', () => {
    expect(CASE_KIND_LABELS).toEqual({ OVERDUE: '逾期未报送', QUALITY: '质量不合格', DATA_ERROR: '数据错误', LEAK_RISK: '保密问题', OTHER: '其他' });
  });

  it('move open → rectifying → closed (or back to rectifying after an answer), never back from closed', () => {
    const allowed = CASE_STATUSES.flatMap((from) => CASE_STATUSES.filter((to) => canTransitionCase(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual(['OPEN>RECTIFYING', 'OPEN>CLOSED', 'RECTIFYING>CLOSED', 'ANSWERED>RECTIFYING', 'ANSWERED>CLOSED']);
  });

  it('the agency answers its own open case; the office closes it', () => {
    const approver: Actor = { roles: ['AGENCY_APPROVER'], agencyId: 'a1' };
    const otherAgency: Actor = { roles: ['AGENCY_PREPARER'], agencyId: 'a2' };
    const contributor: Actor = { roles: ['AGENCY_CONTRIBUTOR'], agencyId: 'a1' };
    const open = { agencyId: 'a1', status: 'OPEN' as const };
    expect(caseActions(preparer, open)).toEqual(['respond']);
    expect(caseActions(approver, { ...open, status: 'ANSWERED' })).toEqual(['respond']);
    expect(caseActions(otherAgency, open)).toEqual([]);
    expect(caseActions(contributor, open)).toEqual([]);
    expect(caseActions(county, open)).toEqual(['close']);
    expect(caseActions(county, { ...open, status: 'ANSWERED' })).toEqual(['rectify', 'close']);
    expect(caseActions(preparer, { ...open, status: 'CLOSED' })).toEqual([]);
    expect(checkRespondToCase({ actor: preparer, caseAgencyId: 'a1', status: 'OPEN', response: '已于 2 月 3 日公开并约谈经办人' })).toEqual({ ok: true });
    expect(checkRespondToCase({ actor: preparer, caseAgencyId: 'a1', status: 'OPEN', response: ' ' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkRespondToCase({ actor: otherAgency, caseAgencyId: 'a1', status: 'OPEN', response: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkRespondToCase({ actor: county, caseAgencyId: 'a1', status: 'OPEN', response: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkRespondToCase({ actor: preparer, caseAgencyId: 'a1', status: 'CLOSED', response: 'x' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('opening records the responsible person and a 整改期限 not in the past', () => {
    const base = { actor: county, kind: 'QUALITY', description: '第五部分与上年雷同', responsiblePerson: '王丽（办公室）', today: '2026-12-03' };
    expect(checkOpenCase({ ...base, rectifyBy: '2026-12-31' })).toEqual({ ok: true });
    expect(checkOpenCase({ ...base, rectifyBy: '2026-12-02' })).toMatchObject({ ok: false, message: '整改期限不能早于今天' });
    expect(checkOpenCase({ ...base, rectifyBy: '2026-02-30' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkOpenCase({ ...base, responsiblePerson: ' ', rectifyBy: '2026-12-31' })).toMatchObject({ ok: false, message: '立案时必须填写责任人' });
  });

  it('checks role, transition and outcome', () => {
    expect(checkCaseTransition({ actor: county, from: 'OPEN', to: 'RECTIFYING' })).toEqual({ ok: true });
    expect(checkCaseTransition({ actor: county, from: 'RECTIFYING', to: 'CLOSED', outcome: '已约谈并完成整改' })).toEqual({ ok: true });
    expect(checkCaseTransition({ actor: county, from: 'RECTIFYING', to: 'CLOSED' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkCaseTransition({ actor: county, from: 'CLOSED', to: 'OPEN' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkCaseTransition({ actor: preparer, from: 'OPEN', to: 'RECTIFYING' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkOpenCase({ actor: county, kind: 'LEAK_RISK', description: '报告含个人手机号码', responsiblePerson: '赵敏', rectifyBy: '2027-01-10' })).toEqual({ ok: true });
    expect(checkOpenCase({ actor: county, kind: 'NOPE', description: 'x' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkOpenCase({ actor: county, kind: 'OTHER', description: '' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkOpenCase({ actor: preparer, kind: 'OTHER', description: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('proposes a case for every overdue agency without an open one', () => {
    const agencies = [
      { agencyId: 'a1', agencyName: '县文化旅游广电局', reportId: 'r1', status: 'APPROVED' as const },
      { agencyId: 'a2', agencyName: '县教育局', reportId: 'r2', status: 'PUBLISHED' as const, publishedAt: '2021-01-30T02:00:00Z' },
      { agencyId: 'a3', agencyName: '县民政局', reportId: 'r3', status: 'PUBLISHED' as const, publishedAt: '2021-02-02T02:00:00Z' },
      { agencyId: 'a4', agencyName: '县卫健局', reportId: null, status: null },
      { agencyId: 'a5', agencyName: '县水务局', reportId: 'r5', status: 'DRAFT' as const },
    ];
    const proposals = proposeOverdueCases({
      year: 2020,
      deadline: '2021-01-31',
      today: '2021-02-05T01:00:00Z',
      agencies,
      existingCases: [
        { agencyId: 'a5', kind: 'OVERDUE', status: 'RECTIFYING' },
        { agencyId: 'a4', kind: 'OVERDUE', status: 'CLOSED' },
        { agencyId: 'a1', kind: 'DATA_ERROR', status: 'OPEN' },
      ],
    });
    expect(proposals.map((p) => [p.agencyId, p.daysOverdue, p.unpublished])).toEqual([
      ['a1', 5, true],
      ['a4', 5, true],
      ['a3', 2, false],
    ]);
    expect(proposals[0].description).toContain('县文化旅游广电局2020年政府信息公开工作年度报告');
    expect(proposals[0].description).toContain('逾期5天');
    expect(proposals.every((p) => p.kind === 'OVERDUE')).toBe(true);
  });

  it('a closed case settles a late publication; a report still unpublished after its case was closed is proposed again', () => {
    const agencies = [
      { agencyId: 'late', agencyName: '县公安局', reportId: 'r1', status: 'PUBLISHED' as const, publishedAt: '2021-03-16T02:00:00Z' },
      { agencyId: 'still', agencyName: '县水务局', reportId: 'r2', status: 'DRAFT' as const },
    ];
    const existingCases = [
      { agencyId: 'late', kind: 'OVERDUE' as const, status: 'CLOSED' as const },
      { agencyId: 'still', kind: 'OVERDUE' as const, status: 'CLOSED' as const },
    ];
    const proposals = proposeOverdueCases({ year: 2020, deadline: '2021-01-31', today: '2021-06-01T01:00:00Z', agencies, existingCases });
    expect(proposals.map((p) => p.agencyId)).toEqual(['still']);
    expect(proposeOverdueCases({ year: 2020, deadline: '2021-01-31', today: '2021-06-01T01:00:00Z', agencies }).map((p) => p.agencyId).sort()).toEqual(['late', 'still']);
  });

  it('proposes nothing before the deadline has passed in China', () => {
    const agencies = [{ agencyId: 'a1', agencyName: '县教育局', status: 'DRAFT' as const }];
    expect(proposeOverdueCases({ year: 2020, deadline: '2021-01-31', today: '2021-01-31T15:00:00Z', agencies })).toEqual([]);
    expect(proposeOverdueCases({ year: 2020, deadline: '2021-01-31', today: '2021-01-31T17:00:00Z', agencies })).toHaveLength(1);
  });

  it('names a case by agency, year and what it is about, never by its id', () => {
    expect(caseTitle({ agencyName: '盐池县公安局', year: 2025, kind: 'OVERDUE' })).toBe('盐池县公安局 2025 年度报告逾期未报送');
    expect(caseTitle({ agencyName: '盐池县民政局', year: 2024, kind: 'DATA_ERROR' })).toBe('盐池县民政局 2024 年度报告数据错误');
  });
});
