/**
 * 比对报告: two reports of one agency (usually year N−1 and N) read side by side the way county offices
 * and evaluators read them — which sections were rewritten or copied, which numbers moved and by how
 * much (unusual moves first), whether the carry-over holds, and which numbers the newer narrative
 * states that its own tables contradict. Pure: the CLI, the API and the console share it.
 *
 * Across a format change (2019 → 2021) the cells both formats share (tables 3 and 4, and the table-2
 * rows that kept their ids) are compared; the rest are listed as not comparable, and table 2's
 * continuation is judged by the carry-over rules the newer format declares.
 */
import { cellDefinition, getFormat, NARRATIVE_KEYS, type NarrativeKey, type TableId } from '../formats';
import { cellValue, type CellValue, type ReportContent } from '../report';
import { validateReport, type RuleResult } from '../validation';
import { CROSS_YEAR_RULE_IDS } from '../validation/rules';
import { followUpOfPromises, type PromiseFollowUp } from './promises';
import { compareSectionText, type SectionTextComparison } from './text-diff';

export { compareSectionText, paragraphsOf, TEXT_DIFF_THRESHOLDS } from './text-diff';
export type { ParagraphChange, ParagraphDiff, SectionTextComparison } from './text-diff';
export { followUpOfPromises, promisesOf, PROMISE_REPORTED_SIMILARITY, type PromiseFollowUp } from './promises';

/** why a cell's change is listed first */
export type UnusualChange = 'signFlip' | 'jump' | 'drop' | 'fromZero' | 'toZero' | 'blanked' | 'filled';

export const UNUSUAL_CHANGE = {
  /** a value growing or shrinking by at least this factor is unusual … */
  factor: 3,
  /** … when the larger of the two values is at least this (3 → 9 requests is not news) */
  minValue: 10,
  /** a value appearing from 0 or falling to 0 is unusual from this size */
  fromZeroMin: 10,
} as const;

export const UNUSUAL_LABELS: Record<UnusualChange, string> = {
  signFlip: '正负相反',
  jump: `增长${UNUSUAL_CHANGE.factor}倍以上`,
  drop: `减少到三分之一以下`,
  fromZero: '由0变为较大数值',
  toZero: '由较大数值变为0',
  blanked: '原有数值，现为空白',
  filled: '原为空白，现有数值',
};

export interface CellComparison {
  key: string;
  table: TableId;
  /** the cell's Chinese name in the newer report's format */
  label: string;
  before: CellValue;
  after: CellValue;
  /** after − before (null when either is blank) */
  change: number | null;
  /** change as a share of before, e.g. 0.25 for +25 % (null when before is 0 or blank) */
  percent: number | null;
  unusual: UnusualChange | null;
  isTotal: boolean;
}

export interface SectionComparison extends SectionTextComparison {
  key: NarrativeKey;
  /** the section's heading in the newer report's format, e.g. "五、存在的主要问题及改进情况" */
  title: string;
}

export interface ComparedReport {
  agency: string;
  year: number;
  format: string;
}

export interface ReportComparison {
  before: ComparedReport;
  after: ComparedReport;
  sameFormat: boolean;
  /** the narrative sections, in the official order */
  sections: SectionComparison[];
  /** the cells whose value differs, unusual ones first, then by the size of the change */
  changedCells: CellComparison[];
  /** how many comparable cells kept their value */
  unchangedCells: number;
  /** cells that exist in only one of the two formats */
  notComparable: string[];
  /** the carry-over rules (last year's carried figures) applied to the newer report with the older as last year */
  carryOver: { applicable: boolean; reason?: string; failed: RuleResult[]; notAssessable: RuleResult[] };
  /** numbers the newer report's narrative states that its own tables contradict */
  narrativeNumbers: RuleResult[];
  /** the improvements the older report's section 五 promised, and whether the newer report mentions each */
  promises: PromiseFollowUp[];
  summary: ComparisonSummary;
}

