/**
 * The quality check of a published (or ready) report, as supervisors and third-party evaluators score
 * annual reports: on time, complete, consistent, honest text, not copied from last year.
 * It adds NO consistency rule of its own: every table/text rule comes from validateReport and is only
 * weighed here. The few quality-only criteria (timeliness, a section left empty, an overview too thin
 * to inform) are not validation rules because they do not block submission.
 */
import { deadlineStatus, type IsoDate } from '../deadlines';
import { getFormat, NARRATIVE_KEYS, type NarrativeKey, type SectionKey, type TableId } from '../formats';
import { cellValue, type ReportContent } from '../report';
import { validateReport, type RuleResult, type ValidationResult } from '../validation';
import { countNonWhitespace, textSimilarity } from '../validation/text';
import { SECTION_NAMES } from '../validation/text-rules';

export interface QualityReason {
  /** stable id of the reason, e.g. "timeliness.late", "rule:t3.balance:natural", "section.empty:problems" */
  id: string;
  /** points deducted (0 for a criterion that could not be assessed) */
  points: number;
  message: string;
  /** cell keys concerned (for highlighting in the console) */
  cells?: string[];
  /** the section concerned: overview | problems | other | t2 | t3 | t4 */
  section?: SectionKey;
  /** the criterion could not be evaluated (看不到≠不存在): listed, not scored */
  notAssessable?: boolean;
}

export interface QualityResult {
  /** 0–100 */
  score: number;
  reasons: QualityReason[];
  /** the agency should be followed up (low score, a rule error, or late) */
  followUp: boolean;
  /** Dice similarity of section 五 with last year's (null when there is nothing to compare) */
  problemsSimilarity: number | null;
}

export interface QualityInput {
  report: ReportContent;
  /** last year's report of the same agency (cross-year rules, 年年雷同) */
  previous?: ReportContent | null;
  /** when it was published; null = not yet */
  publishedAt?: Date | string | null;
  /** the cycle's deadline (YYYY-MM-DD); without it timeliness is not assessable */
  deadline?: IsoDate | null;
  /** a validation already run on exactly this content with `previous` (saves running it again) */
  validation?: ValidationResult | null;
  /** now, for unpublished reports (defaults to the current time) */
  today?: Date | string;
}

/** the weights: exported so the console can explain a score */
export const QUALITY_POINTS = {
  /** published late: base deduction plus one point per day late, up to the cap */
  lateBase: 5,
  latePerDay: 1,
  lateMax: 20,
  /** not published although the deadline has passed */
  unpublishedOverdue: 25,
  /** a narrative section left empty / a table with no figure at all */
  emptySection: 10,
  /** one failed error rule instance, and the cap over all of them */
  ruleError: 3,
  ruleErrorMax: 30,
  /** one cross-year carry-over mismatch, and the cap */
  carryOver: 3,
  carryOverMax: 12,
  /** one text number contradicting the table, and the cap */
  textNumber: 5,
  textNumberMax: 15,
  /** section 五 copied from last year */
  copiedProblems: 10,
  /** format 2021: 信息处理费 not reported */
  processingFee: 5,
  /** section 一 over the 1,000-character limit */
  overviewTooLong: 3,
  /** section 一 so short it cannot give an overview */
  overviewTooShort: 5,
  /** 其他处理 share implausibly high */
  otherHigh: 2,
  /** a superseded format notice cited */
  supersededNotice: 2,
} as const;

export const QUALITY_THRESHOLDS = {
  /** section 一 under this many non-whitespace characters counts as too thin */
  overviewMinChars: 200,
  /** a score below this puts the agency on the follow-up list */
  followUpBelow: 80,
} as const;

const CROSS_YEAR_RULES = new Set(['t3.carryOver', 't2.projectCarryOver', 't2.inForce']);

const TABLE_NAMES: Record<TableId, string> = { t2: '第二部分（表二）', t3: '第三部分（表三）', t4: '第四部分（表四）' };

/** the section a rule result is about: a "section:x" marker, else the table of its first cell */
function sectionOf(result: Pick<RuleResult, 'cells'>): SectionKey | undefined {
  for (const c of result.cells) {
    if (c.startsWith('section:')) return c.slice('section:'.length) as NarrativeKey;
  }
  const first = result.cells[0];
  const table = first?.split('.')[0];
  return table === 't2' || table === 't3' || table === 't4' ? table : undefined;
}

function cellsOf(result: Pick<RuleResult, 'cells'>): string[] {
  return result.cells.filter((c) => !c.startsWith('section:'));
}

function fromRule(result: RuleResult, points: number, prefix = 'rule'): QualityReason {
  const cells = cellsOf(result);
  return {
    id: `${prefix}:${result.id}`,
    points,
    message: result.message,
    ...(cells.length ? { cells } : {}),
    ...(sectionOf(result) ? { section: sectionOf(result) } : {}),
  };
}

/** spend at most `max` points over `results`, `each` per result (later ones get what is left) */
function capped(results: RuleResult[], each: number, max: number, prefix: string): QualityReason[] {
  let left = max;
  return results.map((r) => {
    const points = Math.min(each, left);
    left -= points;
    return fromRule(r, points, prefix);
  });
}

