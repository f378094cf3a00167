import { getFormat, type CellDefinition, type FormatId } from '@touming/domain/formats';
import type { ReportTable } from './format.types';

/**
 * For each table, block and row of a format, the definitions of the row's cells in column order
 * (found once per format): report(id) draws the tables on every request, and looking each cell up by
 * a composed key was a visible share of its CPU profile.
 */
const rowCells = new Map<FormatId, CellDefinition[][][][]>();

function rowCellsOf(format: FormatId): CellDefinition[][][][] {
  let layout = rowCells.get(format);
  if (!layout) {
    const definition = getFormat(format);
    const index = new Map(definition.cells.map((c) => [`${c.table}|${c.block}|${c.row}|${c.column}`, c]));
    layout = definition.tables.map((table) =>
      table.blocks.map((block) =>
        block.rows.map((row) =>
          block.columns.flatMap((column) => {
            const def = index.get(`${table.id}|${block.id}|${row.id}|${column.id}`);
            return def ? [def] : [];
          }),
        ),
      ),
    );
    rowCells.set(format, layout);
  }
  return layout;
}

/**
 * The tables of a format in the official order and layout, filled with a report's values and the
 * computed sums of its total cells (both optional: a bare format draws empty tables).
 */
export function buildTables(
  format: FormatId,
  values: Record<string, number | null> = {},
  computed: Record<string, number | null> = {},
): ReportTable[] {
  const layout = rowCellsOf(format);
  return getFormat(format).tables.map((table, t) => ({
    id: table.id,
    title: table.title,
    note: table.note ?? null,
    columnHeader: table.columnHeader ?? null,
    blocks: table.blocks.map((block, b) => ({
      id: block.id,
      title: block.title,
      groups: block.groups,
      labelHeader: block.labelHeader,
      columns: block.columns.map((c) => ({
        id: c.id,
        label: c.label,
        kind: c.kind,
        group: c.group ?? null,
        isTotal: c.isTotal ?? false,
        unit: c.unit ?? null,
      })),
      rows: block.rows.map((row, r) => ({
        id: row.id,
        label: row.label,
        groups: row.groups,
        isTotal: row.isTotal ?? false,
        cells: layout[t][b][r].map((def) => ({ key: def.key, value: values[def.key] ?? null, computed: def.isTotal ? (computed[def.key] ?? null) : null })),
      })),
    })),
  }));
}
