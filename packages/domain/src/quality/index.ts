/**
 * The quality check of a published (or ready) report, as supervisors and third-party evaluators score
 * annual reports: on time, complete, consistent, honest text, not copied from last year.
 * It adds NO consistency rule of its own: every table/text rule comes from validateReport and is only
 * weighed here. The quality-only criteria (timeliness, a section left empty, an overview too thin to
 * inform, section 五 repeating last year's items under the copy threshold, warnings left unexplained)
 * are not validation rules because they do not block submission.
 */
import { deadlineStatus, type IsoDate } from '../deadlines';
import { getFormat, NARRATIVE_KEYS, type NarrativeKey, type SectionKey, type TableId } from '../formats';
import { cellValue, type ReportContent } from '../report';
import { validateReport, type RuleResult, type ValidationResult } from '../validation';
import { CROSS_YEAR_RULE_IDS, THRESHOLDS } from '../validation/rules';
import { countNonWhitespace, repeatedPassages, textSimilarity } from '../validation/text';
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
  /**
   * the rule ids whose warnings the agency explained (说明) with this report; null/absent = not known
   * (e.g. a report read from a portal), and then unexplained warnings are not judged
   */
  explainedRuleIds?: readonly string[] | null;
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
  /** section 五 copied from last year (the s5.similarity warning) */
  copiedProblems: 10,
  /**
   * section 五 repeating some of last year's items word for word while staying under the copy
   * threshold: the repeated share of the text × copiedProblems, rounded, at most this
   */
  repeatedProblemsMax: 9,
  /** a blank cell where a number (0 if nothing happened) was due, and the cap */
  blankCell: 2,
  blankCellsMax: 10,
  /** a warning left without the written explanation (说明) it asks for, and the cap */
  unexplainedWarning: 2,
  unexplainedWarningsMax: 10,
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
  /** section 五: below this share of repeated clauses a repeat is not scored (one short item in a long text) */
  repeatedShareMin: 0.15,
} as const;

/**
 * What the score weighs, in words, for the console to show beside the ranking (one line each, in the
 * order the reasons are listed).
 */
export const QUALITY_CRITERIA: { id: string; label: string; points: string }[] = [
  { id: 'timeliness', label: '按时公开（期限为次年1月31日，县政府为3月31日）', points: `逾期公开扣${QUALITY_POINTS.lateBase}分并每天再扣${QUALITY_POINTS.latePerDay}分，最多${QUALITY_POINTS.lateMax}分；逾期仍未公开扣${QUALITY_POINTS.unpublishedOverdue}分` },
  { id: 'completeness', label: '内容完整（六个部分均有内容）', points: `每空缺一部分扣${QUALITY_POINTS.emptySection}分` },
  { id: 'blanks', label: '表格不留空白（没有发生的填0）', points: `每个空白单元格扣${QUALITY_POINTS.blankCell}分，最多${QUALITY_POINTS.blankCellsMax}分` },
  { id: 'rules', label: '勾稽关系正确', points: `每处错误扣${QUALITY_POINTS.ruleError}分，最多${QUALITY_POINTS.ruleErrorMax}分` },
  { id: 'carryOver', label: '与上年报告衔接（结转数、项目数、现行有效件数）', points: `每处不符扣${QUALITY_POINTS.carryOver}分，最多${QUALITY_POINTS.carryOverMax}分` },
  { id: 'textNumbers', label: '正文数字与表格一致', points: `每处不一致扣${QUALITY_POINTS.textNumber}分，最多${QUALITY_POINTS.textNumberMax}分` },
  { id: 'problems', label: '第五部分不与上年雷同', points: `整体雷同（相似度${Math.round(THRESHOLDS.similarityMax * 100)}%以上）扣${QUALITY_POINTS.copiedProblems}分；逐条重复上年表述的，按重复部分所占比例扣分，最多${QUALITY_POINTS.repeatedProblemsMax}分` },
  { id: 'explanations', label: '校验提示均有书面说明', points: `每条未说明的提示扣${QUALITY_POINTS.unexplainedWarning}分，最多${QUALITY_POINTS.unexplainedWarningsMax}分` },
  { id: 'overview', label: '总体情况详略得当', points: `不足${QUALITY_THRESHOLDS.overviewMinChars}字扣${QUALITY_POINTS.overviewTooShort}分，超过一千字扣${QUALITY_POINTS.overviewTooLong}分` },
  { id: 'other', label: '其他', points: `未报告信息处理费扣${QUALITY_POINTS.processingFee}分；“其他处理”占比偏高扣${QUALITY_POINTS.otherHigh}分；引用已废止的格式通知扣${QUALITY_POINTS.supersededNotice}分` },
];

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

/** blanks instead of 0 (one reason for all of them: evaluators count them as one failing) */
function blankCells(blanks: RuleResult[]): QualityReason[] {
  if (blanks.length === 0) return [];
  const cells = blanks.flatMap(cellsOf);
  const tables = [...new Set(cells.map((c) => c.split('.')[0]))].filter((t): t is TableId => t === 't2' || t === 't3' || t === 't4');
  return [
    {
      id: 'blanks',
      points: Math.min(QUALITY_POINTS.blankCellsMax, QUALITY_POINTS.blankCell * blanks.length),
      message: `${tables.map((t) => TABLE_NAMES[t]).join('、')}有${blanks.length}个单元格空白（空白不等于0，没有发生的应填0）`,
      cells,
      ...(tables.length === 1 ? { section: tables[0] } : {}),
    },
  ];
}

