/**
 * 责任追究: cases the county office opens against an agency (条例 arts. 47, 52–53; the 2021 notice's
 * 不按时发布、发布内容不准确…严肃追究). Overdue agencies are proposed automatically from the computed
 * deadline status, so nothing depends on a job having run.
 */
import { can, FORBIDDEN_MESSAGE, type Actor } from '../permissions';
import type { ReportStatus } from '../workflow/states';
import { deadlineStatus, isIsoDate, type IsoDate } from '../deadlines';

export const CASE_KINDS = ['OVERDUE', 'QUALITY', 'DATA_ERROR', 'LEAK_RISK', 'OTHER'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  OVERDUE: '逾期未报送',
  QUALITY: '质量不合格',
  DATA_ERROR: '数据错误',
  LEAK_RISK: '保密问题',
  OTHER: '其他',
};

/** what a case is about, as its title says it ("… 年度报告逾期未报送") */
const CASE_TITLE_SUBJECTS: Record<CaseKind, string> = {
  OVERDUE: '逾期未报送',
  QUALITY: '质量不合格',
  DATA_ERROR: '数据错误',
  LEAK_RISK: '保密问题',
  OTHER: '其他问题',
};

/** a case's title for lists and links, never its id: "盐池县公安局 2025 年度报告逾期未报送" */
export function caseTitle(c: { agencyName: string; year: number; kind: CaseKind }): string {
  return `${c.agencyName} ${c.year} 年度报告${CASE_TITLE_SUBJECTS[c.kind] ?? CASE_KIND_LABELS[c.kind]}`;
}

export const CASE_STATUSES = ['OPEN', 'RECTIFYING', 'ANSWERED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  OPEN: '已立案',
  RECTIFYING: '整改中',
  ANSWERED: '已报送整改情况',
  CLOSED: '已结案',
};

/**
 * The office moves open → rectifying → closed, or closes straight from open (no fault found); the
 * agency's 整改情况 makes a case ANSWERED (see checkRespondToCase), from where the office closes it or
 * sends it back to rectifying (整改不到位). Closed is final.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  OPEN: ['RECTIFYING', 'CLOSED'],
  RECTIFYING: ['CLOSED'],
  ANSWERED: ['RECTIFYING', 'CLOSED'],
  CLOSED: [],
};

/** the statuses in which the agency may (again) report its 整改情况 */
export const CASE_ANSWERABLE: readonly CaseStatus[] = ['OPEN', 'RECTIFYING', 'ANSWERED'];

/** what a user may do with a case now: the office changes its status and closes it, the agency answers */
export type CaseAction = 'respond' | 'rectify' | 'close';
export const CASE_ACTION_LABELS: Record<CaseAction, string> = { respond: '报送整改情况', rectify: '要求继续整改', close: '结案' };

export function caseActions(actor: Actor | null | undefined, c: { agencyId: string; status: CaseStatus }): CaseAction[] {
  const out: CaseAction[] = [];
  if (!actor) return out;
  if (CASE_ANSWERABLE.includes(c.status) && can(actor, 'accountability.respond', c.agencyId) && actor.agencyId === c.agencyId) out.push('respond');
  if (can(actor, 'accountability.manage')) {
    if (canTransitionCase(c.status, 'RECTIFYING') && c.status !== 'OPEN') out.push('rectify');
    if (canTransitionCase(c.status, 'CLOSED')) out.push('close');
  }
  return out;
}

export const MAX_CASE_TEXT = 5000;

/** the agency reports its 整改情况: its own case, not closed, with words */
export function checkRespondToCase(input: { actor: Actor | null; caseAgencyId: string; status: CaseStatus; response?: string | null }): CaseCheck {
  if (!input.actor || !can(input.actor, 'accountability.respond', input.caseAgencyId) || input.actor.agencyId !== input.caseAgencyId) {
    return { ok: false, code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE };
  }
  if (!CASE_ANSWERABLE.includes(input.status)) return { ok: false, code: 'CONFLICT', message: '案件已结案，不能再报送整改情况' };
  const text = (input.response ?? '').trim();
  if (!text) return { ok: false, code: 'BAD_USER_INPUT', message: '请填写整改情况' };
  if (text.length > MAX_CASE_TEXT) return { ok: false, code: 'BAD_USER_INPUT', message: `整改情况不能超过 ${MAX_CASE_TEXT} 字` };
  return { ok: true };
}

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function canTransitionCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export type CaseCheck = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT'; message: string };

