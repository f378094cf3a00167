/**
 * The official layout of the tables as a grid of cells with spans — one description that both the text
 * and the HTML renderer draw, so they cannot disagree about the shape of a table.
 */
import type { ColumnDefinition, FormatDefinition, TableDefinition } from '../formats';
import { cellValue, type ReportContent } from '../report';

export interface LayoutCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  header?: boolean;
  /** a value cell (right-aligned, numeric) */
  value?: boolean;
}

/** a table is drawn as one or more grids (table 2 draws one per 第二十条 item) */
export interface LayoutGrid {
  caption?: string;
  rows: LayoutCell[][];
}

export function formatValue(v: number | null): string {
  return v === null ? '' : String(v);
}

function columnLabel(c: ColumnDefinition): string {
  return c.unit && !c.label.includes(c.unit) ? `${c.label}（${c.unit}）` : c.label;
}

function table2(table: TableDefinition, report: ReportContent): LayoutGrid[] {
  return table.blocks.map((block) => {
    const width = block.columns.length + 1;
    return {
      rows: [
        [{ text: block.title, colspan: width, header: true }],
        [{ text: block.labelHeader, header: true }, ...block.columns.map((c) => ({ text: columnLabel(c), header: true }))],
        ...block.rows.map((row) => [
          { text: row.label },
          ...block.columns.map((c) => ({ text: formatValue(cellValue(report, `t2.${row.id}.${c.id}`)), value: true })),
        ]),
      ],
    };
  });
}

function table3(table: TableDefinition, report: ReportContent): LayoutGrid {
  const block = table.blocks[0];
  const cols = block.columns;
  const grouped = cols.filter((c) => c.group);
  const group = grouped[0]?.group ?? '';
  const depth = 3; // label columns: 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密
  const rows: LayoutCell[][] = [
    [
      { text: table.note ?? '', colspan: depth, rowspan: 3, header: true },
      { text: table.columnHeader ?? '', colspan: cols.length, header: true },
    ],
    cols.flatMap((c, i): LayoutCell[] => {
      if (!c.group) return [{ text: c.label, rowspan: 2, header: true }];
      return i === cols.findIndex((x) => x.group) ? [{ text: group, colspan: grouped.length, header: true }] : [];
    }),
    grouped.map((c) => ({ text: c.label, header: true })),
  ];
  // how many rows each group header spans
  const spanOf = (level: number, name: string) => block.rows.filter((r) => r.groups[level] === name).length;
  block.rows.forEach((row, index) => {
    const previous = block.rows[index - 1];
    const cells: LayoutCell[] = [];
    row.groups.forEach((g, level) => {
      if (!previous || previous.groups[level] !== g) cells.push({ text: g, rowspan: spanOf(level, g), header: true });
    });
    cells.push({ text: row.label, colspan: depth - row.groups.length, header: true });
    for (const c of cols) cells.push({ text: formatValue(cellValue(report, `t3.${row.id}.${c.id}`)), value: true });
    rows.push(cells);
  });
  return { rows };
}

function table4(table: TableDefinition, report: ReportContent): LayoutGrid {
  const [first, ...rest] = table.blocks;
  const width = first.columns.length;
  const litigation = rest[0]?.groups[0] ?? '';
  return {
    rows: [
      [
        { text: first.title, colspan: width, header: true },
        { text: litigation, colspan: width * rest.length, header: true },
      ],
      [
        ...first.columns.map((c) => ({ text: c.label, rowspan: 2, header: true })),
        ...rest.map((b) => ({ text: b.title, colspan: width, header: true })),
      ],
      rest.flatMap((b) => b.columns.map((c) => ({ text: c.label, header: true }))),
      table.blocks.flatMap((b) => b.columns.map((c) => ({ text: formatValue(cellValue(report, `t4.${b.id}.${c.id}`)), value: true }))),
    ],
  };
}

/** the grids of one table of the report in the official layout */
export function tableLayout(format: FormatDefinition, tableId: 't2' | 't3' | 't4', report: ReportContent): LayoutGrid[] {
  const table = format.tables.find((t) => t.id === tableId)!;
  if (tableId === 't2') return table2(table, report);
  if (tableId === 't3') return [table3(table, report)];
  return [table4(table, report)];
}

/** a grid with spans expanded: the text in the first covered position, '' elsewhere */
export function expandGrid(grid: LayoutGrid): string[][] {
  const out: string[][] = [];
  grid.rows.forEach((row, r) => {
    const line = (out[r] ??= []);
    let col = 0;
    for (const cell of row) {
      while (line[col] !== undefined) col++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        const target = (out[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[col + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      col += cs;
    }
  });
  return out.slice(0, grid.rows.length).map((row) => Array.from(row, (c) => c ?? ''));
}
