/**
 * The demo county as of a given day: which cycles exist, which is open, every
 * report's state and dates, the late publications and the 责任追究 case — all from the data in
 * demo-data.ts and one `today`, so the demo is a live county on the day it is created (its open cycle's
 * deadline ahead, older cycles published) and tests can seed a fixed day and read what to expect
 * from here instead of hard-coding years. Pure: no database.
 */
import type { CaseStatus } from '@touming/domain/accountability';
import { chinaDate, currentReportYear, daysBetween, defaultDeadline, type IsoDate } from '@touming/domain/deadlines';
import type { ReportStatus } from '@touming/domain/workflow';
import {
  CURRENT_CYCLE_STATE,
  DEMO_AGENCIES,
  FIRST_DEMO_YEAR,
  LATE_PUBLICATIONS,
  QUALITY_FLAWS,
  type QualityFlaw,
} from './demo-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface PlannedReport {
  /** agency code */
  agency: string;
  year: number;
  status: ReportStatus;
  /** a DRAFT the 分管领导 returned with a comment (its preparer's signature voided) */
  returned: boolean;
  /** when the report was created (its signatures follow by the hour) */
  writtenAt: Date;
  /** first publication; null while unpublished */
  publishedAt: Date | null;
  /** a finding evaluators would make (demo-data QUALITY_FLAWS) */
  flaw: QualityFlaw | null;
}

export interface PlannedCase {
  agency: string;
  year: number;
  kind: 'OVERDUE';
  status: CaseStatus;
  description: string;
  outcome: string | null;
  openedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface DemoPlan {
  /** the day the demo is made for */
  today: Date;
  /** the report year whose cycle is open (deadline ahead) */
  currentYear: number;
  /** the last completed cycle */
  previousYear: number;
  /** every seeded cycle, oldest first (FIRST_DEMO_YEAR … currentYear) */
  years: number[];
  /** the open cycle's deadline (agencies; the county government's own report is due 31 March) */
  deadline: IsoDate;
  /** the reporting season (from 1 December of the report year): early publications happen */
  season: boolean;
  reports: PlannedReport[];
  cases: PlannedCase[];
  report(agency: string, year: number): PlannedReport | undefined;
  /** the stored status (RETURNED reads DRAFT); null when the agency has no report that year */
  statusOf(agency: string, year: number): ReportStatus | null;
  /** agency codes with a report of that year in that status */
  agenciesWith(year: number, status: ReportStatus): string[];
}

/** the agencies that publish reports, in demo order (their index seeds the generator and the dates) */
export const REPORTING_AGENCIES = DEMO_AGENCIES.filter((a) => a.reports);

function at(date: IsoDate, hourUtc: number): Date {
  return new Date(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
}

function addDays(date: IsoDate, days: number): IsoDate {
  return chinaDate(new Date(at(date, 4).getTime() + days * DAY));
}

const cn = (date: IsoDate) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function planDemo(today: Date = new Date()): DemoPlan {
  const now = today.getTime();
  const currentYear = currentReportYear(today);
  const previousYear = currentYear - 1;
  const years = Array.from({ length: Math.max(1, currentYear - FIRST_DEMO_YEAR + 1) }, (_, i) => FIRST_DEMO_YEAR + i).filter((y) => y <= currentYear);
  const todayDate = chinaDate(today);
  const season = todayDate >= `${currentYear}-12-01`;
  const reports: PlannedReport[] = [];
  const cases: PlannedCase[] = [];

  REPORTING_AGENCIES.forEach((agency, index) => {
    for (const year of years) {
      const flaw = QUALITY_FLAWS.find((f) => f.agency === agency.code && currentYear - f.yearsAgo === year)?.flaw ?? null;
      if (year < currentYear) {
        // written in the January after its year, published the same day, before the deadline …
        const writtenAt = new Date(Date.UTC(year + 1, 0, 10 + (index % 15), 9, 0, 0));
        let publishedAt: Date | null = new Date(writtenAt.getTime() + 5 * HOUR);
        const deadline = defaultDeadline(year);
        const late = LATE_PUBLICATIONS.find((l) => l.agency === agency.code && currentYear - l.yearsAgo === year);
        if (late) {
          // … unless it came out late: then only once that day is over (else it is still unpublished)
          const daysSince = daysBetween(deadline, todayDate);
          publishedAt = daysSince > late.daysLate ? at(addDays(deadline, late.daysLate), 2) : null;
          if (late.accountability && daysSince > 10) {
            const openedAt = at(addDays(deadline, 10), 2);
            const closedAt = publishedAt && now - publishedAt.getTime() > 15 * DAY ? new Date(publishedAt.getTime() + 14 * DAY) : null;
            cases.push({
              agency: agency.code,
              year,
              kind: 'OVERDUE',
              status: closedAt ? 'CLOSED' : publishedAt ? 'RECTIFYING' : 'OPEN',
              description: `${agency.name}${year}年政府信息公开工作年度报告截至${cn(addDays(deadline, 10))}仍未公开，已逾期10天（截止日期${deadline}）`,
              outcome: closedAt ? late.accountability.outcome : null,
              openedAt,
              updatedAt: closedAt ?? publishedAt ?? openedAt,
              closedAt,
            });
          }
        }
        reports.push({ agency: agency.code, year, status: publishedAt ? 'PUBLISHED' : 'DRAFT', returned: false, writtenAt, publishedAt, flaw });
        continue;
      }
      const state = CURRENT_CYCLE_STATE[agency.code] ?? null;
      if (state === null) continue;
      // the open cycle: written in the last four weeks (not before February of its year, not in the future)
      const earliest = Date.UTC(year, 1, 1);
      const latest = now - 6 * HOUR;
      const writtenAt = new Date(Math.min(latest, Math.max(earliest, now - (28 - (index % 14)) * DAY - 2 * HOUR)));
      const status: ReportStatus = state === 'RETURNED' ? 'DRAFT' : state === 'PUBLISHED' && !season ? 'APPROVED' : state;
      const publishedAt = status === 'PUBLISHED' ? new Date(Math.min(writtenAt.getTime() + 5 * HOUR, now - 5 * 60_000)) : null;
      reports.push({ agency: agency.code, year, status, returned: state === 'RETURNED', writtenAt, publishedAt, flaw });
    }
  });

  const byKey = new Map(reports.map((r) => [`${r.agency}:${r.year}`, r]));
  return {
    today,
    currentYear,
    previousYear,
    years,
    deadline: defaultDeadline(currentYear),
    season,
    reports,
    cases,
    report: (agency, year) => byKey.get(`${agency}:${year}`),
    statusOf: (agency, year) => byKey.get(`${agency}:${year}`)?.status ?? null,
    agenciesWith: (year, status) => reports.filter((r) => r.year === year && r.status === status).map((r) => r.agency),
  };
}