/**
 * section 五 repeating last year's items clause by clause, when the whole section stays under the
 * copy threshold (a full copy is the s5.similarity warning, weighed in fromValidation)
 */
function repeatedProblems(report: ReportContent, previous: ReportContent | null, validation: ValidationResult): QualityReason[] {
  if (validation.warnings.some((w) => w.ruleId === 's5.similarity')) return [];
  const now = report.sections?.problems ?? '';
  const before = previous?.sections?.problems ?? '';
  if (!now.trim() || !before.trim()) return [];
  const { passages, share } = repeatedPassages(now, before, THRESHOLDS.similarityMax);
  if (share < QUALITY_THRESHOLDS.repeatedShareMin) return [];
  const points = Math.min(QUALITY_POINTS.repeatedProblemsMax, Math.round(share * QUALITY_POINTS.copiedProblems));
  const example = passages[0].text.length > 40 ? `${passages[0].text.slice(0, 40)}……` : passages[0].text;
  return [
    {
      id: 'problems.repeated',
      points,
      section: 'problems',
      message: `${SECTION_NAMES.problems}有${passages.length}处表述与上年报告基本相同（约占该部分的${Math.round(share * 100)}%），如“${example}”；问题和改进措施应结合本年实际`,
    },
  ];
}

/** warnings the agency did not explain in writing (only when it is known which it explained) */
function unexplainedWarnings(validation: ValidationResult, explained: readonly string[] | null | undefined): QualityReason[] {
  if (!explained) return [];
  const known = new Set(explained);
  const open = validation.warnings.filter((w) => !known.has(w.ruleId));
  if (open.length === 0) return [];
  const cells = [...new Set(open.flatMap(cellsOf))];
  return [
    {
      id: 'warnings.unexplained',
      points: Math.min(QUALITY_POINTS.unexplainedWarningsMax, QUALITY_POINTS.unexplainedWarning * open.length),
      message: `${open.length}条校验提示未作书面说明：${open.map((w) => w.message).join('；')}`,
      ...(cells.length ? { cells } : {}),
    },
  ];
}

/** weighs each validation finding by what evaluators make of it */
function fromValidation(validation: ValidationResult): QualityReason[] {
  const byRule = (ids: readonly string[] | ReadonlySet<string>, list: RuleResult[]) =>
    list.filter((r) => ('has' in ids ? ids.has(r.ruleId) : ids.includes(r.ruleId)));
  const warnings = validation.warnings;
  const single = (ruleId: string, points: number) => byRule([ruleId], warnings).map((r) => fromRule(r, points));
  const blanks = validation.errors.filter((r) => r.ruleId === 'cell.blank');
  return [
    ...blankCells(blanks),
    ...capped(validation.errors.filter((r) => r.ruleId !== 'cell.blank'), QUALITY_POINTS.ruleError, QUALITY_POINTS.ruleErrorMax, 'rule'),
    ...capped(byRule(CROSS_YEAR_RULE_IDS, warnings), QUALITY_POINTS.carryOver, QUALITY_POINTS.carryOverMax, 'rule'),
    ...capped(byRule(['text.numbers'], warnings), QUALITY_POINTS.textNumber, QUALITY_POINTS.textNumberMax, 'rule'),
    ...single('s5.similarity', QUALITY_POINTS.copiedProblems),
    ...single('s6.processingFee', QUALITY_POINTS.processingFee),
    ...single('s1.length', QUALITY_POINTS.overviewTooLong),
    ...single('t3.otherHigh', QUALITY_POINTS.otherHigh),
    ...single('format.superseded', QUALITY_POINTS.supersededNotice),
    // what could not be checked is listed (not scored): cross-year rules without last year's report …
    ...validation.notAssessable
      .filter((r) => CROSS_YEAR_RULE_IDS.has(r.ruleId) || r.ruleId === 's5.similarity')
      .map((r) => ({ ...fromRule(r, 0), notAssessable: true })),
  ];
}

export function qualityCheck(input: QualityInput): QualityResult {
  const { report } = input;
  const previous = input.previous ?? null;
  const validation = input.validation ?? validateReport(report, { previous });
  const reasons = [
    ...timelinessReasons(input),
    ...completeness(report),
    ...overviewTooShort(report),
    ...fromValidation(validation),
    ...repeatedProblems(report, previous, validation),
    ...unexplainedWarnings(validation, input.explainedRuleIds),
  ];
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

/**
 * Standard competition ranking ("1, 1, 3"): equal scores share a rank, the next rank counts everyone
 * above it; unscored entries (null) get no rank. The ranks come back in the order of `scores`.
 */
export function competitionRanks(scores: ReadonlyArray<number | null>): (number | null)[] {
  return scores.map((score) => (score === null ? null : 1 + scores.filter((other) => other !== null && other > score).length));
}
