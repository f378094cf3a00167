/**
 * Filling table cells from table rows. A row is a list of fields (tab-separated text, or the cells of an
 * HTML grid row): label fields first, then values. Rows are recognised by their label, whatever the
 * numbering and punctuation; the values are placed column by column. What does not fit goes to
 * `unplaced` with the reason — a number is never dropped or changed.
 */
import { OTHER_HANDLING } from '../formats/common';
import type { ColumnDefinition, FormatDefinition, RowDefinition, TableBlockDefinition, TableDefinition } from '../formats';
import type { CellValue } from '../report';
import { editDistance, labelKey, parseValueCell, rowCore, shiftDecimal, type ValueCell } from './text-utils';
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

export interface Target {
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

export function targetsOf(table: TableDefinition): Target[] {
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

export type MatchKind = 'exact' | 'prefix' | 'stray' | 'fuzzy';

export interface RowMatch {
  target: Target;
  how: MatchKind;
}

function namesOf(t: Target): string[] {
  const own = t.table.id === 't4' ? t.block.title : t.row.label;
  return [own, ...(ROW_ALIASES[t.row.id] ?? [])].map(rowCore);
}

/** the one target whose names satisfy `test`; none when two different rows would (never guess between rows) */
function only(targets: Target[], test: (name: string) => boolean): Target | undefined {
  const hits = targets.filter((t) => namesOf(t).some(test));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Match a label field to a row of the table, strictest first: the exact core; a prefix either way (a
 * label cut by a line break); the core with one or two stray characters before or after it (a vertical
 * group label printed one character per line lands on the row lines); a misprint — one character
 * missing, extra or wrong (two in a long label). A tolerant match must be unique among the rows.
 */
export function matchRow(field: string, targets: Target[]): RowMatch | undefined {
  const core = rowCore(field);
  if (!core) return undefined;
  const exact = targets.find((t) => namesOf(t).includes(core));
  if (exact) return { target: exact, how: 'exact' };
  if (core.length >= 4) {
    const prefix = targets.find((t) => namesOf(t).some((n) => n.length >= 4 && (core.startsWith(n) || n.startsWith(core))));
    if (prefix) return { target: prefix, how: 'prefix' };
  }
  const key = labelKey(field);
  const cjk = /^[\u4e00-\u9fff]+$/;
  for (const k of [1, 2]) {
    const variants: string[] = [];
    if (cjk.test(key.slice(0, k))) variants.push(rowCore(key.slice(k)));
    if (cjk.test(core.slice(-k))) variants.push(core.slice(0, -k));
    for (const variant of variants) {
      if (variant.length < 3) continue;
      const stray = only(targets, (n) => n === variant);
      if (stray) return { target: stray, how: 'stray' };
    }
  }
  if (core.length >= 5) {
    const max = core.length >= 9 ? 2 : 1;
    for (let d = 1; d <= max; d++) {
      const fuzzy = only(targets, (n) => n.length >= 5 && editDistance(core, n, d) <= d);
      if (fuzzy) return { target: fuzzy, how: 'fuzzy' };
    }
  }
  return undefined;
}

function splitFields(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((f) => f.trim());
  // space-separated: the label may contain spaces ("7. 属于行政执法案卷"); the values are the trailing run of numbers
  const parts = text.trim().split(/([\s\u00a0\u3000]+)/);
  const tokens = parts.filter((_, i) => i % 2 === 0).filter(Boolean);
  let first = tokens.length;
  while (first > 0 && parseValueCell(tokens[first - 1]).kind !== 'text') first--;
  if (first === 0) return tokens;
  // in the label a single space belongs to the label; a wider gap — pdftotext -layout prints one between the
  // characters of a merged group label and the row label — separates label fields
  const labelPart = parts.slice(0, 2 * first - 1).join('');
  const labels = labelPart
    .split(/[ \u00a0]{2,}|\u3000{2,}/)
    .map((l) => l.trim().replace(/[\s\u00a0\u3000]+/g, ' '))
    .filter(Boolean);
  return [...labels, ...tokens.slice(first)];
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
function fitValues(raw: string[], count: number): { values: string[]; surplus: string[]; short: boolean; uncertain?: string[] } {
  let values = [...raw];
  // merged label cells leave empty fields between the label and the values
  while (values.length > count && values[0] === '') values.shift();
  // trailing tabs
  while (values.length > count && values[values.length - 1] === '') values.pop();
  // as many stated values as columns, with empty fields between them (cells a header grid split that
  // the data row does not): the values map in order
  const stated = values.filter((v) => v !== '');
  if (values.length > count && stated.length === count) values = stated;
  let surplus: string[] = [];
  if (values.length > count && stated.length < count) {
    // more fields than columns but fewer numbers: which field is which column is unknowable
    return { values: [], surplus: [], short: true, uncertain: values };
  }
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
    const match = this.findTarget(row.labels, row.hasNumber);
    const target = match?.target;
    if (!row.hasNumber) {
      if (target && row.values.every((v) => v === '')) {
        // a row whose cells are all blank, or a label whose numbers follow on the next line (page break)
        this.notePlacement(match!, row.labels, line);
        // a row rebuilt whole (from positions) has no numbers to come
        this.pending = line.complete ? undefined : target;
        this.filled.add(target.keys[0]);
        return;
      }
      this.readHeader(row.labels.join(''), text);
      return;
    }
    if (target) {
      this.pending = undefined;
      this.notePlacement(match!, row.labels, line);
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

  private findTarget(labels: string[], hasNumber: boolean): (RowMatch & { via2019?: boolean }) | undefined {
    // the most specific label is the last one: "三、本年度办理结果 (三)不予公开 1.属于国家秘密"
    for (let i = labels.length - 1; i >= 0; i--) {
      const t = matchRow(labels[i], this.targets);
      if (t) return t;
    }
    // the whole label, when a wrapped or spaced-out label came in pieces
    if (labels.length > 1) {
      const joined = matchRow(labels.join(''), this.targets);
      if (joined) return joined;
    }
    // a county template that keeps the 2019 format's single （六）其他处理 row inside a 2021-format table:
    // its numbers are the 其他处理 of the year, which the 2021 format counts under 3.其他
    if (hasNumber && labels.length && this.table.id === 't3' && rowCore(labels[labels.length - 1]) === rowCore(OTHER_HANDLING)) {
      const other = this.targets.find((t) => t.row.id === 'other.other');
      if (other) return { target: other, how: 'exact', via2019: true };
    }
    return undefined;
  }

  /** a tolerant match is a reading a person should be able to check */
  private notePlacement(match: RowMatch & { via2019?: boolean }, labels: string[], line: SourceLine) {
    const printed = labels.join(' ');
    if (match.via2019) {
      this.sink.notes.push(
        `第${line.no}行 表三按2019年格式只有一行“（六）其他处理”（${printed}）：其数字填入本格式的“（六）其他处理 3.其他”；“1.申请人无正当理由逾期不补正……”和“2.申请人逾期未按收费通知要求缴纳费用……”两行原文没有，留空。`,
      );
    } else if (match.how === 'stray' || match.how === 'fuzzy') {
      const what = match.how === 'stray' ? '行名前后多出的单字（竖排的分组名）不计' : '行名与格式相差一两个字（漏字、多字或错字）';
      this.sink.notes.push(`第${line.no}行 “${printed}”按表${tableNumber(this.table)}“${match.target.name}”读入：${what}。`);
    }
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
    const { values, surplus, short, uncertain } = fitValues(rawValues, target.keys.length);
    if (uncertain) {
      this.unplaceRow(target, uncertain, line, where, `这一行有${uncertain.length}格、${uncertain.filter((v) => v !== '').length}个数，与表格的${target.keys.length}列对不上`);
      return;
    }
    if (surplus.some((v) => v !== '')) {
      // more numbers than columns: which one is extra is unknown, unless every way of choosing the
      // columns gives the same cells (a row of zeros with one zero too many)
      const all = [...surplus, ...values];
      const count = target.keys.length;
      const windows = Array.from({ length: all.length - count + 1 }, (_, i) => all.slice(i, i + count).join('\t'));
      const stated = all.filter((v) => v !== '').length;
      if (windows.some((w) => w !== windows[0])) {
        this.unplaceRow(target, all, line, where, `这一行有${stated}个数，但表格只有${count}列，无法确定多出的是哪一个`);
        return;
      }
      this.sink.notes.push(
        `第${line.no}行 ${where}这一行有${stated}个数，但表格只有${count}列；无论多出的是哪一个，各列的数都相同，已填入，多出的“${surplus.filter((v) => v !== '').join('、')}”未导入。`,
      );
    }
    const cells = values.map(parseValueCell);
    if (short) this.placeShort(target, cells, values, line, where);
    else cells.forEach((c, i) => this.setCell(target, i, c, values[i], line, where));
  }

  /**
   * A row with fewer fields than columns: the text lost a cell (PDF extraction drops empty cells and cells
   * under merged labels), and which one is unknown. Only when every stated number is 0 and the row has a
   * 总计 column is the missing cell determined whatever its position: the row sum rule makes it 0.
   * Otherwise nothing of the row is placed — a number in the wrong column looks imported and is wrong —
   * and its numbers are listed as unplaced, which makes the import an error a person has to look at.
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
    this.unplaceRow(target, values, line, where, `只有${values.filter((v) => v !== '').length}个数（应有${count}个），无法确定缺的是哪一列`);
  }

  private unplaceRow(target: Target, values: string[], line: SourceLine, where: string, why: string) {
    for (const key of target.keys) this.sink.cells[key] = null;
    for (const v of values) {
      if (v !== '') this.sink.unplaced.push({ line: line.no, text: v, reason: `${where}${why}：整行未填入，请对照原文填写` });
    }
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
