/**
 * Where every cell of the official tables sits in a spreadsheet: one sheet per table (表二, 表三, 表四),
 * the section title in row 1, then the domain's layout grids (table 2 draws one per 第二十条 item) with a
 * blank row between. The XLSX writer and the XLSX importer both read this one plan, so what is written
 * is exactly what is expected back.
 *
 * Value positions are found without knowing the grid's internals: the layout is drawn for a probe
 * report whose every cell holds its own index, and the text found at a value position names the key.
 */
import { getFormat, type FormatId, type TableId } from '@touming/domain/formats';
import { emptyReport } from '@touming/domain/report';
import { tableLayout } from '@touming/domain/render';

export const SHEET_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** a position in a sheet, 1-based as spreadsheets count */
export interface SheetPosition {
  row: number;
  col: number;
}

export interface PlacedCell extends SheetPosition {
  /** the printed text (labels); '' for a value cell */
  text: string;
  rowspan: number;
  colspan: number;
  header: boolean;
  /** the cell key for a value cell */
  key?: string;
}

export interface SheetPlan {
  table: TableId;
  name: string;
  title: string;
  width: number;
  height: number;
  cells: PlacedCell[];
}

/** "C7" for row 7, column 3 */
export function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

export function rangeAddress(c: PlacedCell): string {
  const start = cellAddress(c.row, c.col);
  return c.rowspan > 1 || c.colspan > 1 ? `${start}:${cellAddress(c.row + c.rowspan - 1, c.col + c.colspan - 1)}` : start;
}

const cache = new Map<FormatId, SheetPlan[]>();

export function sheetPlans(formatId: FormatId): SheetPlan[] {
  const cached = cache.get(formatId);
  if (cached) return cached;
  const format = getFormat(formatId);
  const probe = emptyReport(formatId, 2000, '');
  const keyByProbe = new Map<string, string>();
  format.cells.forEach((c, i) => {
    probe.cells[c.key] = i + 1;
    keyByProbe.set(String(i + 1), c.key);
  });
  const plans = (['t2', 't3', 't4'] as const).map((table): SheetPlan => {
    const grids = tableLayout(format, table, probe);
    const width = Math.max(...grids.map((g) => g.rows[0].reduce((n, c) => n + (c.colspan ?? 1), 0)));
    const title = format.sections.find((s) => s.key === table)!.title;
    const cells: PlacedCell[] = [{ row: 1, col: 1, text: title, rowspan: 1, colspan: width, header: true }];
    let top = 3;
    for (const grid of grids) {
      // the same walk as the domain's expandGrid: a cell takes the first position not covered by a span
      const covered = new Set<string>();
      grid.rows.forEach((row, r) => {
        let col = 1;
        for (const cell of row) {
          while (covered.has(`${r}:${col}`)) col++;
          const rowspan = cell.rowspan ?? 1;
          const colspan = cell.colspan ?? 1;
          for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) covered.add(`${r + dr}:${col + dc}`);
          const key = cell.value ? keyByProbe.get(cell.text) : undefined;
          if (cell.value && !key) throw new Error(`sheetPlans: value cell without a key in ${table} (${cell.text})`);
          cells.push({ row: top + r, col, text: cell.value ? '' : cell.text, rowspan, colspan, header: !!cell.header, ...(key ? { key } : {}) });
          col += colspan;
        }
      });
      top += grid.rows.length + 1;
    }
    return { table, name: SHEET_NAMES[table], title, width, height: top - 2, cells };
  });
  cache.set(formatId, plans);
  return plans;
}
