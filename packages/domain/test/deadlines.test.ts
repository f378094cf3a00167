import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  countyCompilationDeadline,
  countyGovernmentDeadline,
  currentReportYear,
  daysBetween,
  deadlineStatus,
  defaultDeadline,
  isIsoDate,
  reportDeadline,
} from '../src/deadlines';

describe('deadlines', () => {
  it('follow 条例 art. 49 and the 2021 notice', () => {
    expect(defaultDeadline(2020)).toBe('2021-01-31');
    expect(countyCompilationDeadline(2020)).toBe('2021-02-20');
    expect(countyGovernmentDeadline(2020)).toBe('2021-03-31');
  });

  it('the open cycle: last year’s report through 31 January (China time), this year’s from 1 February', () => {
    expect(currentReportYear('2026-12-03')).toBe(2026);
    expect(currentReportYear('2027-01-15')).toBe(2026);
    expect(currentReportYear('2027-01-31T15:59:59Z')).toBe(2026);
    expect(currentReportYear('2027-01-31T16:00:00Z')).toBe(2027);
    expect(currentReportYear('2027-02-01')).toBe(2027);
    expect(currentReportYear(new Date(Date.UTC(2026, 5, 1)))).toBe(2026);
  });

  it('read instants in China time (UTC+8)', () => {
    expect(chinaDate('2021-01-31T15:59:59Z')).toBe('2021-01-31');
    expect(chinaDate('2021-01-31T16:00:00Z')).toBe('2021-02-01');
    expect(chinaDate('2021-01-31T17:00:00Z')).toBe('2021-02-01');
    expect(chinaDate('2021-02-01T07:30:00+08:00')).toBe('2021-02-01');
    expect(chinaDate('2021-01-31T23:30:00-05:00')).toBe('2021-02-01');
    expect(chinaDate(new Date(Date.UTC(2020, 11, 31, 20)))).toBe('2021-01-01');
    expect(chinaDate('2021-01-31')).toBe('2021-01-31');
    expect(() => chinaDate('2021-01-31T10:00:00')).toThrow();
  });

  it('counts whole calendar days, across leap days', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysBetween('2021-01-31', '2021-01-31')).toBe(0);
  });

  it('2021-01-31T17:00Z is already 1 February in China: one day overdue', () => {
    expect(deadlineStatus({ deadline: '2021-01-31', today: '2021-01-31T17:00:00Z' })).toEqual({
      overdue: true,
      daysOverdue: 1,
      daysLeft: null,
      published: false,
    });
    expect(deadlineStatus({ deadline: '2021-01-31', today: '2021-01-31T15:00:00Z' })).toEqual({
      overdue: false,
      daysOverdue: 0,
      daysLeft: 0,
      published: false,
    });
    expect(deadlineStatus({ deadline: '2021-01-31', today: '2021-01-20T00:00:00Z' }).daysLeft).toBe(11);
  });

  it('a published report is judged by its publication day, not by today', () => {
    const onTime = deadlineStatus({ deadline: '2021-01-31', publishedAt: '2021-01-31T15:59:00Z', today: '2021-06-01' });
    expect(onTime).toEqual({ overdue: false, daysOverdue: 0, daysLeft: null, published: true });
    const late = deadlineStatus({ deadline: '2021-01-31', publishedAt: '2021-02-03T16:30:00Z', today: '2021-06-01' });
    expect(late).toEqual({ overdue: true, daysOverdue: 4, daysLeft: null, published: true });
  });

  it('isIsoDate accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(['2026-01-31', '2024-02-29', '2000-12-01'].filter(isIsoDate)).toEqual(['2026-01-31', '2024-02-29', '2000-12-01']);
    expect(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-31', '2026-01-31T00:00:00Z', ''].filter(isIsoDate)).toEqual([]);
  });

  it('reportDeadline: the cycle decides; a county government answers to 31 March unless the cycle set its own date', () => {
    expect(reportDeadline(2025, null, false)).toBe('2026-01-31');
    expect(reportDeadline(2025, '2026-01-31', true)).toBe('2026-03-31');
    expect(reportDeadline(2025, undefined, true)).toBe('2026-03-31');
    expect(reportDeadline(2025, '2026-01-20', true)).toBe('2026-01-20');
    expect(reportDeadline(2025, '2026-01-20', false)).toBe('2026-01-20');
  });
});
