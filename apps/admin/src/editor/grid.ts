/**
 * A report table as a spreadsheet sees it: the cell keys row by row in layout order (the domain's
 * cellKeyOf), for moving with Enter and the arrow keys and for pasting a block copied from Excel.
 */
import { cellKeyOf, type TableDefinition } from '@touming/domain/formats';
import type { CellValue } from '@touming/domain/report';
import { parseCellText } from './draft';

/** table 4 is one row of all its blocks; tables 2 and 3 are their blocks' rows one under another */
export function tableGrid(table: TableDefinition): string[][] {
  if (table.id === 't4') return [table.blocks.flatMap((b) => b.columns.map((c) => cellKeyOf(table, b, b.rows[0], c)))];
  return table.blocks.flatMap((b) => b.rows.map((r) => b.columns.map((c) => cellKeyOf(table, b, r, c))));
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** the key next to `key` in that direction (rows of different widths keep the nearest column), or null at an edge */
export function neighbour(grid: string[][], key: string, direction: Direction): string | null {
  const r = grid.findIndex((row) => row.includes(key));
  if (r < 0) return null;
  const c = grid[r].indexOf(key);
  if (direction === 'left') return grid[r][c - 1] ?? null;
  if (direction === 'right') return grid[r][c + 1] ?? null;
  const next = grid[direction === 'up' ? r - 1 : r + 1];
  if (!next) return null;
  return next[Math.min(c, next.length - 1)] ?? null;
}

/** the rows and columns of text copied from a spreadsheet (tab between cells, a line per row) */
export function splitBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

/** a copied block is more than one value */
export function isBlock(text: string): boolean {
  const rows = splitBlock(text);
  return rows.length > 1 || rows[0].length > 1;
}

export interface PastedBlock {
  /** numbers and blanks, by cell key */
  values: Record<string, CellValue>;
  /** what was pasted into a cell but is not a number: kept as typed, marked as an error */
  invalid: Record<string, string>;
  rows: number;
  columns: number;
  /** values that fell outside the table */
  outside: number;
}

/** lays a copied block onto the grid from `start` rightwards and downwards */
export function placeBlock(grid: string[][], start: string, text: string): PastedBlock {
  const r0 = grid.findIndex((row) => row.includes(start));
  const c0 = r0 < 0 ? 0 : grid[r0].indexOf(start);
  const block = splitBlock(text);
  const out: PastedBlock = { values: {}, invalid: {}, rows: block.length, columns: Math.max(...block.map((r) => r.length)), outside: 0 };
  if (r0 < 0) return out;
  block.forEach((cells, i) => {
    cells.forEach((raw, j) => {
      const key = grid[r0 + i]?.[c0 + j];
      if (!key) {
        if (raw.trim()) out.outside++;
        return;
      }
      const parsed = parseCellText(raw);
      if (parsed.ok) out.values[key] = parsed.value;
      else out.invalid[key] = raw.trim();
    });
  });
  return out;
}
