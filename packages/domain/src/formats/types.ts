/**
 * The shape of an official report format. A format is data: adding a future format is adding one file
 * that exports a FormatDefinition and registering it in ./index.ts.
 */

export type FormatId = '2019' | '2021';

/** The three narrative sections; the tables are sections 二–四. */
export type NarrativeKey = 'overview' | 'problems' | 'other';
export type TableId = 't2' | 't3' | 't4';
export type SectionKey = NarrativeKey | TableId;

/**
 * count  — a whole number ≥ 0;
 * change — a whole number that may be negative (format 2019's 本年增/减);
 * amount — a decimal ≥ 0 in `unit` with at most `decimals` places.
 */
export type CellKind = 'count' | 'change' | 'amount';

export interface SectionDefinition {
  key: SectionKey;
  /** 一 … 六 */
  number: string;
  /** the heading exactly as the official template prints it, e.g. "一、总体情况" */
  title: string;
  kind: 'text' | 'table';
}

export interface ColumnDefinition {
  id: string;
  label: string;
  kind: CellKind;
  /** for amounts: the unit the value is stored in (always 万元 here) */
  unit?: string;
  decimals?: number;
  /** a header that groups several columns, e.g. 法人或其他组织 */
  group?: string;
  /** a total column whose value must equal a sum of other columns (shown read-only beside the entered one) */
  isTotal?: boolean;
}

export interface RowDefinition {
  id: string;
  label: string;
  /** grouping headers above the row, outermost first, e.g. ['三、本年度办理结果', '（三）不予公开'] */
  groups: string[];
  isTotal?: boolean;
}

/** One block of a table: table 2 has one per 第二十条 item, table 4 one per 复议/诉讼 kind, table 3 just one. */
export interface TableBlockDefinition {
  id: string;
  /** e.g. "第二十条第（一）项" (table 2) or "行政复议" (table 4); empty for table 3 */
  title: string;
  /** table 4: 行政诉讼 above 未经复议直接起诉 / 复议后起诉 */
  groups: string[];
  /** header of the label column, e.g. 信息内容 */
  labelHeader: string;
  columns: ColumnDefinition[];
  rows: RowDefinition[];
}

export interface TableDefinition {
  id: TableId;
  title: string;
  /** a note the template prints in the table, e.g. table 3's 勾稽关系 */
  note?: string;
  /** table 3's 申请人情况 header over all columns */
  columnHeader?: string;
  blocks: TableBlockDefinition[];
}

export interface CellDefinition {
  /** public API: t2.<row>.<column>, t3.<row>.<column>, t4.<block>.<column> */
  key: string;
  table: TableId;
  block: string;
  row: string;
  column: string;
  kind: CellKind;
  unit?: string;
  decimals?: number;
  /** a readable Chinese name of the cell, e.g. "表三 一、本年新收政府信息公开申请数量 · 自然人" */
  label: string;
  /** the cell is a total that rules check against its parts */
  isTotal: boolean;
}

export interface FormatDefinition {
  id: FormatId;
  name: string;
  /** the notice that published the format */
  notice: string;
  /** report years the format is used for (inclusive); `to` undefined = still in force */
  years: { from: number; to?: number };
  sections: SectionDefinition[];
  tables: TableDefinition[];
  /** every cell of the format in the official layout's order */
  cells: CellDefinition[];
}
