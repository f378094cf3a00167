/**
 * The demo is made for the day it is created: whatever the day, the open cycle is
 * that day's report year with its deadline ahead, older cycles are published, nothing is dated after
 * the day, and the late publication, its case and the early publications follow the calendar.
 */
import { chinaDate } from '@touming/domain/deadlines';
import { describe, expect, it } from 'vitest';
import { CURRENT_CYCLE_STATE } from '../../src/seed/demo-data';
import { planDemo } from '../../src/seed/demo-plan';

const day = (iso: string) => new Date(`${iso}T04:00:00Z`);

describe('planDemo', () => {
  it('on 2026-12-03: the 2026 cycle open until 2027-01-31 with the planned mix, 2019–2025 published', () => {
    const plan = planDemo(day('2026-12-03'));
    expect(plan).toMatchObject({ currentYear: 2026, previousYear: 2025, deadline: '2027-01-31', season: true });
    expect(plan.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const [agency, state] of Object.entries(CURRENT_CYCLE_STATE)) {
      expect(plan.statusOf(agency, 2026), agency).toBe(state === 'RETURNED' ? 'DRAFT' : state);
    }
    expect(plan.reports.filter((r) => r.year < 2026).every((r) => r.status === 'PUBLISHED' && r.publishedAt)).toBe(true);
    // 公安局 published its 2025 report 44 days late; the case opened 10 days after the deadline is closed
    expect(chinaDate(plan.report('yanchi.gongan', 2025)!.publishedAt!)).toBe('2026-03-16');
    expect(plan.cases).toEqual([
      expect.objectContaining({ agency: 'yanchi.gongan', year: 2025, status: 'CLOSED', kind: 'OVERDUE', closedAt: expect.any(Date), outcome: expect.stringMatching(/公开/) }),
    ]);
    expect(plan.cases[0].description).toBe('盐池县公安局2025年政府信息公开工作年度报告截至2026年2月10日仍未公开，已逾期10天（截止日期2026-01-31）');
    // everyone else published on time
    const onTime = plan.reports.filter((r) => r.publishedAt && r.year < 2026 && !(r.agency === 'yanchi.gongan' && r.year === 2025) && !(r.agency === 'yanchi.dashuikeng' && r.year === 2023));
    expect(onTime.every((r) => chinaDate(r.publishedAt!) <= `${r.year + 1}-01-31`)).toBe(true);
    expect(plan.reports.filter((r) => r.flaw).map((r) => r.year)).toEqual([2025, 2025, 2025, 2025]);
  });

  it('in January the open cycle is still last year’s; on 1 February the new one opens', () => {
    expect(planDemo(day('2027-01-20'))).toMatchObject({ currentYear: 2026, deadline: '2027-01-31', season: true });
    expect(planDemo(day('2027-02-01'))).toMatchObject({ currentYear: 2027, deadline: '2028-01-31', season: false });
  });

  it('early publications only in the reporting season (from 1 December): before it those reports wait at APPROVED', () => {
    const june = planDemo(day('2026-06-15'));
    expect(june.statusOf('yanchi.shijian', 2026)).toBe('APPROVED');
    expect(june.agenciesWith(2026, 'PUBLISHED')).toEqual([]);
    expect(planDemo(day('2026-12-01')).agenciesWith(2026, 'PUBLISHED').sort()).toEqual(['yanchi.nongye', 'yanchi.shijian']);
  });

  it('the late publication and its case follow the calendar after the deadline', () => {
    const at = (iso: string) => {
      const plan = planDemo(day(iso));
      return { status: plan.statusOf('yanchi.gongan', 2025), case: plan.cases[0]?.status ?? null };
    };
    expect(at('2026-02-05')).toEqual({ status: 'DRAFT', case: null });
    expect(at('2026-02-20')).toEqual({ status: 'DRAFT', case: 'OPEN' });
    expect(at('2026-03-20')).toEqual({ status: 'PUBLISHED', case: 'RECTIFYING' });
    expect(at('2026-05-01')).toEqual({ status: 'PUBLISHED', case: 'CLOSED' });
  });

  it('whatever the day: nothing dated after it, the open cycle’s deadline not passed, a report published after it was written', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 13 * 86_400_000 + 3_600_000) {
      const today = new Date(t);
      const plan = planDemo(today);
      expect(plan.deadline >= chinaDate(today), today.toISOString()).toBe(true);
      expect(plan.years[plan.years.length - 1]).toBe(plan.currentYear);
      for (const r of plan.reports) {
        expect(r.writtenAt.getTime(), `${r.agency} ${r.year} ${today.toISOString()}`).toBeLessThanOrEqual(t);
        if (r.publishedAt) {
          expect(r.publishedAt.getTime()).toBeLessThanOrEqual(t);
          expect(r.publishedAt.getTime()).toBeGreaterThan(r.writtenAt.getTime());
        }
        expect(r.status === 'PUBLISHED').toBe(r.publishedAt !== null);
      }
      for (const c of plan.cases) {
        expect(c.openedAt.getTime()).toBeLessThanOrEqual(t);
        if (c.closedAt) expect(c.closedAt.getTime()).toBeLessThanOrEqual(t);
      }
    }
  });
});
