/**
 * The shape of an official report format. A format is one file that exports a FormatDefinition holding
 * everything specific to it — the years it is used for, its tables, the official notice, the labels
 * that tell it apart on import, which rules apply, what carries over from last year's report — plus
 * one line in ./registry.ts (or a registerFormat call). Everything else (the format of a year, import
 * detection, the notices a report may cite, the rule engine, rendering, the generator, the API's
 * `formats` query) iterates over the registered formats.
 */
import type { ReportContent } from '../report';

/**
 * The id of a registered format, by convention the first report year it is used for ("2019", "2021").
 * The set of ids is data (the registry), so this is a string: check outside input with isFormatId.
 */
export type FormatId = string;

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

/**
 * This year's cell → the cells of last year's report whose sum it starts from, e.g. format 2019's
 * `t2.licensing.previous` ← [`t2.licensing.previous`, `t2.licensing.change`].
 */
export type CarryOverMap = Readonly<Record<string, readonly string[]>>;

/** the small random source the report generator hands to a format's demo hook */
export interface DemoRandom {
  /** a whole number in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  /** a count with the given mean (≥ 0) */
  count(mean: number): number;
}

/** what a format's demo hook gets to fill table 2 of a generated report */
export interface DemoTable2Input {
  rng: DemoRandom;
  /** the report's cells, to be filled */
  cells: Record<string, number | null>;
  /** last year's report when this format's table 2 continues it (its format is in `carryOver`), else null */
  lastYear: ReportContent | null;
  /** the cells carryOver() filled from last year's report */
  carried: Record<string, number | null>;
  /** size of the agency (1 an ordinary department) */
  scale: number;
  /** an amount in 万元 with up to 4 decimals, made from whole 元 (≥ 1000 元, ≤ maxYuan) so it is exact */
  amountInWan(maxYuan: number): number;
}

export interface FormatDefinition {
  id: FormatId;
  name: string;
  /** the notice that published the format, as reports cite it, e.g. "国办公开办函〔2021〕30号" */
  notice: string;
  /**
   * report years the format is used for (inclusive); `to` undefined = until a later format's `from`.
   * formatForYear picks the format with the latest `from` not after the year.
   */
  years: { from: number; to?: number };
  sections: SectionDefinition[];
  tables: TableDefinition[];
  /** every cell of the format in the official layout's order */
  cells: CellDefinition[];
  /** labels that only this format's tables print: the importer takes the format whose markers a source contains most */
  importMarkers: readonly string[];
  /** ids of the consistency rules (validation's RULES) that apply to reports of this format */
  rules: readonly string[];
  /**
   * What carries over from last year's report, by the format last year's report follows. A format
   * listed here is one whose table 2 this format's continues (same row and column ids, same meaning):
   * the table-2 cross-year rules compare with it, and carryOver() fills the mapped cells of a new
   * report. Table 3's 二、上年结转 ← 四、结转下年度继续办理 holds between any two formats (table 3 is
   * the same in all) and is not listed.
   */
  carryOver: Readonly<Record<FormatId, CarryOverMap>>;
  /** optional hooks for the demo/test report generator; without them it fills table 2 generically */
  demo?: {
    /** fill every table-2 cell consistently with last year's report */
    table2?(input: DemoTable2Input): void;
  };
}
