/** Building rule results and reading cells the way every rule does. */
import type { CellValue } from '../report';
import { RULES_BY_ID } from './rules';
import type { RuleResult, ValidationResult } from './types';

/** collects results into errors / warnings / notAssessable; results of rules the format does not apply are dropped */
export class ResultSink implements ValidationResult {
  errors: RuleResult[] = [];
  warnings: RuleResult[] = [];
  notAssessable: RuleResult[] = [];

  /** @param applies the ids of the rules that apply (all when omitted) */
  constructor(private readonly applies?: ReadonlySet<string>) {}

  failed(ruleId: string, suffix: string | null, cells: string[], expected: RuleResult['expected'], actual: RuleResult['actual'], message: string) {
    if (this.applies && !this.applies.has(ruleId)) return;
    const result = this.make(ruleId, suffix, 'failed', cells, message);
    result.expected = expected;
    result.actual = actual;
    (result.severity === 'error' ? this.errors : this.warnings).push(result);
  }

  notAssessableBecause(ruleId: string, suffix: string | null, cells: string[], message: string) {
    if (this.applies && !this.applies.has(ruleId)) return;
    this.notAssessable.push(this.make(ruleId, suffix, 'notAssessable', cells, message));
  }

  result(): ValidationResult {
    return { errors: this.errors, warnings: this.warnings, notAssessable: this.notAssessable };
  }

  private make(ruleId: string, suffix: string | null, status: RuleResult['status'], cells: string[], message: string): RuleResult {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) throw new Error(`未登记的规则：${ruleId}`);
    return { ruleId, id: suffix === null ? ruleId : `${ruleId}:${suffix}`, severity: rule.severity, status, cells, message };
  }
}

/** a cell's number; null when blank or absent; NaN when it holds something that is not a finite number */
export function readCell(cells: Record<string, CellValue | unknown>, key: string): number | null {
  const value = cells[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

export interface Reading {
  /** the values in order; null = blank, NaN = invalid */
  values: (number | null)[];
  blank: number;
  invalid: number;
}

export function readCells(cells: Record<string, CellValue | unknown>, keys: string[]): Reading {
  const values: (number | null)[] = new Array(keys.length);
  let blank = 0;
  let invalid = 0;
  for (let i = 0; i < keys.length; i++) {
    const v = readCell(cells, keys[i]);
    values[i] = v;
    if (v === null) blank++;
    else if (Number.isNaN(v)) invalid++;
  }
  return { values, blank, invalid };
}

/** sum of readable values (only call when blank and invalid are 0) */
export function sumOf(values: (number | null)[], from = 0, to = values.length): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] as number;
  return total;
}

/** why a rule could not be evaluated, for a notAssessable message */
export function unreadableReason(reading: Reading): string {
  const parts: string[] = [];
  if (reading.blank) parts.push(`${reading.blank}个单元格空白`);
  if (reading.invalid) parts.push(`${reading.invalid}个单元格不是有效数值`);
  return parts.join('、');
}
