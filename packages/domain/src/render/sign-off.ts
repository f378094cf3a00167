/**
 * The 落款 of a report: the agency's name and the date under the last section, placed as GB/T 9704
 * places an unsealed document's signature — the name two characters from the right margin, the date
 * on the next line starting two characters right of the name's first character; when the date is the
 * longer of the two, the date keeps the two characters from the margin and the name moves left.
 * The HTML draws this with CSS (a right-aligned block as wide as the longer line); the DOCX writer
 * needs it in numbers, which `signOffIndents` gives.
 */

export interface SignOff {
  agency: string;
  /** '2024年1月20日', or null when no date is known (the 落款 is then the name alone) */
  date: string | null;
}

/** China has one time zone and no daylight saving: UTC+8 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** the calendar date in China of an instant, as YYYY-MM-DD */
export function dateInChina(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A date as documents write it: Arabic numerals, the year in full, month and day without leading
 * zeros (GB/T 9704: 成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位) — "2024年1月20日".
 * Accepts YYYY-MM-DD or an instant (taken in China time).
 */
export function documentDate(date: string | Date): string {
  const iso = typeof date === 'string' ? date : dateInChina(date);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`documentDate: not a date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

export function signOffOf(agency: string, date: string | Date | null | undefined): SignOff {
  return { agency: agency.trim(), date: date ? documentDate(date) : null };
}

/** width in character cells: CJK and full-width forms are one, ASCII (digits) half */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * Right indents, in characters, of the name and the date lines when both are set flush right: the
 * block of both is as wide as the longer of the name and (two characters + the date), and ends two
 * characters from the margin.
 */
export function signOffIndents(signOff: SignOff): { agency: number; date: number } {
  const name = textWidth(signOff.agency);
  if (!signOff.date) return { agency: 2, date: 2 };
  const date = textWidth(signOff.date);
  const block = Math.max(name, date + 2);
  return { agency: 2 + block - name, date: block - date };
}
