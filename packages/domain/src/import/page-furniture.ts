/**
 * What a printed page adds around the report: page numbers ("-4-", "— 4 —", "第4页 共9页", "4/9") and a
 * running header repeating the title. Text copied out of a PDF has them between table rows and inside
 * paragraphs; they are not part of the report, so they are dropped (and said so in a note).
 */
import { labelKey } from './text-utils';
import type { SourceLine } from './types';

const PAGE_NUMBER = [
  /^[-—–－~]+\d{1,4}[-—–－~]+$/,
  /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/,
  /^\d{1,4}\/\d{1,4}$/,
  /^[-—–－]?\d{1,4}[-—–－]?\/共\d{1,4}页$/,
];

export function isPageNumber(text: string): boolean {
  const key = labelKey(text).replace(/[—–－]/g, '-');
  return PAGE_NUMBER.some((p) => p.test(key));
}

/**
 * Text from pdftotext separates pages by form feeds: a line holding only a small number right before
 * or after a page break is that page's number.
 */
export function blankBareNumbersAtPageBreaks(text: string): string {
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((page) => page.split('\n'));
  const bare = /^\s*\d{1,3}\s*$/;
  pages.forEach((lines, p) => {
    const nonBlank = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
    if (!nonBlank.length) return;
    const last = nonBlank[nonBlank.length - 1];
    if (bare.test(lines[last])) lines[last] = '';
    const first = nonBlank[0];
    if (p > 0 && bare.test(lines[first]) && first !== last) lines[first] = '';
  });
  return pages.map((lines) => lines.join('\n')).join('\f');
}

/** the lines without page numbers and without repeats of the title (a running header) after it */
export function withoutPageFurniture(lines: SourceLine[], titleText: string | null, notes: string[]): SourceLine[] {
  const title = titleText ? labelKey(titleText) : null;
  let seenTitle = false;
  let dropped = 0;
  const out = lines.filter((l) => {
    const key = labelKey(l.text);
    if (key === '') return true;
    if (isPageNumber(l.text)) {
      dropped++;
      return false;
    }
    if (title && key === title) {
      if (seenTitle) {
        dropped++;
        return false;
      }
      seenTitle = true;
    }
    return true;
  });
  if (dropped) notes.push(`页码和每页重复的页眉共${dropped}行不属于报告内容，未导入。`);
  return out;
}
