/**
 * Reporting deadlines (条例 art. 49 and the 2021 format notice). Whether a report is overdue is
 * computed from the deadline, the publication time and today — in China time (Asia/Shanghai, UTC+8,
 * no daylight saving) — never stored by a job that could miss a day.
 */

/** a calendar date, YYYY-MM-DD */
export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** agencies: by 31 January of the next year (条例第四十九条) */
export function defaultDeadline(year: number): IsoDate {
  return `${year + 1}-01-31`;
}

/** the county office compiles its departments' and townships' reports by 20 February */
export function countyCompilationDeadline(year: number): IsoDate {
  return `${year + 1}-02-20`;
}

/** a county-level government's own report is published by 31 March */
export function countyGovernmentDeadline(year: number): IsoDate {
  return `${year + 1}-03-31`;
}

/**
 * The deadline one report answers to: the cycle's when it set one (agencies: 31 January by
 * default); a county government's own report is due by 31 March unless the cycle set a date of its own.
 */
export function reportDeadline(year: number, cycleDeadline: IsoDate | null | undefined, isCountyGovernment: boolean): IsoDate {
  const deadline = cycleDeadline ?? defaultDeadline(year);
  return isCountyGovernment && deadline === defaultDeadline(year) ? countyGovernmentDeadline(year) : deadline;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** a real calendar date written YYYY-MM-DD (2026-02-30 is not one) */
export function isIsoDate(value: string): value is IsoDate {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The calendar day in China of an instant (Date or ISO timestamp), or the date itself when given
 * YYYY-MM-DD. A timestamp without a zone is refused: its meaning would depend on the server.
 */
export function chinaDate(value: Date | string): IsoDate {
  if (typeof value === 'string' && DATE_RE.test(value)) return value;
  if (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    throw new Error(`chinaDate: timestamp without a time zone: ${value}`);
  }
  const ms = (typeof value === 'string' ? new Date(value) : value).getTime();
  if (Number.isNaN(ms)) throw new Error(`chinaDate: not a date: ${String(value)}`);
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function dayNumber(date: IsoDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** whole calendar days from a to b (b − a) */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export interface DeadlineInput {
  /** the last day, YYYY-MM-DD, inclusive (a report published on that day in China is on time) */
  deadline: IsoDate;
  /** when the report was published (instant), or null when not yet */
  publishedAt?: Date | string | null;
  /** now (instant) or today's date in China */
  today: Date | string;
}

export interface DeadlineStatus {
  /** published after the deadline, or still unpublished after it */
  overdue: boolean;
  /** days past the deadline (until publication, or until today), 0 when on time */
  daysOverdue: number;
  /** days left until the deadline while unpublished and not overdue (0 on the day itself); null otherwise */
  daysLeft: number | null;
  published: boolean;
}

export function deadlineStatus({ deadline, publishedAt, today }: DeadlineInput): DeadlineStatus {
  if (publishedAt) {
    const late = daysBetween(deadline, chinaDate(publishedAt));
    return { overdue: late > 0, daysOverdue: Math.max(0, late), daysLeft: null, published: true };
  }
  const past = daysBetween(deadline, chinaDate(today));
  return past > 0
    ? { overdue: true, daysOverdue: past, daysLeft: null, published: false }
    : { overdue: false, daysOverdue: 0, daysLeft: daysBetween(chinaDate(today), deadline), published: false };
}

/**
 * The report year whose cycle is open on a day (in China): a year's report is written in its last
 * months and due by 31 January of the next year, so through 31 January it is last year's report,
 * from 1 February on this year's (on 2026-12-03: the 2026 report, due 2027-01-31).
 */
export function currentReportYear(today: Date | string): number {
  const date = chinaDate(today);
  const year = Number(date.slice(0, 4));
  return date <= defaultDeadline(year - 1) ? year - 1 : year;
}
