/**
 * The cross-year warnings (they need last year's report of the same agency) and carryOver, which fills
 * a new report's carried-over cells from last year's.
 */
import { getFormat, type FormatId } from '../formats';
import type { ReportContent } from '../report';
import { planFor } from './plan';
import type { FormatPlan } from './plan';
import { readCell, readCells, ResultSink, sumOf, unreadableReason } from './results';

/** does this format's table 2 continue one of last year's format (the format lists it in carryOver)? */
export function continuesTable2(format: FormatId, previousFormat: FormatId): boolean {
  return Object.prototype.hasOwnProperty.call(getFormat(format).carryOver, previousFormat);
}

/** why last year's report cannot serve the cross-year rules, or null when it can */
export function previousProblem(report: ReportContent, previous: ReportContent | null | undefined): string | null {
  if (!previous) return '没有上年度报告，无法进行跨年度核对';
  if (previous.year !== report.year - 1) return `提供的上年报告是${previous.year}年度的，不是${report.year - 1}年度的，无法进行跨年度核对`;
  return null;
}

export function checkT3CarryOver(sink: ResultSink, plan: FormatPlan, report: ReportContent, previous: ReportContent | null | undefined) {
  const problem = previousProblem(report, previous);
  if (problem) {
    sink.notAssessableBecause('t3.carryOver', null, plan.t3Balances.map((b) => b.carriedKey), `表三 二、上年结转：${problem}`);
    return;
  }
  for (const b of plan.t3Balances) {
    const now = readCell(report.cells, b.carriedKey);
    const before = readCell(previous!.cells, b.carryForwardKey);
    if (now === null || before === null || Number.isNaN(now) || Number.isNaN(before)) {
      const which = now === null || Number.isNaN(now) ? '本年“二、上年结转”' : '上年报告“四、结转下年度继续办理”';
      sink.notAssessableBecause('t3.carryOver', b.column, [b.carriedKey], `表三 ${b.name}列：${which}空白或无效，无法核对结转`);
      continue;
    }
    if (now !== before) {
      sink.failed(
        't3.carryOver',
        b.column,
        [b.carriedKey],
        before,
        now,
        `表三 ${b.name}列：本年“二、上年结转”（${now}）不等于上年报告“四、结转下年度继续办理”（${before}）`,
      );
    }
  }
}

export function checkT2ProjectCarryOver(sink: ResultSink, plan: FormatPlan, report: ReportContent, previous: ReportContent | null | undefined) {
  if (plan.t2ProjectRows.length === 0) return;
  const keys = plan.t2ProjectRows.map((r) => `t2.${r.row}.previous`);
  let problem = previousProblem(report, previous);
  if (!problem && !continuesTable2(report.format, previous!.format)) problem = `上年报告使用${previous!.format}年格式，没有可比的上一年项目数量`;
  if (problem) {
    sink.notAssessableBecause('t2.projectCarryOver', null, keys, `表二 上一年项目数量：${problem}`);
    return;
  }
  for (const { row, name } of plan.t2ProjectRows) {
    const key = `t2.${row}.previous`;
    const now = readCell(report.cells, key);
    const before = readCells(previous!.cells, [key, `t2.${row}.change`]);
    if (now === null || Number.isNaN(now) || before.blank || before.invalid) {
      const why = now === null || Number.isNaN(now) ? '本年上一年项目数量空白或无效' : `上年报告${unreadableReason(before)}`;
      sink.notAssessableBecause('t2.projectCarryOver', row, [key], `表二 ${name}：${why}，无法核对`);
      continue;
    }
    const [prevCount, prevChange] = before.values as number[];
    const expected = prevCount + prevChange;
    if (now !== expected) {
      sink.failed(
        't2.projectCarryOver',
        row,
        [key],
        expected,
        now,
        `表二 ${name}：本年“上一年项目数量”（${now}）不等于上年报告的上一年项目数量加本年增/减（${prevCount}${prevChange < 0 ? '' : '+'}${prevChange}=${expected}）`,
      );
    }
  }
}

export function checkT2InForce(sink: ResultSink, plan: FormatPlan, report: ReportContent, previous: ReportContent | null | undefined) {
  if (plan.t2InForceRows.length === 0) return;
  const keys = plan.t2InForceRows.map((r) => `t2.${r.row}.inForce`);
  let problem = previousProblem(report, previous);
  if (!problem && !continuesTable2(report.format, previous!.format)) problem = `上年报告使用${previous!.format}年格式，没有现行有效件数可比`;
  if (problem) {
    sink.notAssessableBecause('t2.inForce', null, keys, `表二 现行有效件数：${problem}`);
    return;
  }
  for (const { row, name } of plan.t2InForceRows) {
    const rowKeys = [`t2.${row}.inForce`, `t2.${row}.issued`, `t2.${row}.repealed`];
    const now = readCells(report.cells, rowKeys);
    const before = readCell(previous!.cells, `t2.${row}.inForce`);
    if (now.blank || now.invalid || before === null || Number.isNaN(before)) {
      const why = now.blank || now.invalid ? `本年${unreadableReason(now)}` : '上年报告现行有效件数空白或无效';
      sink.notAssessableBecause('t2.inForce', row, rowKeys, `表二 ${name}：${why}，无法核对现行有效件数`);
      continue;
    }
    const [inForce, issued, repealed] = now.values as number[];
    const expected = before + issued - repealed;
    if (inForce !== expected) {
      sink.failed(
        't2.inForce',
        row,
        rowKeys,
        expected,
        inForce,
        `表二 ${name}：现行有效件数（${inForce}）不等于上年现行有效件数加本年制发件数减本年废止件数（${before}+${issued}−${repealed}=${expected}）`,
      );
    }
  }
}

/**
 * The cells of a new report of `format` that are filled from last year's report: table 3's 二、上年结转
 * from last year's 四、结转下年度继续办理 (any formats), and the cells the format's carry-over map
 * names for last year's format (format 2019 to 2019: table 2's 上一年项目数量 from last year's
 * 上一年项目数量 + 本年增/减). null where last year's cells are blank or invalid.
 */
export function carryOver(previous: ReportContent, format: FormatId): Record<string, number | null> {
  const plan = planFor(format);
  const filled: Record<string, number | null> = {};
  for (const b of plan.t3Balances) {
    const v = readCell(previous.cells, b.carryForwardKey);
    filled[b.carriedKey] = v === null || Number.isNaN(v) ? null : v;
  }
  const map = continuesTable2(format, previous.format) ? plan.format.carryOver[previous.format] : {};
  for (const [key, from] of Object.entries(map)) {
    const r = readCells(previous.cells, [...from]);
    filled[key] = r.blank || r.invalid ? null : sumOf(r.values);
  }
  return filled;
}
