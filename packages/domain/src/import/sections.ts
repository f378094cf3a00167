/**
 * Where the six sections start, and what the title says. Headings vary between reports
 * ("五、政府信息公开工作存在的主要问题及改进情况" vs the template's "五、存在的主要问题及改进情况",
 * full- or half-width punctuation, spaces inside), so each heading is recognised by its number and key words.
 */
import type { SectionKey } from '../formats';
import { asciiDigits, labelKey } from './text-utils';
import type { SourceLine } from './types';

const HEADINGS: Array<{ key: SectionKey; pattern: RegExp }> = [
  { key: 'overview', pattern: /^一[、.,]?(总体情况|基本情况|概述)/ },
  { key: 't2', pattern: /^二[、.,]?主动公开政府信息/ },
  { key: 't3', pattern: /^三[、.,]?收到和处理政府信息公开申请/ },
  { key: 't4', pattern: /^四[、.,]?(政府信息公开)?行政复议/ },
  { key: 'problems', pattern: /^五[、.,]?.{0,12}存在的?主要问题/ },
  { key: 'other', pattern: /^六[、.,]?其他需要报告的事项/ },
];

/** the longest a heading line is; longer lines are paragraphs that merely start with the same words */
const MAX_HEADING_LENGTH = 36;

export interface SectionSpan {
  key: SectionKey;
  /** index of the heading line */
  heading: number;
  /** the section's lines: heading + 1 … end - 1 */
  start: number;
  end: number;
}

/** the sections in order; a heading is looked for only after the previous one, so narrative text cannot reorder them */
export function findSections(lines: SourceLine[]): SectionSpan[] {
  const found: Array<{ key: SectionKey; index: number }> = [];
  let from = 0;
  for (const heading of HEADINGS) {
    for (let i = from; i < lines.length; i++) {
      const key = labelKey(lines[i].text);
      if (key.length <= MAX_HEADING_LENGTH && heading.pattern.test(key)) {
        found.push({ key: heading.key, index: i });
        from = i + 1;
        break;
      }
    }
  }
  return found.map((f, n) => ({
    key: f.key,
    heading: f.index,
    start: f.index + 1,
    end: n + 1 < found.length ? found[n + 1].index : lines.length,
  }));
}

/** the narrative between two headings: blank lines around it dropped, every line inside kept as written */
export function narrativeText(lines: SourceLine[], span: SectionSpan | undefined): string {
  if (!span) return '';
  const body = lines.slice(span.start, span.end).map((l) => l.text);
  while (body.length && body[0].trim() === '') body.shift();
  while (body.length && body[body.length - 1].trim() === '') body.pop();
  return body.join('\n');
}

export interface TitleInfo {
  /** indexes of the title's lines (one or two), empty when there is no title */
  indexes: number[];
  agency: string;
  year: number | null;
}

/** the title: the first line before section 一 that names a 政府信息公开…报告 */
export function findTitle(lines: SourceLine[], before: number): TitleInfo {
  const compactAt = (i: number) => asciiDigits(lines[i].text).replace(/[\s\u00a0\u3000]+/g, '');
  const end = Math.min(before, lines.length);
  for (let i = 0; i < end; i++) {
    let compact = compactAt(i);
    if (!/政府信息公开|政务公开/.test(compact)) continue;
    const indexes = [i];
    // titles are often set on two lines: "…2020年政府信息公开" / "工作年度报告"
    if (!/报告/.test(compact) && i + 1 < end && /报告/.test(compactAt(i + 1))) {
      compact += compactAt(i + 1);
      indexes.push(i + 1);
    }
    if (!/政府信息公开/.test(compact) || !/报告/.test(compact)) continue;
    const withYear = /^(.*?)(?:关于)?(\d{4})年度?(?:政府信息公开|政务公开)/.exec(compact);
    if (withYear) return { indexes, agency: cleanAgency(withYear[1]), year: Number(withYear[2]) };
    const noYear = /^(.*?)(?:关于)?(?:政府信息公开|政务公开)/.exec(compact);
    return { indexes, agency: cleanAgency(noYear ? noYear[1] : ''), year: null };
  }
  return { indexes: [], agency: '', year: null };
}

function cleanAgency(s: string): string {
  return s.replace(/关于$/, '').replace(/^[《“"]+|[》”"]+$/g, '');
}

/** the year the text mentions most often ("2020年", "2020 年度"), for reports whose title has none */
export function mostMentionedYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of asciiDigits(text).matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}
