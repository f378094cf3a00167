/**
 * Sub-unit contributions (各股室、下属各单位提供信息，办公室收集和整理): the preparer assigns narrative
 * sections or parts of the tables to AGENCY_CONTRIBUTOR users, with a due date. A target is either a
 * narrative section key or a cell-key prefix ending in "." — a table-2 row ("t2.licensing."), a
 * table-3 row ("t3.withheld.stateSecret.") or group of rows ("t3.withheld."), a table-4 block
 * ("t4.reconsideration."), or a whole table ("t3.").
 */
import { can, type Actor } from '../permissions';
import { isContentEditable, type ReportStatus as ContentStatus } from '../workflow/states';
import { cellDefinition, cellKeys, getFormat, NARRATIVE_KEYS, type FormatId, type NarrativeKey } from '../formats';
import { chinaDate, daysBetween, type IsoDate } from '../deadlines';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../workflow/states';

export interface ContributionAssignment {
  id?: string;
  assigneeId: string;
  /** NarrativeKey or a cell-key prefix ending in "." */
  target: string;
  /** last day, YYYY-MM-DD (China) */
  dueDate: IsoDate;
  /** when the contributor marked it delivered */
  deliveredAt?: Date | string | null;
  /** where the part stands, a ContributionStatus (rows without it: delivered or assigned, by deliveredAt) */
  status?: string | null;
}

/**
 * Where an assigned part stands: 已分配 (the contributor works on it), 已交付 (delivered, waiting for
 * the preparer), 已接受 (the preparer took it into the report), 已退回 (sent back with a comment, the
 * contributor corrects it and delivers again).
 */
export const CONTRIBUTION_STATUSES = ['ASSIGNED', 'DELIVERED', 'ACCEPTED', 'RETURNED'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  ASSIGNED: '已分配',
  DELIVERED: '已交付',
  ACCEPTED: '已接受',
  RETURNED: '已退回',
};

export function isContributionStatus(value: unknown): value is ContributionStatus {
  return typeof value === 'string' && (CONTRIBUTION_STATUSES as readonly string[]).includes(value);
}

export function contributionStatusOf(a: Pick<ContributionAssignment, 'status' | 'deliveredAt'>): ContributionStatus {
  if (a.status && isContributionStatus(a.status)) return a.status;
  return a.deliveredAt ? 'DELIVERED' : 'ASSIGNED';
}

/** what moves a part: the contributor delivers it, the preparer accepts it or sends it back */
export type ContributionAct = 'deliver' | 'accept' | 'return';

const CONTRIBUTION_TRANSITIONS: Record<ContributionAct, { from: readonly ContributionStatus[]; to: ContributionStatus }> = {
  deliver: { from: ['ASSIGNED', 'RETURNED'], to: 'DELIVERED' },
  accept: { from: ['DELIVERED'], to: 'ACCEPTED' },
  // an accepted part may still be sent back while the report is a draft: the preparer changed its mind
  return: { from: ['DELIVERED', 'ACCEPTED'], to: 'RETURNED' },
};

const ACT_LABELS: Record<ContributionAct, string> = { deliver: '报送', accept: '接受', return: '退回' };

/** the longest comment a send-back may carry */
export const MAX_CONTRIBUTION_COMMENT = 1000;

export type ContributionTransitionCheck =
  | { ok: true; to: ContributionStatus }
  | { ok: false; code: 'CONFLICT' | 'BAD_USER_INPUT'; message: string };

/**
 * May this act move the part now? Only while the report is a draft (after submission the content is
 * what the signers sign), only from the states the act leaves, and a send-back says why.
 */
