/**
 * Normalisation shared by the text and HTML importers. Published reports mix full- and half-width
 * punctuation, put spaces inside words ("上一年 项目数量") and number items as （一）, (一), 1., 1．
 */

const FULL_WIDTH_DIGITS = /[０-９]/g;

/** full-width digits and signs to ASCII */
export function asciiDigits(s: string): string {
  return s
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/[＋]/g, '+');
}

/** a label reduced to what identifies it: no white space, half-width brackets and stops, no quotes */
export function labelKey(s: string): string {
  return asciiDigits(s)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[，]/g, ',')
    .replace(/[：]/g, ':')
    .replace(/[；]/g, ';')
    .replace(/[“”"‘’'「」]/g, '');
}

/** drop the numbering in front of a label: 一、 (一) 1. 1、 (1) */
export function stripNumbering(key: string): string {
  return key.replace(/^(\([一二三四五六七八九十]+\)|\(\d+\)|[一二三四五六七八九十]+[、.,]|\d+[.、,]?)/, '');
}

/** Levenshtein distance, stopping early once it exceeds `max` (labels are short) */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** the core of a row label for matching: numbering and parenthesised remarks removed */
export function rowCore(label: string): string {
  return stripNumbering(labelKey(label)).replace(/\([^)]*\)?$/, '');
}

export type ValueCell =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; /** the unit the cell itself states */ unit?: '元' | '万元'; digits: string }
  | { kind: 'text' };

const BLANK_MARKS = new Set(['', '-', '—', '——', '/', '／', '－', '–']);

/** exact decimal shift of a number written as a string, e.g. 元 → 万元 (no binary rounding on the way) */
export function shiftDecimal(digits: string, places: number): number {
  const negative = digits.startsWith('-');
  const unsigned = digits.replace(/^[+-]/, '');
  const [intPart, fracPart = ''] = unsigned.split('.');
  const all = intPart + fracPart;
  let point = intPart.length - places;
  let padded = all;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + all;
    point = 1;
  }
  const text = `${padded.slice(0, point)}.${padded.slice(point)}`;
  const value = Number(text);
  return negative ? -value : value;
}

/** a cell of a table row: a number (with thousands separators, signs, 元/万元), a blank, or other text */
export function parseValueCell(raw: string): ValueCell {
  const s = asciiDigits(raw).replace(/[\s\u00a0\u3000]+/g, '');
  if (BLANK_MARKS.has(s)) return { kind: 'blank' };
  const m = /^([+-]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条|次)?$/.exec(s);
  if (!m) return { kind: 'text' };
  const digits = `${m[1] === '-' ? '-' : ''}${m[2].replace(/[,，]/g, '')}${m[3] ?? ''}`;
  const value = Number(digits);
  const unit = m[4] === '元' || m[4] === '万元' ? m[4] : undefined;
  return { kind: 'number', value: value === 0 ? 0 : value, unit, digits };
}

export function isValueField(raw: string): boolean {
  const c = parseValueCell(raw);
  return c.kind === 'number';
}
