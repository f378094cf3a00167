/**
 * An audit entry's detail as readable lines: changed cells by their official label (the domain's
 * cellDefinition), changed texts by section title, other fields as name: value.
 */
import { cellDefinition, FORMAT_IDS, isFormatId, type FormatId } from '@touming/domain/formats';
import { AUDIT_CHECK_LABELS, auditActionLabel, auditFieldLabel, auditValueLabel } from '@touming/domain/audit';
import { RULES_BY_ID } from '@touming/domain/validation';
import { SIGNATURE_STAGE_LABELS } from '@touming/domain/workflow';
import { sectionTitle } from '../../editor/draft';

/** an action in words: the domain's labels, the same the API serves (an unknown action shows as recorded) */
export function actionLabel(action: string): string {
  return auditActionLabel(action);
}

/** how to name what an entry refers to by id (agencies and people), when the screen knows them */
export interface DiffNames {
  agency?(id: string): string | undefined;
  user?(id: string): string | undefined;
}

/** the entry a detail belongs to: its target type tells a case's status and kind from a report's */
export interface DiffOptions {
  targetType?: string | null;
  names?: DiffNames;
}

const AGENCY_ID_FIELDS = new Set(['agencyId', 'parentId']);
/** ids of people, and the field beside them that already names the person (the id line is then left out) */
const USER_ID_FIELDS: Record<string, string> = { signerId: 'signerName', reviewerId: 'reviewerName', assigneeId: 'assigneeName', actorId: 'actorName' };

function fieldLabel(name: string) {
  return auditFieldLabel(name);
}

function showValue(name: string, value: unknown, options: DiffOptions = {}): string {
  if (/hash$/i.test(name) && typeof value === 'string') return `${value.slice(0, 16)}…`;
  if (typeof value === 'string') {
    if (name === 'ruleId') return RULES_BY_ID.get(value)?.title ?? value;
    if (AGENCY_ID_FIELDS.has(name)) return options.names?.agency?.(value) ?? shortId(value);
    if (name in USER_ID_FIELDS) return options.names?.user?.(value) ?? shortId(value);
  }
  if (name === 'checks' && typeof value === 'string') return AUDIT_CHECK_LABELS[value] ?? value;
  return auditValueLabel(name, value, options.targetType) ?? show(value);
}

function isSnapshot(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** a created or changed record (agency, user, cycle, case) recorded as whole before/after snapshots: one line per changed field */
function snapshotLines(before: Record<string, unknown> | undefined, after: Record<string, unknown>, options: DiffOptions): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const name of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    if (name === 'id') continue;
    if (!before) lines.push({ label: fieldLabel(name), value: showValue(name, after[name], options) });
    else if (JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      lines.push({ label: fieldLabel(name), before: showValue(name, before[name], options), after: showValue(name, after[name], options) });
  }
  return lines;
}

export interface DiffLine {
  label: string;
  before?: string;
  after?: string;
  /** a value without before/after (a reason, a comment, a hash) */
  value?: string;
}

/** newest format first: a key both formats share takes the label in force now */
const FORMATS: FormatId[] = [...FORMAT_IDS].reverse();

export function cellLabel(key: string, format?: string): string {
  const order = isFormatId(format) ? [format, ...FORMATS.filter((f) => f !== format)] : FORMATS;
  for (const f of order) {
    const def = cellDefinition(f, key);
    if (def) return def.label;
  }
  return key;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** an id with no name to show in its place: its first characters, enough to tell two apart */
function shortId(value: string): string {
  return UUID.test(value) ? `编号 ${value.slice(0, 8)}` : value;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空白）';
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : shortId(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  // a list (the seed's accounts, a cycle's years): the first few, then how many
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    const shown = value.slice(0, 8).map(show).join('、');
    return value.length > 8 ? `${shown} 等 ${value.length} 项` : shown;
  }
  // a small record: its fields by name
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${auditFieldLabel(k)}：${show(v)}`)
      .join('，');
  }
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

export function diffLines(detail: Record<string, unknown> | null | undefined, options: DiffOptions = {}): DiffLine[] {
  if (!detail) return [];
  const format = typeof detail.format === 'string' ? detail.format : undefined;
  const lines: DiffLine[] = [];
  // a state change is recorded as from/to at the top level
  if ('from' in detail && 'to' in detail)
    lines.push({ label: fieldLabel('status'), before: showValue('status', detail.from, options), after: showValue('status', detail.to, options) });
  const snapshots = isSnapshot(detail.after) && (detail.before == null || isSnapshot(detail.before));
  if (snapshots) lines.push(...snapshotLines(isSnapshot(detail.before) ? detail.before : undefined, detail.after as Record<string, unknown>, options));
  for (const [name, value] of Object.entries(detail)) {
    if (name === 'from' || name === 'to') continue;
    // a person's id beside their name says nothing more
    if (name in USER_ID_FIELDS && USER_ID_FIELDS[name] in detail) continue;
    if (name === 'stageLabel' && 'stage' in detail) continue;
    if (snapshots && (name === 'before' || name === 'after')) continue;
    if (name === 'signatures' && Array.isArray(value)) {
      lines.push({ label: '签署', value: value.map((v) => SIGNATURE_STAGE_LABELS[(v as { stage: keyof typeof SIGNATURE_STAGE_LABELS }).stage] ?? '').join('、') });
      continue;
    }
    if (name === 'checks' && value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.values(value as Record<string, { conclusion?: string }>);
      const issues = entries.filter((c) => c?.conclusion === 'ISSUE').length;
      lines.push({ label: fieldLabel('checks'), value: issues ? `${issues} 项存在问题` : `${entries.length} 项均无问题` });
      continue;
    }
    if (name === 'cells' && isChangeList(value)) {
      for (const c of value) lines.push({ label: cellLabel(c.key, format), before: show(c.before), after: show(c.after) });
    } else if (name === 'sections' && isChangeList(value)) {
      for (const s of value) lines.push({ label: sectionTitle(s.key), before: show(s.before), after: show(s.after) });
    } else if ((name === 'cells' || name === 'carriedOver') && isSnapshot(value)) {
      // an import: the cells it filled; a new report: the cells carried over from last year's
      for (const [key, v] of Object.entries(value)) lines.push({ label: cellLabel(key, format), before: '（空白）', after: show(v) });
    } else if (value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value) {
      const v = value as { from: unknown; to: unknown };
      lines.push({ label: fieldLabel(name), before: showValue(name, v.from, options), after: showValue(name, v.to, options) });
    } else if (value && typeof value === 'object' && !Array.isArray(value) && 'before' in value && 'after' in value) {
      const v = value as { before: unknown; after: unknown };
      lines.push({ label: fieldLabel(name), before: showValue(name, v.before, options), after: showValue(name, v.after, options) });
    } else {
      lines.push({ label: fieldLabel(name), value: showValue(name, value, options) });
    }
  }
  return lines;
}