export function checkContributionTransition(input: {
  act: ContributionAct;
  status: ContributionStatus;
  reportStatus: ReportStatus;
  comment?: string | null;
}): ContributionTransitionCheck {
  const { act, status, reportStatus } = input;
  if (!areContributionsOpen(reportStatus)) {
    return { ok: false, code: 'CONFLICT', message: `报告当前状态为“${REPORT_STATUS_LABELS[reportStatus]}”，填报任务只能在草稿阶段${ACT_LABELS[act]}` };
  }
  const rule = CONTRIBUTION_TRANSITIONS[act];
  if (!rule.from.includes(status)) {
    const reason = act === 'deliver' && status === 'DELIVERED' ? '，已报送的任务无需再次报送（仍可修改）' : act === 'deliver' && status === 'ACCEPTED' ? '，填报人已接受' : '';
    return { ok: false, code: 'CONFLICT', message: `填报任务当前为“${CONTRIBUTION_STATUS_LABELS[status]}”，不能${ACT_LABELS[act]}${reason}` };
  }
  if (act === 'return') {
    const comment = input.comment?.trim() ?? '';
    if (!comment) return { ok: false, code: 'BAD_USER_INPUT', message: '退回时请填写退回意见，说明需要修改的内容' };
    if (comment.length > MAX_CONTRIBUTION_COMMENT) return { ok: false, code: 'BAD_USER_INPUT', message: `退回意见不能超过 ${MAX_CONTRIBUTION_COMMENT} 字` };
  }
  return { ok: true, to: rule.to };
}

/** which acts the signed-in side may take on a part now (the console shows exactly these buttons) */
export function availableContributionActs(input: {
  status: ContributionStatus;
  reportStatus: ReportStatus;
  /** the actor is the assignee (deliver) */
  isAssignee: boolean;
  /** the actor may assign (accept, send back) */
  mayAssign: boolean;
}): ContributionAct[] {
  if (!areContributionsOpen(input.reportStatus)) return [];
  const acts: ContributionAct[] = [];
  if (input.isAssignee && CONTRIBUTION_TRANSITIONS.deliver.from.includes(input.status)) acts.push('deliver');
  if (input.mayAssign) {
    for (const act of ['accept', 'return'] as const) if (CONTRIBUTION_TRANSITIONS[act].from.includes(input.status)) acts.push(act);
  }
  return acts;
}

export function isSectionTarget(target: string): target is NarrativeKey {
  return (NARRATIVE_KEYS as string[]).includes(target);
}

/** the cell keys of a format a target covers (none for a section target) */
export function targetCellKeys(format: FormatId, target: string): string[] {
  if (isSectionTarget(target)) return [];
  // one cell, named by its key
  if (!target.endsWith('.')) return cellDefinition(format, target) ? [target] : [];
  return cellKeys(format).filter((k) => k.startsWith(target));
}

/** is the target something this format can assign? */
export function isValidTarget(format: FormatId, target: string): boolean {
  return isSectionTarget(target) || targetCellKeys(format, target).length > 0;
}

export interface ContributionTargetOption {
  target: string;
  label: string;
}

/** what the console offers to assign: the three texts, each table, each table-2/3 row and table-4 block */
export function contributionTargets(format: FormatId): ContributionTargetOption[] {
  const def = getFormat(format);
  const options: ContributionTargetOption[] = [];
  for (const s of def.sections) {
    if (s.kind === 'text') options.push({ target: s.key, label: s.title });
  }
  for (const table of def.tables) {
    const section = def.sections.find((s) => s.key === table.id);
    options.push({ target: `${table.id}.`, label: section?.title ?? table.title });
    for (const block of table.blocks) {
      if (table.id === 't4') {
        options.push({ target: `t4.${block.id}.`, label: `表四 ${[...block.groups, block.title].filter(Boolean).join('·')}` });
        continue;
      }
      for (const row of block.rows) {
        const prefix = `${table.id}.${row.id}.`;
        const name = [...row.groups.slice(1), row.label].join(' ');
        options.push({ target: prefix, label: `${table.id === 't2' ? '表二' : '表三'} ${name}` });
      }
    }
  }
  return options.filter((o) => isValidTarget(format, o.target));
}

const covers = (target: string, key: string, isSection: boolean) =>
  isSection ? target === key : !isSectionTarget(target) && (target.endsWith('.') ? key.startsWith(target) : key === target);

/**
 * the targets a user may still change: assigned, delivered (a delivered part may be corrected until
 * the preparer acts) or sent back — not one the preparer accepted (it is the preparer's now)
 */
