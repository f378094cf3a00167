import type { ReportContent } from '../report';
import { carryOver, checkT2InForce, checkT2ProjectCarryOver, checkT3CarryOver } from './cross-year';
import { planFor, type FormatPlan } from './plan';
import { readCells, ResultSink, sumOf } from './results';
import { checkCells, checkT3Balance, checkT3ColumnTotals, checkT3RowTotals, checkT4BlockTotals } from './table-rules';
import {
  checkOtherHigh,
  checkOverviewLength,
  checkProblemsSimilarity,
  checkProcessingFee,
  checkSupersededNotice,
  checkTextNumbers,
} from './text-rules';
import type { ValidationOptions, ValidationResult } from './types';

interface CheckInput {
  sink: ResultSink;
  plan: FormatPlan;
  report: ReportContent;
  previous: ReportContent | null;
}

/** the checks in the order their results are listed, each with the rules it evaluates */
export const CHECKS: ReadonlyArray<{ rules: readonly string[]; run: (c: CheckInput) => void }> = [
  { rules: ['t3.rowTotal'], run: (c) => checkT3RowTotals(c.sink, c.plan, c.report) },
  { rules: ['t3.columnTotal'], run: (c) => checkT3ColumnTotals(c.sink, c.plan, c.report) },
  { rules: ['t3.balance'], run: (c) => checkT3Balance(c.sink, c.plan, c.report) },
  { rules: ['t4.blockTotal'], run: (c) => checkT4BlockTotals(c.sink, c.plan, c.report) },
  { rules: ['cell.kind', 'cell.blank'], run: (c) => checkCells(c.sink, c.plan, c.report) },
  { rules: ['t3.carryOver'], run: (c) => checkT3CarryOver(c.sink, c.plan, c.report, c.previous) },
  { rules: ['t2.projectCarryOver'], run: (c) => checkT2ProjectCarryOver(c.sink, c.plan, c.report, c.previous) },
  { rules: ['t2.inForce'], run: (c) => checkT2InForce(c.sink, c.plan, c.report, c.previous) },
  { rules: ['text.numbers'], run: (c) => checkTextNumbers(c.sink, c.report) },
  { rules: ['t3.otherHigh'], run: (c) => checkOtherHigh(c.sink, c.plan, c.report) },
  { rules: ['s6.processingFee'], run: (c) => checkProcessingFee(c.sink, c.report) },
  { rules: ['s1.length'], run: (c) => checkOverviewLength(c.sink, c.report) },
  { rules: ['s5.similarity'], run: (c) => checkProblemsSimilarity(c.sink, c.report, c.previous) },
  { rules: ['format.superseded'], run: (c) => checkSupersededNotice(c.sink, c.report) },
];

/**
 * The consistency rules (./rules.ts) that the report's format applies, on one report. Errors block
 * submission; warnings need a written 说明; rules that cannot be evaluated (no last-year report, blank
 * cells) are listed as notAssessable.
 */
export function validateReport(report: ReportContent, options: ValidationOptions = {}): ValidationResult {
  const plan = planFor(report.format);
  const input: CheckInput = { sink: new ResultSink(plan.rules), plan, report, previous: options.previous ?? null };
  for (const check of CHECKS) if (check.rules.some((id) => plan.rules.has(id))) check.run(input);
  return input.sink.result();
}

/**
 * For every total cell of the report's format, the value computed from its parts (null when a part is
 * blank or invalid) — the console shows it beside the entered one. t3.total.total is computed from the
 * six applicant columns of the （七）总计 row.
 */
export function computedTotals(report: ReportContent): Record<string, number | null> {
  const plan = planFor(report.format);
  const out: Record<string, number | null> = {};
  for (const [key, parts] of plan.totals) {
    const reading = readCells(report.cells, parts);
    out[key] = reading.blank || reading.invalid ? null : sumOf(reading.values);
  }
  return out;
}

export { carryOver };