/** the timeliness reasons alone: also for an agency that has not published at all (nothing to rank) */
export function timelinessReasons(input: Pick<QualityInput, 'deadline' | 'publishedAt' | 'today'>): QualityReason[] {
  if (!input.deadline) {
    return [{ id: 'timeliness', points: 0, notAssessable: true, message: '未设定报告期限，无法判断是否按时公开' }];
  }
  const status = deadlineStatus({ deadline: input.deadline, publishedAt: input.publishedAt ?? null, today: input.today ?? new Date() });
  if (!status.overdue) return [];
  if (!status.published) {
    return [
      {
        id: 'timeliness.unpublished',
        points: QUALITY_POINTS.unpublishedOverdue,
        message: `报告期限（${input.deadline}）已过${status.daysOverdue}天，年度报告仍未公开`,
      },
    ];
  }
  const points = Math.min(QUALITY_POINTS.lateMax, QUALITY_POINTS.lateBase + QUALITY_POINTS.latePerDay * status.daysOverdue);
  return [
    {
      id: 'timeliness.late',
      points,
      message: `年度报告晚于报告期限（${input.deadline}）${status.daysOverdue}天公开`,
    },
  ];
}

function completeness(report: ReportContent): QualityReason[] {
  const reasons: QualityReason[] = [];
  for (const key of NARRATIVE_KEYS) {
    if (!(report.sections?.[key] ?? '').trim()) {
      reasons.push({ id: `section.empty:${key}`, points: QUALITY_POINTS.emptySection, section: key, message: `${SECTION_NAMES[key]}空缺` });
    }
  }
  const format = getFormat(report.format);
  for (const table of ['t2', 't3', 't4'] as const) {
    const keys = format.cells.filter((c) => c.table === table).map((c) => c.key);
    if (keys.every((k) => cellValue(report, k) === null)) {
      reasons.push({
        id: `section.empty:${table}`,
        points: QUALITY_POINTS.emptySection,
        section: table,
        message: `${TABLE_NAMES[table]}未填写任何数据`,
      });
    }
  }
  return reasons;
}

function overviewTooShort(report: ReportContent): QualityReason[] {
  const text = report.sections?.overview ?? '';
  const count = countNonWhitespace(text);
  // an empty overview is already counted by completeness
  if (count === 0 || count >= QUALITY_THRESHOLDS.overviewMinChars) return [];
  return [
    {
      id: 'overview.short',
      points: QUALITY_POINTS.overviewTooShort,
      section: 'overview',
      message: `${SECTION_NAMES.overview}仅${count}字，过于简略，难以反映全年工作情况（宜不少于${QUALITY_THRESHOLDS.overviewMinChars}字）`,
    },
  ];
}

/** weighs each validation finding by what evaluators make of it */
function fromValidation(validation: ValidationResult): QualityReason[] {
  const byRule = (ids: string[] | Set<string>, list: RuleResult[]) =>
    list.filter((r) => (ids instanceof Set ? ids.has(r.ruleId) : ids.includes(r.ruleId)));
  const warnings = validation.warnings;
  const single = (ruleId: string, points: number) => byRule([ruleId], warnings).map((r) => fromRule(r, points));
  return [
    ...capped(validation.errors, QUALITY_POINTS.ruleError, QUALITY_POINTS.ruleErrorMax, 'rule'),
    ...capped(byRule(CROSS_YEAR_RULES, warnings), QUALITY_POINTS.carryOver, QUALITY_POINTS.carryOverMax, 'rule'),
    ...capped(byRule(['text.numbers'], warnings), QUALITY_POINTS.textNumber, QUALITY_POINTS.textNumberMax, 'rule'),
    ...single('s5.similarity', QUALITY_POINTS.copiedProblems),
    ...single('s6.processingFee', QUALITY_POINTS.processingFee),
    ...single('s1.length', QUALITY_POINTS.overviewTooLong),
    ...single('t3.otherHigh', QUALITY_POINTS.otherHigh),
    ...single('format.superseded', QUALITY_POINTS.supersededNotice),
    // what could not be checked is listed (not scored): cross-year rules without last year's report …
    ...validation.notAssessable
      .filter((r) => CROSS_YEAR_RULES.has(r.ruleId) || r.ruleId === 's5.similarity')
      .map((r) => ({ ...fromRule(r, 0), notAssessable: true })),
  ];
}

export function qualityCheck(input: QualityInput): QualityResult {
  const { report } = input;
  const previous = input.previous ?? null;
  const validation = input.validation ?? validateReport(report, { previous });
  const reasons = [...timelinessReasons(input), ...completeness(report), ...overviewTooShort(report), ...fromValidation(validation)];
  const lost = reasons.reduce((sum, r) => sum + r.points, 0);
  const score = Math.max(0, 100 - lost);
  const now = report.sections?.problems ?? '';
  const before = previous?.sections?.problems ?? '';
  const problemsSimilarity = now.trim() && before.trim() ? textSimilarity(now, before) : null;
  const followUp =
    score < QUALITY_THRESHOLDS.followUpBelow ||
    validation.errors.length > 0 ||
    reasons.some((r) => r.id.startsWith('timeliness.') && r.points > 0);
  return { score, reasons, followUp, problemsSimilarity };
}
