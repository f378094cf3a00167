import type { ReportContent } from '../report';
import { carryOver, checkT2InForce, checkT2ProjectCarryOver, checkT3CarryOver } from './cross-year';
import { planFor } from './plan';
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

/**
 * Every consistency rule (./rules.ts) on one report. Errors block submission; warnings need a written 说明;
 * rules that cannot be evaluated (no last-year report, blank cells) are listed as notAssessable.
 */
export function validateReport(report: ReportContent, options: ValidationOptions = {}): ValidationResult {
  const plan = planFor(report.format);
  const previous = options.previous ?? null;
  const sink = new ResultSink();

  checkT3RowTotals(sink, plan, report);
  checkT3ColumnTotals(sink, plan, report);
  checkT3Balance(sink, plan, report);
  checkT4BlockTotals(sink, plan, report);
  checkCells(sink, plan, report);

  checkT3CarryOver(sink, plan, report, previous);
  checkT2ProjectCarryOver(sink, plan, report, previous);
  checkT2InForce(sink, plan, report, previous);
  checkTextNumbers(sink, report);
  checkOtherHigh(sink, plan, report);
  checkProcessingFee(sink, report);
  checkOverviewLength(sink, report);
  checkProblemsSimilarity(sink, report, previous);
  checkSupersededNotice(sink, report);

  return sink.result();
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
