/** Dates and numbers in the user's locale: zh-CN gives 2026年1月31日 and 1,234. */

function intlLocale(locale: string) {
  return locale === 'en' ? 'en-GB' : 'zh-CN';
}

/** a YYYY-MM-DD date as a calendar date (no time-zone shift: it is a date, not an instant) */
export function formatDate(value: string | Date | null | undefined, locale = 'zh-CN'): string {
  if (!value) return '';
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const plainDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: plainDate ? 'UTC' : 'Asia/Shanghai',
  }).format(d);
}

/** an instant in China time, e.g. 2026年1月31日 14:05 (timeOnly: 14:05:09) */
export function formatDateTime(
  value: string | Date | null | undefined,
  locale = 'zh-CN',
  timeOnly = false,
): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const options: Intl.DateTimeFormatOptions = timeOnly
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }
    : {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
        timeZone: 'Asia/Shanghai',
      };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(d);
}

export function formatNumber(value: number | null | undefined, locale = 'zh-CN'): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 4 }).format(value);
}

/** options for react-admin's DateField */
export const DATE_FIELD_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
};
