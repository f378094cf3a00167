/**
 * Sub-unit contributions (各股室、下属各单位提供信息，办公室收集和整理): the preparer assigns narrative
 * sections or parts of the tables to AGENCY_CONTRIBUTOR users, with a due date. A target is either a
 * narrative section key or a cell-key prefix ending in "." — a table-2 row ("t2.licensing."), a
 * table-3 row ("t3.withheld.stateSecret.") or group of rows ("t3.withheld."), a table-4 block
 * ("t4.reconsideration."), or a whole table ("t3.").
 */
import { can, type Actor } from '../permissions';
import { isContentEditable, type ReportStatus as ContentStatus } from '../workflow/states';
import { cellKeys, getFormat, NARRATIVE_KEYS, type FormatId, type NarrativeKey } from '../formats';
import { chinaDate, daysBetween, type IsoDate } from '../deadlines';

export interface ContributionAssignment {
  id?: string;
  assigneeId: string;
  /** NarrativeKey or a cell-key prefix ending in "." */
  target: string;
  /** last day, YYYY-MM-DD (China) */
  dueDate: IsoDate;
  /** when the contributor marked it delivered */
  deliveredAt?: Date | string | null;
}

export function isSectionTarget(target: string): target is NarrativeKey {
  return (NARRATIVE_KEYS as string[]).includes(target);
}

/** the cell keys of a format a target covers (none for a section target) */
export function targetCellKeys(format: FormatId, target: string): string[] {
  if (isSectionTarget(target) || !target.endsWith('.')) return [];
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
  isSection ? target === key : !isSectionTarget(target) && target.endsWith('.') && key.startsWith(target);

/** the targets assigned to a user (all of them, delivered or not: a delivered part may still be corrected until submission) */
export function keysEditableBy(assignments: readonly ContributionAssignment[], userId: string): string[] {
  return [...new Set(assignments.filter((a) => a.assigneeId === userId).map((a) => a.target))];
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

/** undelivered assignments past their due date (China time), most overdue first */
export function overdueContributions<A extends ContributionAssignment>(
  assignments: readonly A[],
  today: Date | string,
): OverdueContribution<A>[] {
  const day = chinaDate(today);
  return assignments
    .filter((a) => !a.deliveredAt)
    .map((a) => ({ assignment: a, daysOverdue: daysBetween(a.dueDate, day) }))
    .filter((o) => o.daysOverdue > 0)
    .sort((x, y) => y.daysOverdue - x.daysOverdue);
}
