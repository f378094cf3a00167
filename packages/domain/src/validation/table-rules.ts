/** The error rules: the 勾稽关系 of tables 3 and 4, cell kinds and blanks. */
import type { ReportContent } from '../report';
import type { FormatPlan, SumPlan } from './plan';
import { cellValueProblem } from './cell-value';
import { showNumber } from './numbers';
import { readCells, ResultSink, sumOf, unreadableReason } from './results';

function checkSums(
  sink: ResultSink,
  ruleId: string,
  plans: SumPlan[],
  report: ReportContent,
  message: (plan: SumPlan, total: number, parts: number) => string,
  subject: (plan: SumPlan) => string,
) {
  for (const plan of plans) {
    const keys = [plan.totalKey, ...plan.partKeys];
    const reading = readCells(report.cells, keys);
    if (reading.blank || reading.invalid) {
      sink.notAssessableBecause(ruleId, plan.id, keys, `${subject(plan)}：${unreadableReason(reading)}，无法核对`);
      continue;
    }
    const total = reading.values[0] as number;
    const parts = sumOf(reading.values, 1);
    if (total !== parts) sink.failed(ruleId, plan.id, keys, parts, total, message(plan, total, parts));
  }
}

export function checkT3RowTotals(sink: ResultSink, plan: FormatPlan, report: ReportContent) {
  checkSums(
    sink,
    't3.rowTotal',
    plan.t3RowTotals,
    report,
    (p, total, parts) => `表三 ${p.name}：总计栏（${total}）不等于六类申请人之和（${parts}）`,
    (p) => `表三 ${p.name}的总计栏`,
  );
}

export function checkT3ColumnTotals(sink: ResultSink, plan: FormatPlan, report: ReportContent) {
  checkSums(
    sink,
    't3.columnTotal',
    plan.t3ColumnTotals,
    report,
    (p, total, parts) => `表三 ${p.name}列：（七）总计（${total}）不等于各项办理结果之和（${parts}）`,
    (p) => `表三 ${p.name}列的（七）总计`,
  );
}

export function checkT3Balance(sink: ResultSink, plan: FormatPlan, report: ReportContent) {
  for (const b of plan.t3Balances) {
    const keys = [b.newKey, b.carriedKey, b.totalKey, b.carryForwardKey];
    const reading = readCells(report.cells, keys);
    if (reading.blank || reading.invalid) {
      sink.notAssessableBecause('t3.balance', b.column, keys, `表三 ${b.name}列：${unreadableReason(reading)}，无法核对第一项加第二项之和是否等于第三项加第四项之和`);
      continue;
    }
    const [n, c, t, f] = reading.values as number[];
    const received = n + c;
    const handled = t + f;
    if (received !== handled) {
      sink.failed(
        't3.balance',
        b.column,
        keys,
        received,
        handled,
        `表三 ${b.name}列：第一项加第二项之和（${received}）不等于第三项加第四项之和（${handled}）`,
      );
    }
  }
}

export function checkT4BlockTotals(sink: ResultSink, plan: FormatPlan, report: ReportContent) {
  checkSums(
    sink,
    't4.blockTotal',
    plan.t4BlockTotals,
    report,
    (p, total, parts) => `表四 ${p.name}：总计（${total}）不等于结果维持、结果纠正、其他结果、尚未审结之和（${parts}）`,
    (p) => `表四 ${p.name}的总计`,
  );
}

/** cell.kind and cell.blank: one pass over every cell of the format */
export function checkCells(sink: ResultSink, plan: FormatPlan, report: ReportContent) {
  const cells = report.cells as Record<string, unknown>;
  for (const def of plan.cells) {
    const value = cells[def.key];
    if (value === null || value === undefined) {
      sink.failed('cell.blank', def.key, [def.key], 0, null, `${def.label}：未填写。空白不等于0，没有发生的请填写0`);
      continue;
    }
    const problem = cellValueProblem(def, value);
    if (problem) sink.failed('cell.kind', def.key, [def.key], null, typeof value === 'number' && Number.isFinite(value) ? value : showNumber(value as number), problem);
  }
}
