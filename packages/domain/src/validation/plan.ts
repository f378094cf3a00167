/**
 * Per-format rule plans: which cells each rule instance reads and how its message names them.
 * Built once per format and cached, so validating a report only reads numbers and compares them.
 */
import { getFormat, T3_APPLICANT_COLUMNS, T3_COLUMNS, T4_PART_COLUMNS, t3ResultRowIds } from '../formats';
import type { CellDefinition, FormatDefinition, FormatId, RowDefinition } from '../formats';
import { rulesOf } from './rules';

/** a total cell and the cells it must equal the sum of */
export interface SumPlan {
  /** the instance id suffix, e.g. "natural" or "withheld.stateSecret" */
  id: string;
  /** the Chinese name of the row / column / block, for messages */
  name: string;
  totalKey: string;
  partKeys: string[];
}

export interface BalancePlan {
  column: string;
  name: string;
  newKey: string;
  carriedKey: string;
  totalKey: string;
  carryForwardKey: string;
}

export interface T2RowPlan {
  row: string;
  name: string;
}

export interface FormatPlan {
  format: FormatDefinition;
  /** ids of the rules that apply to the format */
  rules: ReadonlySet<string>;
  cells: CellDefinition[];
  t3RowTotals: SumPlan[];
  t3ColumnTotals: SumPlan[];
  t3Balances: BalancePlan[];
  t4BlockTotals: SumPlan[];
  /** 其他处理 rows in the 总计 column */
  t3OtherTotalKeys: string[];
  /** format 2019 table 2 rows with 上一年项目数量 and 本年增/减 */
  t2ProjectRows: T2RowPlan[];
  /** format 2021 table 2 rows with 本年制发件数 / 本年废止件数 / 现行有效件数 */
  t2InForceRows: T2RowPlan[];
  /** every total cell → the cells it is computed from */
  totals: Map<string, string[]>;
}

const RESULTS = '三、本年度办理结果';

/** the name of a table-3 row in a message, e.g. "（三）不予公开 1.属于国家秘密" */
function t3RowName(row: RowDefinition): string {
  const label = row.label.replace(/（区分处理的.*）$/, '');
  return [...row.groups.filter((g) => g !== RESULTS), label].join(' ');
}

/** the name of a table-3 column in a message; 其他 alone would be ambiguous */
export function t3ColumnName(column: string): string {
  const def = T3_COLUMNS.find((c) => c.id === column);
  if (!def) return column;
  return column === 'otherOrg' ? `${def.group}·${def.label}` : def.label;
}

function buildPlan(formatId: FormatId): FormatPlan {
  const format = getFormat(formatId);
  const t3 = format.tables.find((t) => t.id === 't3')!;
  const t3Block = t3.blocks[0];
  const resultRows = t3ResultRowIds(t3);
  const allColumns = T3_COLUMNS.map((c) => c.id);

  const t3RowTotals: SumPlan[] = t3Block.rows.map((row) => ({
    id: row.id,
    name: t3RowName(row),
    totalKey: `t3.${row.id}.total`,
    partKeys: T3_APPLICANT_COLUMNS.map((c) => `t3.${row.id}.${c}`),
  }));
  const t3ColumnTotals: SumPlan[] = allColumns.map((column) => ({
    id: column,
    name: t3ColumnName(column),
    totalKey: `t3.total.${column}`,
    partKeys: resultRows.map((r) => `t3.${r}.${column}`),
  }));
  const t3Balances: BalancePlan[] = allColumns.map((column) => ({
    column,
    name: t3ColumnName(column),
    newKey: `t3.new.${column}`,
    carriedKey: `t3.carried.${column}`,
    totalKey: `t3.total.${column}`,
    carryForwardKey: `t3.carryForward.${column}`,
  }));

  const t4 = format.tables.find((t) => t.id === 't4')!;
  const t4BlockTotals: SumPlan[] = t4.blocks.map((block) => ({
    id: block.id,
    name: [...block.groups, block.title].join('·'),
    totalKey: `t4.${block.id}.total`,
    partKeys: T4_PART_COLUMNS.map((c) => `t4.${block.id}.${c}`),
  }));

  const t3OtherTotalKeys = t3Block.rows.filter((r) => r.id === 'other' || r.id.startsWith('other.')).map((r) => `t3.${r.id}.total`);

  const t2 = format.tables.find((t) => t.id === 't2')!;
  const t2ProjectRows: T2RowPlan[] = [];
  const t2InForceRows: T2RowPlan[] = [];
  for (const block of t2.blocks) {
    const columns = new Set(block.columns.map((c) => c.id));
    for (const row of block.rows) {
      if (columns.has('previous') && columns.has('change')) t2ProjectRows.push({ row: row.id, name: row.label });
      if (columns.has('inForce') && columns.has('issued') && columns.has('repealed')) t2InForceRows.push({ row: row.id, name: row.label });
    }
  }

  const totals = new Map<string, string[]>();
  for (const plan of t3RowTotals) totals.set(plan.totalKey, plan.partKeys);
  // t3.total.total is both a row total and a column total; the row rule (six applicants) defines its
  // computed value, the column rule checks it too.
  for (const plan of t3ColumnTotals) if (!totals.has(plan.totalKey)) totals.set(plan.totalKey, plan.partKeys);
  for (const plan of t4BlockTotals) totals.set(plan.totalKey, plan.partKeys);
  for (const cell of format.cells) {
    if (cell.isTotal && !totals.has(cell.key)) throw new Error(`格式${formatId}的合计单元格${cell.key}没有计算规则`);
  }

  return {
    format,
    rules: new Set(rulesOf(formatId).map((r) => r.id)),
    cells: format.cells,
    t3RowTotals,
    t3ColumnTotals,
    t3Balances,
    t4BlockTotals,
    t3OtherTotalKeys,
    t2ProjectRows,
    t2InForceRows,
    totals,
  };
}

const plans = new Map<FormatId, FormatPlan>();

export function planFor(format: FormatId): FormatPlan {
  let plan = plans.get(format);
  if (!plan) {
    plan = buildPlan(format);
    plans.set(format, plan);
  }
  return plan;
}
