/**
 * An audit entry's detail as readable lines: changed cells by their official label (the domain's
 * cellDefinition), changed texts by section title, other fields as name: value.
 */
import { cellDefinition, type FormatId } from '@touming/domain/formats';

export interface DiffLine {
  label: string;
  before?: string;
  after?: string;
  /** a value without before/after (a reason, a comment, a hash) */
  value?: string;
}

const SECTION_TITLES: Record<string, string> = { overview: '一、总体情况', problems: '五、存在的主要问题及改进情况', other: '六、其他需要报告的事项' };
const FORMATS: FormatId[] = ['2021', '2019'] as FormatId[];

export function cellLabel(key: string, format?: string): string {
  const order = format ? [format as FormatId, ...FORMATS.filter((f) => f !== format)] : FORMATS;
  for (const f of order) {
    try {
      const def = cellDefinition(f, key);
      if (def) return def.label;
    } catch {
      // an unknown format id: try the next
    }
  }
  return key;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空白）';
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface Change {
  key: string;
  before?: unknown;
  after?: unknown;
}

function isChangeList(value: unknown): value is Change[] {
  return Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'key' in v && ('before' in v || 'after' in v));
}

export function diffLines(detail: Record<string, unknown> | null | undefined): DiffLine[] {
  if (!detail) return [];
  const format = typeof detail.format === 'string' ? detail.format : undefined;
  const lines: DiffLine[] = [];
  for (const [name, value] of Object.entries(detail)) {
    if (name === 'cells' && isChangeList(value)) {
      for (const c of value) lines.push({ label: cellLabel(c.key, format), before: show(c.before), after: show(c.after) });
    } else if (name === 'sections' && isChangeList(value)) {
      for (const s of value) lines.push({ label: SECTION_TITLES[s.key] ?? s.key, before: show(s.before), after: show(s.after) });
    } else if (name === 'cells' && value && typeof value === 'object' && !Array.isArray(value)) {
      // an import: the cells it filled
      for (const [key, v] of Object.entries(value)) lines.push({ label: cellLabel(key, format), before: '（空白）', after: show(v) });
    } else if (value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value) {
      const v = value as { from: unknown; to: unknown };
      lines.push({ label: name, before: show(v.from), after: show(v.to) });
    } else if (value && typeof value === 'object' && !Array.isArray(value) && 'before' in value && 'after' in value) {
      const v = value as { before: unknown; after: unknown };
      lines.push({ label: name, before: show(v.before), after: show(v.after) });
    } else {
      lines.push({ label: name, value: show(value) });
    }
  }
  return lines;
}
