/** Indexing the domain's validation results by cell and by table row, for highlighting in the tables. */
import type { RuleResult, ValidationResult } from '@touming/domain/validation';
import type { FormatDefinition } from '@touming/domain/formats';

export interface CellProblems {
  /** errors other than "blank" (勾稽不平, wrong kind of number) */
  errors: RuleResult[];
  warnings: RuleResult[];
  /** the cell is blank in a report that must have every cell */
  blank: boolean;
}

export interface ProblemIndex {
  byCell: Map<string, CellProblems>;
  /** results shown under a table row: the row holding the last of the result's cells in layout order */
  byRowAnchor: Map<string, RuleResult[]>;
  blankKeys: string[];
}

export const BLANK_RULE = 'cell.blank';

/** "t3.new.natural" → the row anchor "t3:t3:new"; rows are identified by table, block and row id */
export function rowAnchor(table: string, block: string, row: string) {
  return `${table}:${block}:${row}`;
}

export function indexProblems(format: FormatDefinition, validation: ValidationResult): ProblemIndex {
  const order = new Map(format.cells.map((c, i) => [c.key, i]));
  const defs = new Map(format.cells.map((c) => [c.key, c]));
  const byCell = new Map<string, CellProblems>();
  const byRowAnchor = new Map<string, RuleResult[]>();
  const blankKeys: string[] = [];
  const entry = (key: string) => {
    let p = byCell.get(key);
    if (!p) byCell.set(key, (p = { errors: [], warnings: [], blank: false }));
    return p;
  };
  const anchor = (result: RuleResult) => {
    const cells = result.cells.filter((k) => order.has(k));
    if (!cells.length) return;
    const last = cells.reduce((a, b) => ((order.get(b) ?? 0) > (order.get(a) ?? 0) ? b : a));
    const def = defs.get(last)!;
    const id = rowAnchor(def.table, def.block, def.row);
    const list = byRowAnchor.get(id) ?? [];
    list.push(result);
    byRowAnchor.set(id, list);
  };
  for (const result of validation.errors) {
    if (result.ruleId === BLANK_RULE) {
      for (const key of result.cells) {
        entry(key).blank = true;
        blankKeys.push(key);
      }
      continue;
    }
    for (const key of result.cells) entry(key).errors.push(result);
    anchor(result);
  }
  for (const result of validation.warnings) {
    for (const key of result.cells) entry(key).warnings.push(result);
    anchor(result);
  }
  blankKeys.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { byCell, byRowAnchor, blankKeys };
}
