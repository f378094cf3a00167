/**
 * Filling table cells from table rows. A row is a list of fields (tab-separated text, or the cells of an
 * HTML grid row): label fields first, then values. Rows are recognised by their label, whatever the
 * numbering and punctuation; the values are placed column by column. What does not fit goes to
 * `unplaced` with the reason — a number is never dropped or changed.
 */
import type { ColumnDefinition, FormatDefinition, RowDefinition, TableBlockDefinition, TableDefinition } from '../formats';
import type { CellValue } from '../report';
import { labelKey, parseValueCell, rowCore, shiftDecimal, type ValueCell } from './text-utils';
import type { SourceLine, UnplacedItem } from './types';

/** labels reports use instead of the template's */
const ROW_ALIASES: Record<string, string[]> = {
  normativeDocs: ['规范性文件', '行政规范性文件'],
  otherServices: ['其他对外管理服务事项', '其他对外管理服务'],
};

export interface ImportSink {
  cells: Record<string, CellValue>;
  unplaced: UnplacedItem[];
  notes: string[];
}

interface Target {
  table: TableDefinition;
  block: TableBlockDefinition;
  row: RowDefinition;
  /** the cell keys the values go to, in order */
  keys: string[];
  columns: ColumnDefinition[];
  /** the row has a 总计 column that is the sum of the others */
  hasSum: boolean;
  name: string;
}

function keyOf(table: TableDefinition, block: TableBlockDefinition, row: RowDefinition, column: ColumnDefinition) {
  return table.id === 't4' ? `t4.${block.id}.${column.id}` : `${table.id}.${row.id}.${column.id}`;
}

function targetsOf(table: TableDefinition): Target[] {
  const targets: Target[] = [];
  for (const block of table.blocks) {
    for (const row of block.rows) {
      targets.push({
        table,
        block,
        row,
        keys: block.columns.map((c) => keyOf(table, block, row, c)),
        columns: block.columns,
        hasSum: block.columns.some((c) => c.isTotal),
        name: table.id === 't4' ? [...block.groups, block.title].join('·') : row.label,
      });
    }
  }
  return targets;
}

/** match a label field to a row of the table: exact core first, then a prefix either way */
function matchRow(field: string, targets: Target[]): Target | undefined {
  const core = rowCore(field);
  if (!core) return undefined;
  const names = (t: Target) => {
    const own = t.table.id === 't4' ? t.block.title : t.row.label;
    return [own, ...(ROW_ALIASES[t.row.id] ?? [])].map(rowCore);
  };
  const exact = targets.find((t) => names(t).includes(core));
  if (exact) return exact;
  if (core.length < 4) return undefined;
  return targets.find((t) => names(t).some((n) => n.length >= 4 && (core.startsWith(n) || n.startsWith(core))));
}

function splitFields(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((f) => f.trim());
  // space-separated: the label may contain spaces ("7. 属于行政执法案卷"); the values are the trailing run of numbers
  const tokens = text.trim().split(/[\s\u00a0\u3000]+/).filter(Boolean);
  let first = tokens.length;
  while (first > 0 && parseValueCell(tokens[first - 1]).kind !== 'text') first--;
  const label = tokens.slice(0, first).join(' ');
  return label ? [label, ...tokens.slice(first)] : tokens.slice(first);
}

interface ParsedRow {
  labels: string[];
  values: string[];
  hasNumber: boolean;
}

/** label fields are those up to the last text field before the first number; the rest are values */
function parseRow(text: string): ParsedRow {
  const fields = splitFields(text);
  const firstNumber = fields.findIndex((f) => parseValueCell(f).kind === 'number');
  const searchEnd = firstNumber === -1 ? fields.length : firstNumber;
  let lastLabel = -1;
  for (let i = 0; i < searchEnd; i++) if (fields[i] !== '' && parseValueCell(fields[i]).kind === 'text') lastLabel = i;
  return {
    labels: fields.slice(0, lastLabel + 1).filter((f) => f !== ''),
    values: fields.slice(lastLabel + 1),
    hasNumber: firstNumber !== -1,
  };
}

