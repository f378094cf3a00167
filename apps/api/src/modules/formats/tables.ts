import { getFormat, type CellDefinition, type FormatId } from '@touming/domain/formats';
import type { ReportTable } from './format.types';

const cellIndex = new Map<FormatId, Map<string, CellDefinition>>();

function indexOf(format: FormatId): Map<string, CellDefinition> {
  let index = cellIndex.get(format);
  if (!index) {
    index = new Map(getFormat(format).cells.map((c) => [`${c.table}|${c.block}|${c.row}|${c.column}`, c]));
    cellIndex.set(format, index);
  }
  return index;
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
  const index = indexOf(format);
  return getFormat(format).tables.map((table) => ({
    id: table.id,
    title: table.title,
    note: table.note ?? null,
    columnHeader: table.columnHeader ?? null,
    blocks: table.blocks.map((block) => ({
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
      rows: block.rows.map((row) => ({
        id: row.id,
        label: row.label,
        groups: row.groups,
        isTotal: row.isTotal ?? false,
        cells: block.columns.flatMap((column) => {
          const def = index.get(`${table.id}|${block.id}|${row.id}|${column.id}`);
          if (!def) return [];
          return [{ key: def.key, value: values[def.key] ?? null, computed: def.isTotal ? (computed[def.key] ?? null) : null }];
        }),
      })),
    })),
  }));
}