export interface ComparisonSummary {
  /** the narrative sections by how much they changed (least similar first) */
  sectionsByChange: { key: NarrativeKey; title: string; similarity: number }[];
  /** a share of section 五's text repeating last year's clause by clause, when any */
  problemsCopiedShare: number;
  /** the totals that moved most (at most KEY_CHANGES), unusual ones first */
  keyChanges: CellComparison[];
  unusualCount: number;
  changedCount: number;
  carryOverFailures: number;
  narrativeDisagreements: number;
  /** promised improvements the newer report does not seem to mention */
  promisesNotReported: number;
  /** the findings in sentences, most important first, for the top of a downloaded 比对报告 */
  lines: string[];
}

const KEY_CHANGES = 8;

/** compares `after` (usually this year's report) with `before` (usually last year's) */
export function compareReports(before: ReportContent, after: ReportContent): ReportComparison {
  const afterFormat = getFormat(after.format);
  const sections: SectionComparison[] = NARRATIVE_KEYS.map((key) => ({
    key,
    title: afterFormat.sections.find((s) => s.key === key)?.title ?? key,
    ...compareSectionText(before.sections[key] ?? '', after.sections[key] ?? ''),
  }));

  const changedCells: CellComparison[] = [];
  let unchangedCells = 0;
  const notComparable: string[] = [];
  for (const cell of afterFormat.cells) {
    const old = cellDefinition(before.format, cell.key);
    if (!old) {
      notComparable.push(cell.key);
      continue;
    }
    const compared = compareCell(cell.key, cell.table, cell.label, cell.isTotal, cellValue(before, cell.key), cellValue(after, cell.key));
    if (compared) changedCells.push(compared);
    else unchangedCells++;
  }
  for (const cell of getFormat(before.format).cells) if (!cellDefinition(after.format, cell.key)) notComparable.push(cell.key);
  changedCells.sort(byImportance);

  const carryOver = carryOverOf(before, after);
  const narrativeNumbers = validateReport(after).warnings.filter((r) => r.ruleId === 'text.numbers' && r.status === 'failed');
  const promises = followUpOfPromises(before, after);
  const summary = summarise(sections, changedCells, carryOver.failed.length, narrativeNumbers, promises);
  return {
    before: { agency: before.agency, year: before.year, format: before.format },
    after: { agency: after.agency, year: after.year, format: after.format },
    sameFormat: before.format === after.format,
    sections,
    changedCells,
    unchangedCells,
    notComparable,
    carryOver,
    narrativeNumbers,
    promises,
    summary,
  };
}

/** null when the cell kept its value */
export function compareCell(key: string, table: TableId, label: string, isTotal: boolean, before: CellValue, after: CellValue): CellComparison | null {
  if (before === after) return null;
  const change = before !== null && after !== null ? round4(after - before) : null;
  if (change === 0) return null;
  const percent = change !== null && before !== null && before !== 0 ? Math.round((change / Math.abs(before)) * 10000) / 10000 : null;
  return { key, table, label, before, after, change, percent, unusual: unusualChange(before, after), isTotal };
}

/** why a change deserves a look, or null for an ordinary one */
export function unusualChange(before: CellValue, after: CellValue): UnusualChange | null {
  if (before === null && after === null) return null;
  if (before === null) return 'filled';
  if (after === null) return 'blanked';
  if (before * after < 0) return 'signFlip';
  const [b, a] = [Math.abs(before), Math.abs(after)];
  if (b === 0) return a >= UNUSUAL_CHANGE.fromZeroMin ? 'fromZero' : null;
  if (a === 0) return b >= UNUSUAL_CHANGE.fromZeroMin ? 'toZero' : null;
  if (Math.max(a, b) < UNUSUAL_CHANGE.minValue) return null;
  if (a >= b * UNUSUAL_CHANGE.factor) return 'jump';
  if (b >= a * UNUSUAL_CHANGE.factor) return 'drop';
  return null;
}

