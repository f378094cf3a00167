/** The narrative warnings: numbers stated in the text, 信息处理费, length, 年年雷同, superseded notices. */
import { allFormats, formatForYear, getFormat, NARRATIVE_KEYS } from '../formats';
import type { FormatId, NarrativeKey } from '../formats';
import type { ReportContent } from '../report';
import type { FormatPlan } from './plan';
import { previousProblem } from './cross-year';
import { readCells, ResultSink, sumOf, unreadableReason } from './results';
import { THRESHOLDS } from './rules';
import { countNonWhitespace, normalizeForNumbers, parseStatedNumber, textSimilarity } from './text';

export const SECTION_NAMES: Record<NarrativeKey, string> = {
  overview: '第一部分“总体情况”',
  problems: '第五部分“存在的主要问题及改进情况”',
  other: '第六部分“其他需要报告的事项”',
};

const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
const CLAUSE = '[^，。；;！？!?]';

interface NumberPattern {
  id: string;
  /** global regex over normalised text (no whitespace, ASCII digits) */
  regex: RegExp;
  /** the table cells whose sum the text states */
  cells: string[];
  /** what the cells are, for messages */
  what: string;
  /** the stated number from a match; a pattern without a number states 0 */
  value: (m: RegExpExecArray) => number;
  /** a match is not what it seems when its middle part names something else */
  reject?: RegExp;
}

// Conservative patterns only: a number we are not sure the text means is better left unchecked.
const NUMBER_PATTERNS: NumberPattern[] = [
  {
    id: 'newApplications',
    regex: new RegExp(`(?:新收到?|收到|接到)(${CLAUSE}{0,20}?)申请(?:共计|共|总计|合计|数量|数|为|了)*${NUM}件`, 'g'),
    cells: ['t3.new.total'],
    what: '表三 一、本年新收政府信息公开申请数量（总计）',
    value: (m) => parseStatedNumber(m[2]),
    reject: /结转|复议|诉讼|举报|投诉|咨询|信访/,
  },
  {
    id: 'noApplications',
    regex: new RegExp(`(?:未|没有)(?:收到|接到|受理|发生)(${CLAUSE}{0,20}?)公开申请`, 'g'),
    cells: ['t3.new.total'],
    what: '表三 一、本年新收政府信息公开申请数量（总计）',
    value: () => 0,
    reject: /复议|诉讼/,
  },
  {
    id: 'reconsideration',
    regex: new RegExp(`行政复议(?:案件|申请)?(?:共计|共|总计|合计|数量|为)*${NUM}(?:件|起)`, 'g'),
    cells: ['t4.reconsideration.total'],
    what: '表四 行政复议（总计）',
    value: (m) => parseStatedNumber(m[1]),
  },
  {
    id: 'noReconsideration',
    regex: new RegExp(`(?:未|没有)(?:收到|发生|接到|出现)(${CLAUSE}{0,20}?)行政复议`, 'g'),
    cells: ['t4.reconsideration.total'],
    what: '表四 行政复议（总计）',
    value: () => 0,
    reject: /\d/,
  },
  {
    id: 'litigation',
    regex: new RegExp(`行政诉讼(?:案件)?(?:共计|共|总计|合计|数量|为)*${NUM}(?:件|起)`, 'g'),
    cells: ['t4.litigationDirect.total', 't4.litigationAfterReconsideration.total'],
    what: '表四 行政诉讼（未经复议直接起诉与复议后起诉的总计之和）',
    value: (m) => parseStatedNumber(m[1]),
  },
  {
    id: 'noLitigation',
    regex: new RegExp(`(?:未|没有)(?:收到|发生|接到|出现)(${CLAUSE}{0,25}?)诉讼`, 'g'),
    cells: ['t4.litigationDirect.total', 't4.litigationAfterReconsideration.total'],
    what: '表四 行政诉讼（未经复议直接起诉与复议后起诉的总计之和）',
    value: () => 0,
    reject: /\d/,
  },
];

export function checkTextNumbers(sink: ResultSink, report: ReportContent) {
  for (const section of NARRATIVE_KEYS) {
    const raw = report.sections?.[section];
    if (!raw) continue;
    const text = normalizeForNumbers(raw);
    for (const pattern of NUMBER_PATTERNS) {
      const regex = pattern.regex;
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      let n = 0;
      while ((m = regex.exec(text)) !== null) {
        if (pattern.reject && pattern.reject.test(m[1])) continue;
        n++;
        const id = `${section}:${pattern.id}:${n}`;
        const cells = [`section:${section}`, ...pattern.cells];
        const stated = pattern.value(m);
        const reading = readCells(report.cells, pattern.cells);
        if (reading.blank || reading.invalid) {
          sink.notAssessableBecause('text.numbers', id, cells, `${SECTION_NAMES[section]}写明“${m[0]}”，但${pattern.what}${unreadableReason(reading)}，无法核对`);
          continue;
        }
        const table = sumOf(reading.values);
        if (table !== stated) {
          sink.failed('text.numbers', id, cells, table, stated, `${SECTION_NAMES[section]}写明“${m[0]}”（${stated}），与${pattern.what}（${table}）不一致`);
        }
      }
    }
  }
}

