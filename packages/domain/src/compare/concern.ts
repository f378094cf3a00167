/**
 * How much a year-on-year comparison deserves a person's look, for ranking a county's agencies: a
 * 第五部分 copied from last year, unusual moves in the tables, carry-over that does not hold, narrative
 * numbers the tables contradict, last year's promises not mentioned. Points are weights for ordering,
 * not a quality score (that is qualityCheck's).
 */
import { THRESHOLDS } from '../validation/rules';
import type { ReportComparison } from './compare';
import { percentText } from './compare';

export const CONCERN_POINTS = {
  copiedProblems: 40,
  /** × the share of 第五部分 repeating last year clause by clause */
  repeatedProblems: 30,
  unusualCell: 3,
  unusualCellsMax: 30,
  carryOver: 5,
  carryOverMax: 20,
  narrativeNumber: 5,
  narrativeNumbersMax: 15,
  promise: 2,
  promisesMax: 10,
} as const;

export interface ComparisonConcern {
  score: number;
  /** 第五部分 at or above the copy threshold */
  copied: boolean;
  reasons: string[];
}

export function comparisonConcern(c: ReportComparison): ComparisonConcern {
  const problems = c.sections.find((s) => s.key === 'problems');
  const reasons: string[] = [];
  let score = 0;
  const copied = !!problems && problems.similarity >= THRESHOLDS.similarityMax && c.after.year !== c.before.year;
  if (copied) {
    score += CONCERN_POINTS.copiedProblems;
    reasons.push(`第五部分与上年相似度${percentText(problems!.similarity)}`);
  } else if (problems && problems.copiedShare > 0) {
    score += Math.round(problems.copiedShare * CONCERN_POINTS.repeatedProblems);
    reasons.push(`第五部分${percentText(problems.copiedShare)}逐句重复上年`);
  }
  const add = (count: number, each: number, max: number, reason: string) => {
    if (count === 0) return;
    score += Math.min(count * each, max);
    reasons.push(reason);
  };
  add(c.summary.unusualCount, CONCERN_POINTS.unusualCell, CONCERN_POINTS.unusualCellsMax, `${c.summary.unusualCount}个单元格变化异常`);
  add(c.summary.carryOverFailures, CONCERN_POINTS.carryOver, CONCERN_POINTS.carryOverMax, `${c.summary.carryOverFailures}处结转不衔接`);
  add(c.summary.narrativeDisagreements, CONCERN_POINTS.narrativeNumber, CONCERN_POINTS.narrativeNumbersMax, `${c.summary.narrativeDisagreements}处正文数字与表格不一致`);
  add(c.summary.promisesNotReported, CONCERN_POINTS.promise, CONCERN_POINTS.promisesMax, `${c.summary.promisesNotReported}项上年承诺未见提及`);
  return { score, copied, reasons };
}

export interface RankedComparison<T> {
  item: T;
  concern: ComparisonConcern | null;
  /** 1 = most to look at; equal scores share a rank; null when there was nothing to compare */
  rank: number | null;
}

/** most concern first; items without a comparison last, in their given order */
export function rankByConcern<T extends { comparison: ReportComparison | null }>(items: readonly T[]): RankedComparison<T>[] {
  const scored = items.map((item) => ({ item, concern: item.comparison ? comparisonConcern(item.comparison) : null }));
  const scores = scored.map((s) => s.concern?.score ?? null);
  const ranked = scored.map((s, i) => ({ ...s, rank: scores[i] === null ? null : 1 + scores.filter((o) => o !== null && o > scores[i]!).length }));
  return ranked
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (x.r.rank ?? Infinity) - (y.r.rank ?? Infinity) || x.i - y.i)
    .map(({ r }) => r);
}