/** fit the value fields of a row to its column count; report what was trimmed */
function fitValues(raw: string[], count: number): { values: string[]; surplus: string[]; short: boolean } {
  let values = [...raw];
  // merged label cells leave empty fields between the label and the values
  while (values.length > count && values[0] === '') values.shift();
  // trailing tabs
  while (values.length > count && values[values.length - 1] === '') values.pop();
  let surplus: string[] = [];
  if (values.length > count) {
    surplus = values.slice(0, values.length - count);
    values = values.slice(values.length - count);
  }
  return { values, surplus, short: values.length < count };
}

type Unit = '元' | '万元' | undefined;

export class TableReader {
  private readonly targets: Target[];
  private readonly filled = new Set<string>();
  private pending: Target | undefined;
  /** the amount unit the latest header line states */
  private headerUnit: Unit;
  /** table 4 printed without labels: values fill the blocks in order */
  private t4Cursor = 0;

  constructor(
    private readonly format: FormatDefinition,
    private readonly table: TableDefinition,
    private readonly sink: ImportSink,
  ) {
    this.targets = targetsOf(table);
  }

  read(line: SourceLine): void {
    const text = line.text;
    if (text.trim() === '') return;
    const row = parseRow(text);
    const target = this.findTarget(row.labels);
    if (!row.hasNumber) {
      if (target && row.values.every((v) => v === '')) {
        // a row whose cells are all blank, or a label whose numbers follow on the next line (page break)
        this.pending = target;
        this.filled.add(target.keys[0]);
        return;
      }
      this.readHeader(row.labels.join(''), text);
      return;
    }
    if (target) {
      this.pending = undefined;
      this.place(target, row.values, line);
      return;
    }
    if (this.table.id === 't4' && row.labels.length === 0) {
      this.placeSequential(row.values, line);
      return;
    }
    if (this.pending && row.labels.every((l) => matchRow(l, this.targets) === undefined)) {
      const pending = this.pending;
      this.pending = undefined;
      this.filled.delete(pending.keys[0]);
      this.place(pending, row.values, line);
      return;
    }
    this.sink.unplaced.push({ line: line.no, text: text.trim(), reason: `无法确定这一行属于表${tableNumber(this.table)}的哪一行` });
  }

  private findTarget(labels: string[]): Target | undefined {
    // the most specific label is the last one: "三、本年度办理结果 (三)不予公开 1.属于国家秘密"
    for (let i = labels.length - 1; i >= 0; i--) {
      const t = matchRow(labels[i], this.targets);
      if (t) return t;
    }
    return undefined;
  }

  private readHeader(labels: string, text: string) {
    if (/第二十条/.test(labels) && !/金额/.test(labels)) this.headerUnit = undefined;
    if (!/金额/.test(text)) return;
    const key = labelKey(text);
    if (/万元/.test(key)) this.headerUnit = '万元';
    else if (/\(元\)|单位:元|\(单位:元\)|金额元/.test(key)) this.headerUnit = '元';
  }

  private place(target: Target, rawValues: string[], line: SourceLine) {
    const where = `表${tableNumber(this.table)}“${target.name}”`;
    if (this.filled.has(target.keys[0]) && target.keys.some((k) => this.sink.cells[k] !== null && this.sink.cells[k] !== undefined)) {
      for (const v of rawValues.filter((v) => v !== '')) {
        this.sink.unplaced.push({ line: line.no, text: v, reason: `${where}在前面已经填过，这一行重复出现` });
      }
      return;
    }
    this.filled.add(target.keys[0]);
    const { values, surplus, short } = fitValues(rawValues, target.keys.length);
    for (const s of surplus) {
      if (s === '') continue;
      this.sink.unplaced.push({
        line: line.no,
        text: s,
        reason: `${where}这一行有${rawValues.filter((v) => v !== '').length}个数，但表格只有${target.keys.length}列：多出的这个数没有放入任何单元格`,
      });
    }
    const cells = values.map(parseValueCell);
    if (short) this.placeShort(target, cells, values, line, where);
    else cells.forEach((c, i) => this.setCell(target, i, c, values[i], line, where));
  }