export function keysEditableBy(assignments: readonly ContributionAssignment[], userId: string): string[] {
  return [...new Set(assignments.filter((a) => a.assigneeId === userId && contributionStatusOf(a) !== 'ACCEPTED').map((a) => a.target))];
}

export interface ContributorEditCheck {
  ok: boolean;
  /** the cell keys outside the user's assignments */
  cellKeys: string[];
  /** the section keys outside the user's assignments */
  sectionKeys: string[];
  message?: string;
}

/** may a contributor change these cells and sections? lists what lies outside the assignment */
export function canContributorEdit(
  assignments: readonly ContributionAssignment[],
  userId: string,
  change: { cellKeys?: readonly string[]; sectionKeys?: readonly string[] },
): ContributorEditCheck {
  const targets = keysEditableBy(assignments, userId);
  const outsideCells = (change.cellKeys ?? []).filter((k) => !targets.some((t) => covers(t, k, false)));
  const outsideSections = (change.sectionKeys ?? []).filter((k) => !targets.some((t) => covers(t, k, true)));
  const ok = outsideCells.length === 0 && outsideSections.length === 0;
  if (ok) return { ok, cellKeys: [], sectionKeys: [] };
  const named = [...outsideSections, ...outsideCells];
  const shown = named.slice(0, 5).join('、') + (named.length > 5 ? `等${named.length}项` : '');
  return { ok, cellKeys: outsideCells, sectionKeys: outsideSections, message: `以下内容不在分配给您的填报范围内：${shown}` };
}

export interface EditableScopeInput {
  format: FormatId;
  status: ContentStatus;
  reportAgencyId: string;
  /** the signed-in user (null: nobody, nothing editable) */
  actor: (Actor & { id: string }) | null;
  /** the report's assignments (any assignee; only the actor's count) */
  assignments: readonly ContributionAssignment[];
}

export interface EditableScope {
  /** every cell and section (the preparer's editor) */
  all: boolean;
  /** the cell keys this user may change */
  cells: string[];
  /** the narrative section keys this user may change */
  sections: NarrativeKey[];
}

/**
 * What this user may change in this report, for the editor to open exactly those inputs and for the
 * update path to hold to the same rule. A user with report.edit (the preparer) edits the whole content
 * for as long as the report is not published (an edit after submission voids the signatures, which the
 * workflow handles); a 股室/下属单位 contributor edits exactly its assigned targets — delivered or not,
 * since a delivered part may be corrected — and only while the report is a draft: after submission the
 * content is what the signers sign.
 */
export function editableScope(input: EditableScopeInput): EditableScope {
  const none: EditableScope = { all: false, cells: [], sections: [] };
  const { actor, format, status, reportAgencyId } = input;
  if (!actor || !isContentEditable(status)) return none;
  if (can(actor, 'report.edit', reportAgencyId)) {
    return { all: true, cells: cellKeys(format), sections: [...NARRATIVE_KEYS] };
  }
  if (status !== 'DRAFT' || !can(actor, 'contribution.edit', reportAgencyId)) return none;
  const targets = keysEditableBy(input.assignments, actor.id);
  const cells = new Set<string>();
  const sections = new Set<NarrativeKey>();
  for (const target of targets) {
    if (isSectionTarget(target)) sections.add(target);
    else for (const key of targetCellKeys(format, target)) cells.add(key);
  }
  return {
    all: false,
    cells: cellKeys(format).filter((k) => cells.has(k)),
    sections: NARRATIVE_KEYS.filter((k) => sections.has(k)),
  };
}

export interface OverdueContribution<A extends ContributionAssignment = ContributionAssignment> {
  assignment: A;
  daysOverdue: number;
}

/** is the part still waiting for the contributor (assigned, or sent back to it)? */
export function awaitsContributor(a: Pick<ContributionAssignment, 'status' | 'deliveredAt'>): boolean {
  const status = contributionStatusOf(a);
  return status === 'ASSIGNED' || status === 'RETURNED';
}

