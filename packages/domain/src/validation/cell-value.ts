import type { CellDefinition } from '../formats';
import { decimalPlaces, showNumber } from './numbers';

/**
 * What is wrong with one non-blank value of a cell, as a Chinese sentence naming the cell — or null
 * when the value fits the cell's kind. The one statement of the cell-kind rule (counts
 * are whole numbers ≥ 0, 2019's 本年增/减 whole numbers, amounts ≥ 0 with at most `decimals` places):
 * validation reports it as `cell.kind`, the API refuses such input with it.
 */
export function cellValueProblem(def: CellDefinition, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${def.label}：不是有效数值（${showNumber(value as number)}）`;
  }
  if (def.kind === 'count') {
    return Number.isInteger(value) && value >= 0 ? null : `${def.label}：应为不小于0的整数，填写的是${showNumber(value)}`;
  }
  if (def.kind === 'change') {
    return Number.isInteger(value) ? null : `${def.label}：应为整数（减少时填负数），填写的是${showNumber(value)}`;
  }
  const decimals = def.decimals ?? 4;
  if (value >= 0 && decimalPlaces(value) <= decimals) return null;
  return `${def.label}：应为不小于0、最多${decimals}位小数的金额${def.unit ? `（单位：${def.unit}）` : ''}，填写的是${String(value)}`;
}