export function checkOtherHigh(sink: ResultSink, plan: FormatPlan, report: ReportContent) {
  const keys = [...plan.t3OtherTotalKeys, 't3.total.total'];
  const reading = readCells(report.cells, keys);
  if (reading.blank || reading.invalid) {
    sink.notAssessableBecause('t3.otherHigh', null, keys, `表三 （六）其他处理：${unreadableReason(reading)}，无法判断其占比`);
    return;
  }
  const other = sumOf(reading.values, 0, plan.t3OtherTotalKeys.length);
  const total = reading.values[keys.length - 1] as number;
  if (total >= THRESHOLDS.otherHighMinTotal && other > total * THRESHOLDS.otherHighShare) {
    const share = Math.round((other / total) * 100);
    sink.failed(
      't3.otherHigh',
      null,
      keys,
      `≤${THRESHOLDS.otherHighShare * 100}%`,
      `${share}%`,
      `表三 （六）其他处理共${other}件，占（七）总计${total}件的${share}%，比例偏高，请核实分类是否准确并说明原因`,
    );
  }
}

/** applies to the formats that list s6.processingFee (from 2021 on) */
export function checkProcessingFee(sink: ResultSink, report: ReportContent) {
  const text = report.sections?.other ?? '';
  if (!text.includes('信息处理费')) {
    sink.failed(
      's6.processingFee',
      null,
      ['section:other'],
      '说明信息处理费收取情况',
      '未提及',
      `${SECTION_NAMES.other}未报告信息处理费收取情况（《政府信息公开信息处理费管理办法》要求报告；未收取的也应写明）`,
    );
  }
}

export function checkOverviewLength(sink: ResultSink, report: ReportContent) {
  const count = countNonWhitespace(report.sections?.overview ?? '');
  if (count > THRESHOLDS.overviewMaxChars) {
    sink.failed(
      's1.length',
      null,
      ['section:overview'],
      THRESHOLDS.overviewMaxChars,
      count,
      `${SECTION_NAMES.overview}共${count}字，超过原则上不超过${THRESHOLDS.overviewMaxChars}字的要求`,
    );
  }
}

export function checkProblemsSimilarity(sink: ResultSink, report: ReportContent, previous: ReportContent | null | undefined) {
  const cells = ['section:problems'];
  const problem = previousProblem(report, previous);
  if (problem) {
    sink.notAssessableBecause('s5.similarity', null, cells, `${SECTION_NAMES.problems}：${problem}`);
    return;
  }
  const now = report.sections?.problems ?? '';
  const before = previous!.sections?.problems ?? '';
  if (!now.trim() || !before.trim()) {
    sink.notAssessableBecause('s5.similarity', null, cells, `${SECTION_NAMES.problems}：${!now.trim() ? '本年' : '上年报告'}该部分为空，无法比较`);
    return;
  }
  const similarity = textSimilarity(now, before);
  if (similarity >= THRESHOLDS.similarityMax) {
    const percent = Math.round(similarity * 100);
    sink.failed(
      's5.similarity',
      null,
      cells,
      `<${THRESHOLDS.similarityMax * 100}%`,
      `${percent}%`,
      `${SECTION_NAMES.problems}与上年报告的相似度为${percent}%，不得年年雷同，请结合本年实际重写`,
    );
  }
}

/** the official notices: cited as 国办公开办函〔YYYY〕N号 */
const NOTICE_REGEX = /国办公开办函[〔\[［(（【]?(20\d\d)[〕\]］)）】]?(\d+)号/g;

/** "YYYY-N" of a 国办公开办函〔YYYY〕N号 citation → the registered format that notice published */
function noticeFormats(): Map<string, FormatId> {
  const out = new Map<string, FormatId>();
  for (const format of allFormats()) {
    const m = new RegExp(NOTICE_REGEX.source).exec(normalizeForNumbers(format.notice));
    if (m) out.set(`${m[1]}-${m[2]}`, format.id);
  }
  return out;
}

export function checkSupersededNotice(sink: ResultSink, report: ReportContent) {
  const inForce = formatForYear(report.year).id;
  let notices: Map<string, FormatId> | undefined;
  for (const section of NARRATIVE_KEYS) {
    const raw = report.sections?.[section];
    if (!raw || !raw.includes('公开办函')) continue;
    const text = normalizeForNumbers(raw);
    NOTICE_REGEX.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NOTICE_REGEX.exec(text)) !== null) {
      notices ??= noticeFormats();
      const cited = notices.get(`${m[1]}-${m[2]}`);
      if (!cited || cited === inForce) continue;
      const right = getFormat(inForce).notice;
      sink.failed(
        'format.superseded',
        `${section}:${m[1]}-${m[2]}`,
        [`section:${section}`],
        right,
        m[0],
        `${SECTION_NAMES[section]}引用了“${m[0]}”，但${report.year}年度报告应适用${right}的格式`,
      );
    }
  }
}
