/**
 * Last year's promises (the improvements section 五 announces: "2025年，我们将重点做好以下工作：一是……")
 * and whether this year's report says anything about each. A promise counts as reported when a clause
 * of this year's narrative resembles it; the reading is a pointer for a person, not a verdict, so the
 * threshold is low and the matched clause is shown.
 */
import { NARRATIVE_KEYS } from '../formats';
import type { ReportContent } from '../report';
import { clausesOf, textSimilarity } from '../validation/text';

export interface PromiseFollowUp {
  /** the promise as last year's report wrote it */
  promise: string;
  /** the clause of this year's narrative most like it, when one is like enough */
  reportedAs: string | null;
  similarity: number;
}

/** a clause at or above this similarity to a promise counts as reporting on it */
export const PROMISE_REPORTED_SIMILARITY = 0.35;

/** where the promises start: "我们将重点做好以下工作：", "下一步，", "下步工作中，", "今后，…将" */
const PROMISES_START = /(?:下一步|下步|今后|(?:\d{4}年|明年|新的一年)[^。；：:]{0,20}?将[^。；：:]*?(?:工作|措施|改进)?)[^。；：:]*[：:，,]/;

export function promisesOf(problems: string): string[] {
  const m = PROMISES_START.exec(problems);
  if (!m) return [];
  return clausesOf(problems.slice(m.index + m[0].length)).map((c) => c.text.replace(/^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/, ''));
}

/** a section 五 without its closing promises: what it says about the year, not about the next */
function withoutPromises(problems: string): string {
  const m = PROMISES_START.exec(problems);
  return m ? problems.slice(0, m.index) : problems;
}

export function followUpOfPromises(before: ReportContent, after: ReportContent): PromiseFollowUp[] {
  const promises = promisesOf(before.sections.problems ?? '');
  if (promises.length === 0) return [];
  // this year's own promises (for next year) are not a report on last year's, even in the same words
  const clauses = NARRATIVE_KEYS.flatMap((k) => clausesOf(k === 'problems' ? withoutPromises(after.sections[k] ?? '') : (after.sections[k] ?? '')));
  return promises.map((promise) => {
    let best: { text: string; s: number } | null = null;
    for (const c of clauses) {
      const s = textSimilarity(promise, c.text);
      if (!best || s > best.s) best = { text: c.text, s };
    }
    const similarity = Math.round((best?.s ?? 0) * 1000) / 1000;
    return { promise, reportedAs: best && best.s >= PROMISE_REPORTED_SIMILARITY ? best.text : null, similarity };
  });
}
