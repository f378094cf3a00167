/**
 * The 落款 under a report's last section — the agency's name and the date (as renderHtml and the DOCX
 * writer print it, and as published reports end) — is not part of 六、其他需要报告的事项: it is cut
 * from the end of the last narrative section. Only a date line ("2024年1月20日", also in Chinese
 * numerals) and, right above it, a line that is the agency's name as the title gives it, or the name
 * alone, are taken for the 落款; anything else stays in the text.
 */
import type { NarrativeKey, SectionKey } from '../formats';
import type { SectionSpan } from './sections';
import type { SourceLine } from './types';

const NUMERAL = '[0-9０-９〇零一二三四五六七八九十○Ｏ]';
const DATE_LINE = new RegExp(`^${NUMERAL}{4}\\s*年\\s*${NUMERAL}{1,3}\\s*月\\s*${NUMERAL}{1,3}\\s*日$`);
const NARRATIVE: ReadonlySet<SectionKey> = new Set<NarrativeKey>(['overview', 'problems', 'other']);

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** the spans with the last one ending before its 落款, when it has one */
export function withoutSignOff(lines: SourceLine[], spans: SectionSpan[], agency: string): SectionSpan[] {
  const last = spans[spans.length - 1];
  if (!last || !NARRATIVE.has(last.key)) return spans;
  const name = compact(agency);
  const previousText = (from: number): number => {
    let i = from - 1;
    while (i >= last.start && compact(lines[i].text) === '') i--;
    return i;
  };
  let end = last.end;
  let i = previousText(end);
  if (i >= last.start && DATE_LINE.test(compact(lines[i].text))) {
    end = i;
    i = previousText(i);
  }
  if (name !== '' && i >= last.start && compact(lines[i].text) === name) end = i;
  return end === last.end ? spans : [...spans.slice(0, -1), { ...last, end }];
}