  /**
   * A row with fewer fields than columns: the text lost a cell (PDF extraction drops empty cells and cells
   * under merged labels), and which one is unknown. Only when every stated number is 0 and the row has a
   * 总计 column is the missing cell determined whatever its position: the row sum rule makes it 0.
   * Otherwise the numbers are placed from the left and the rest stay blank.
   */
  private placeShort(target: Target, cells: ValueCell[], values: string[], line: SourceLine, where: string) {
    const count = target.keys.length;
    const allZero = cells.length > 0 && cells.every((c) => c.kind === 'number' && c.value === 0);
    if (allZero && target.hasSum && cells.length === count - 1) {
      for (const key of target.keys) this.sink.cells[key] = 0;
      this.sink.notes.push(
        `第${line.no}行 ${where}只有${cells.length}个数（应有${count}个），原文缺一格；所列数字都是0，按本行“总计等于各列之和”缺的一格只能是0，已按0填入。`,
      );
      return;
    }
    cells.forEach((c, i) => this.setCell(target, i, c, values[i], line, where));
    this.sink.notes.push(
      `第${line.no}行 ${where}只有${cells.length}个数（应有${count}个），无法确定缺的是哪一列：已按顺序填入前${cells.length}列，其余留空。`,
    );
  }

  private setCell(target: Target, index: number, cell: ValueCell, raw: string, line: SourceLine, where: string) {
    const key = target.keys[index];
    const column = target.columns[index];
    if (cell.kind === 'blank') {
      this.sink.cells[key] = null;
      return;
    }
    if (cell.kind === 'text') {
      this.sink.cells[key] = null;
      this.sink.unplaced.push({ line: line.no, text: raw, reason: `${where}“${column.label}”一格不是数字，按空白处理` });
      return;
    }
    let value = cell.value;
    if (column.kind === 'amount') {
      const unit = cell.unit ?? this.headerUnit;
      if (unit === '元') {
        value = shiftDecimal(cell.digits, 4);
        this.sink.notes.push(`${where}“${column.label}”原文以元为单位（${raw}），已换算为${value}万元。`);
      } else if (!unit && value !== 0 && column.unit) {
        this.sink.notes.push(`${where}“${column.label}”原文未注明单位，按${column.unit}读入（${raw}）。`);
      }
    }
    this.sink.cells[key] = value;
  }

  /** table 4 as one row of 15 numbers (or 5 per line): fill the blocks in order */
  private placeSequential(rawValues: string[], line: SourceLine) {
    const blocks = this.targets;
    const width = blocks[0].keys.length;
    const remaining = (blocks.length - this.t4Cursor) * width;
    const values = [...rawValues];
    const trimTrailingTo = (n: number) => {
      while (values.length > n && values[values.length - 1] === '') values.pop();
    };
    if (values.length > remaining) {
      trimTrailingTo(remaining);
      while (values.length > remaining && values[0] === '') values.shift();
    }
    // trailing tabs: keep trailing blanks only as far as they complete a block
    const stated = values.length - [...values].reverse().findIndex((v) => v !== '');
    trimTrailingTo(Math.ceil(stated / width) * width);
    while (values.length && this.t4Cursor < blocks.length) {
      const block = blocks[this.t4Cursor++];
      this.place(block, values.splice(0, width), line);
    }
    for (const v of values) {
      if (v !== '') this.sink.unplaced.push({ line: line.no, text: v, reason: '表四的三栏都已填满，多出的这个数没有放入任何单元格' });
    }
  }
}

function tableNumber(table: TableDefinition) {
  return table.id === 't2' ? '二' : table.id === 't3' ? '三' : '四';
}

/** the table definition of a format by id */
export function tableOf(format: FormatDefinition, id: 't2' | 't3' | 't4'): TableDefinition {
  return format.tables.find((t) => t.id === id)!;
}