/** may the actor move a case from one status to another? closing needs the outcome (处理结果) */
export function checkCaseTransition(input: {
  actor: Actor;
  from: CaseStatus;
  to: CaseStatus;
  outcome?: string | null;
}): CaseCheck {
  if (!can(input.actor, 'accountability.manage')) return { ok: false, code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE };
  if (!canTransitionCase(input.from, input.to)) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `责任追究案件不能从“${CASE_STATUS_LABELS[input.from]}”变为“${CASE_STATUS_LABELS[input.to]}”`,
    };
  }
  if (input.to === 'CLOSED' && !(input.outcome ?? '').trim()) {
    return { ok: false, code: 'BAD_USER_INPUT', message: '结案时必须填写处理结果' };
  }
  return { ok: true };
}

/**
 * may the actor open a case? It records the facts (情况说明), the responsible person (责任人) and a
 * 整改期限 (a date, not before `today`, YYYY-MM-DD in China)
 */
export function checkOpenCase(input: {
  actor: Actor;
  kind: string;
  description?: string | null;
  responsiblePerson?: string | null;
  rectifyBy?: string | null;
  today?: IsoDate;
}): CaseCheck {
  if (!can(input.actor, 'accountability.manage')) return { ok: false, code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE };
  if (!isCaseKind(input.kind)) return { ok: false, code: 'BAD_USER_INPUT', message: '责任追究案件类型无效' };
  if (!(input.description ?? '').trim()) return { ok: false, code: 'BAD_USER_INPUT', message: '立案时必须填写情况说明' };
  if ((input.description ?? '').trim().length > MAX_CASE_TEXT) return { ok: false, code: 'BAD_USER_INPUT', message: `情况说明不能超过 ${MAX_CASE_TEXT} 字` };
  const person = (input.responsiblePerson ?? '').trim();
  if (!person) return { ok: false, code: 'BAD_USER_INPUT', message: '立案时必须填写责任人' };
  if (person.length > 100) return { ok: false, code: 'BAD_USER_INPUT', message: '责任人不能超过 100 字' };
  const by = (input.rectifyBy ?? '').trim();
  if (!isIsoDate(by)) return { ok: false, code: 'BAD_USER_INPUT', message: '整改期限应为有效日期（YYYY-MM-DD）' };
  if (input.today && by < input.today) return { ok: false, code: 'BAD_USER_INPUT', message: '整改期限不能早于今天' };
  return { ok: true };
}

/** one agency's standing in a reporting cycle, as the API loads it */
export interface AgencyReportStanding {
  agencyId: string;
  agencyName: string;
  /** the report of the cycle, if one was created */
  reportId?: string | null;
  status?: ReportStatus | null;
  /** first publication of the cycle's report */
  publishedAt?: Date | string | null;
}

export interface OverdueCaseProposal {
  agencyId: string;
  reportId: string | null;
  kind: 'OVERDUE';
  daysOverdue: number;
  /** still unpublished (rather than published late) */
  unpublished: boolean;
  description: string;
}

/**
 * A proposal for every agency overdue against the deadline (unpublished after it, or published
 * late) that has no OVERDUE case yet which is still open or rectifying. A closed case settles a late
 * publication for good; an agency whose report is still unpublished after its case was closed is
 * proposed again.
 */
export function proposeOverdueCases(input: {
  year: number;
  deadline: IsoDate;
  today: Date | string;
  agencies: readonly AgencyReportStanding[];
  existingCases?: ReadonlyArray<{ agencyId: string; kind: CaseKind; status: CaseStatus }>;
}): OverdueCaseProposal[] {
  const cases = (input.existingCases ?? []).filter((c) => c.kind === 'OVERDUE');
  const standing = new Set(cases.filter((c) => c.status !== 'CLOSED').map((c) => c.agencyId));
  const closed = new Set(cases.filter((c) => c.status === 'CLOSED').map((c) => c.agencyId));
  const proposals: OverdueCaseProposal[] = [];
  for (const a of input.agencies) {
    const published = a.status === 'PUBLISHED' || !!a.publishedAt;
    if (standing.has(a.agencyId) || (published && closed.has(a.agencyId))) continue;
    const s = deadlineStatus({ deadline: input.deadline, publishedAt: published ? a.publishedAt ?? null : null, today: input.today });
    // a report marked PUBLISHED without a time cannot be judged late
    if (published && !a.publishedAt) continue;
    if (!s.overdue) continue;
    const description = s.published
      ? `${a.agencyName}${input.year}年政府信息公开工作年度报告逾期${s.daysOverdue}天公开（截止日期${input.deadline}）`
      : `${a.agencyName}${input.year}年政府信息公开工作年度报告截至今日仍未公开，已逾期${s.daysOverdue}天（截止日期${input.deadline}）`;
    proposals.push({
      agencyId: a.agencyId,
      reportId: a.reportId ?? null,
      kind: 'OVERDUE',
      daysOverdue: s.daysOverdue,
      unpublished: !s.published,
      description,
    });
  }
  return proposals.sort((x, y) => y.daysOverdue - x.daysOverdue || x.agencyId.localeCompare(y.agencyId));
}