function byImportance(x: CellComparison, y: CellComparison): number {
  const unusual = Number(y.unusual !== null) - Number(x.unusual !== null);
  if (unusual !== 0) return unusual;
  return Math.abs(y.change ?? 0) - Math.abs(x.change ?? 0) || x.key.localeCompare(y.key);
}

function carryOverOf(before: ReportContent, after: ReportContent): ReportComparison['carryOver'] {
  if (after.year !== before.year + 1) {
    return { applicable: false, reason: `两份报告不是相邻年度（${before.year}年与${after.year}年），不核对结转`, failed: [], notAssessable: [] };
  }
  const result = validateReport(after, { previous: before });
  return {
    applicable: true,
    failed: result.warnings.filter((r) => CROSS_YEAR_RULE_IDS.has(r.ruleId) && r.status === 'failed'),
    notAssessable: result.notAssessable.filter((r) => CROSS_YEAR_RULE_IDS.has(r.ruleId)),
  };
}

function summarise(
  sections: SectionComparison[],
  changed: CellComparison[],
  carryOverFailures: number,
  narrative: RuleResult[],
  promises: PromiseFollowUp[],
): ComparisonSummary {
  const sectionsByChange = sections
    .map((s) => ({ key: s.key, title: s.title, similarity: s.similarity }))
    .sort((a, b) => a.similarity - b.similarity);
  const problems = sections.find((s) => s.key === 'problems');
  const problemsCopiedShare = problems?.copiedShare ?? 0;
  const totals = changed.filter((c) => c.isTotal);
  const keyChanges = (totals.length > 0 ? totals : changed).slice(0, KEY_CHANGES);
  const unusualCount = changed.filter((c) => c.unusual !== null).length;

  const lines: string[] = [];
  if (problems && problems.similarity >= 0.8) lines.push(`${problems.title}与上年高度相似（相似度${percentText(problems.similarity)}），可能照搬上年内容`);
  else if (problemsCopiedShare > 0) lines.push(`${problems!.title}有${percentText(problemsCopiedShare)}的文字逐句重复上年表述（${problems!.copied.length}句）`);
  if (narrative.length > 0) lines.push(`正文中有${narrative.length}处数字与表格不一致`);
  const promisesNotReported = promises.filter((p) => p.reportedAs === null).length;
  if (promisesNotReported > 0) lines.push(`上年报告承诺的${promises.length}项改进措施中，有${promisesNotReported}项在本年报告中未见提及`);
  if (carryOverFailures > 0) lines.push(`有${carryOverFailures}处与上年报告的结转数不衔接`);
  if (unusualCount > 0) lines.push(`有${unusualCount}个单元格变化异常（${UNUSUAL_CHANGE.factor}倍以上、正负相反或由0变为较大数值等）`);
  for (const c of keyChanges.slice(0, 3)) lines.push(`${c.label}：${valueText(c.before)} → ${valueText(c.after)}${c.change !== null ? `（${c.change > 0 ? '+' : ''}${c.change}${c.percent !== null ? `，${c.percent > 0 ? '+' : ''}${percentText(c.percent)}` : ''}）` : ''}`);
  const most = sectionsByChange[0];
  if (most && most.similarity < 1) lines.push(`改动最多的部分：${most.title}（与上年相似度${percentText(most.similarity)}）`);
  if (lines.length === 0) lines.push('两份报告的正文和表格没有差别');
  return {
    sectionsByChange,
    problemsCopiedShare,
    keyChanges,
    unusualCount,
    changedCount: changed.length,
    carryOverFailures,
    narrativeDisagreements: narrative.length,
    promisesNotReported,
    lines,
  };
}

/** 0.256 → "25.6%" */
export function percentText(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function valueText(v: CellValue): string {
  return v === null ? '空白' : String(v);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