/** is the part past its due date (China time) and still not delivered or accepted? */
export function isContributionOverdue(a: ContributionAssignment, today: Date | string): boolean {
  return awaitsContributor(a) && daysBetween(a.dueDate, chinaDate(today)) > 0;
}

/** assignments past their due date (China time) that are neither delivered nor accepted, most overdue first */
export function overdueContributions<A extends ContributionAssignment>(
  assignments: readonly A[],
  today: Date | string,
): OverdueContribution<A>[] {
  const day = chinaDate(today);
  return assignments
    .filter((a) => awaitsContributor(a))
    .map((a) => ({ assignment: a, daysOverdue: daysBetween(a.dueDate, day) }))
    .filter((o) => o.daysOverdue > 0)
    .sort((x, y) => y.daysOverdue - x.daysOverdue);
}

/**
 * Contributions are gathered for a draft. Once the preparer submits, the content is what the signers
 * sign: a contributor's edit after that would void every signature behind the preparer's back, and an
 * assignment on a signed report invites exactly that. So both need a draft (a report returned by a
 * signer is a draft again).
 */
export type ContributionStateCheck = { ok: true } | { ok: false; code: 'CONFLICT'; message: string };

export function areContributionsOpen(status: ReportStatus): boolean {
  return status === 'DRAFT';
}

export function checkContributionAssign(status: ReportStatus): ContributionStateCheck {
  if (areContributionsOpen(status)) return { ok: true };
  return { ok: false, code: 'CONFLICT', message: `报告当前状态为“${REPORT_STATUS_LABELS[status]}”，只能在草稿阶段分配填报任务` };
}

export function checkContributionEdit(status: ReportStatus): ContributionStateCheck {
  if (areContributionsOpen(status)) return { ok: true };
  return {
    ok: false,
    code: 'CONFLICT',
    message: `报告已提交（当前状态：${REPORT_STATUS_LABELS[status]}），股室填报内容只能在草稿阶段修改；如需修改，请联系填报人退回后再改`,
  };
}

/** one cell or text a contributor changed within its part: the value before its first edit and now */
export interface ContributionChange {
  key: string;
  /** the cell's name in the report ("表三 … · 自然人") or the section's title */
  label: string;
  kind: 'cell' | 'section';
  before: string | null;
  after: string | null;
}

/** one saved edit as the audit trail records it (report.update: cell and section before/after) */
export interface RecordedEdit {
  cells?: readonly { key: string; before: unknown; after: unknown }[] | null;
  sections?: readonly { key: string; before: unknown; after: unknown }[] | null;
}

const shown = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * What a contributor delivered: the cells and texts within its part that its own saved edits changed,
 * oldest edit first — the value before the first edit and after the last, in the format's order;
 * a key edited back to where it started is left out.
 */
export function contributionChanges(format: FormatId, target: string, edits: readonly RecordedEdit[]): ContributionChange[] {
  const first = new Map<string, { kind: 'cell' | 'section'; before: string | null; after: string | null }>();
  const section = isSectionTarget(target);
  for (const edit of edits) {
    const changes = [
      ...(edit.cells ?? []).map((c) => ({ ...c, kind: 'cell' as const })),
      ...(edit.sections ?? []).map((c) => ({ ...c, kind: 'section' as const })),
    ];
    for (const c of changes) {
      if (!covers(target, c.key, c.kind === 'section') || (c.kind === 'section') !== section) continue;
      const seen = first.get(c.key);
      if (seen) seen.after = shown(c.after);
      else first.set(c.key, { kind: c.kind, before: shown(c.before), after: shown(c.after) });
    }
  }
  const def = getFormat(format);
  const order = [...NARRATIVE_KEYS, ...cellKeys(format)];
  return [...first.entries()]
    .filter(([, v]) => (v.before ?? '') !== (v.after ?? ''))
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, v]) => ({
      key,
      kind: v.kind,
      label: v.kind === 'section' ? (def.sections.find((s) => s.key === key)?.title ?? key) : (cellDefinition(format, key)?.label ?? key),
      before: v.before,
      after: v.after,
    }));
}
