/** Which format a report follows, from the labels only one format prints (each format's importMarkers). */
import { allFormats, type FormatDefinition, type FormatId } from '../formats';
import { labelKey } from './text-utils';

/** every label a format prints (titles, headers, groups, columns, rows), as label keys */
function printedLabels(format: FormatDefinition): string[] {
  const labels: string[] = [];
  for (const table of format.tables) {
    labels.push(table.title, table.note ?? '', table.columnHeader ?? '');
    for (const block of table.blocks) {
      labels.push(block.title, block.labelHeader, ...block.groups, ...block.columns.map((c) => c.label));
      for (const row of block.rows) labels.push(row.label, ...row.groups);
    }
  }
  return labels.filter(Boolean).map(labelKey);
}

/**
 * Each registered format's markers that tell it apart: a marker that another registered format prints
 * too (a later format keeping an earlier one's label) says nothing and is left out.
 */
function distinctiveMarkers(): Map<FormatId, string[]> {
  const formats = allFormats();
  const labels = new Map(formats.map((f) => [f.id, printedLabels(f)]));
  const out = new Map<FormatId, string[]>();
  for (const format of formats) {
    const others = formats.filter((f) => f.id !== format.id).flatMap((f) => labels.get(f.id)!);
    out.set(
      format.id,
      format.importMarkers.map(labelKey).filter((m) => !others.some((label) => label.includes(m))),
    );
  }
  return out;
}

/** how many of each registered format's distinctive markers the text contains */
export function formatScores(text: string): Record<FormatId, number> {
  const key = labelKey(text);
  const scores: Record<FormatId, number> = {};
  for (const [id, markers] of distinctiveMarkers()) scores[id] = markers.filter((m) => key.includes(m)).length;
  return scores;
}

/** the formats with the most markers in the text (all of them when none has any), oldest first */
export function bestScoring(text: string): FormatId[] {
  const scores = formatScores(text);
  const best = Math.max(...Object.values(scores));
  return allFormats()
    .map((f) => f.id)
    .filter((id) => scores[id] === best);
}
