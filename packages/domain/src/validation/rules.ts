import { getFormat, type FormatId } from '../formats';
import type { RuleDefinition } from './types';

/**
 * The catalog of consistency rules (勾稽关系). Ids are stable: warnings are explained per id.
 * Which rules apply to a report is said by its format (FormatDefinition.rules); see rulesOf.
 */
export const RULES: RuleDefinition[] = [
  { id: 't3.rowTotal', severity: 'error', title: '表三每一行：总计栏等于六类申请人之和' },
  { id: 't3.columnTotal', severity: 'error', title: '表三每一列：（七）总计等于各项办理结果之和' },
  { id: 't3.balance', severity: 'error', title: '表三每一列：第一项加第二项之和等于第三项加第四项之和' },
  { id: 't4.blockTotal', severity: 'error', title: '表四每一类：总计等于维持、纠正、其他、尚未审结之和' },
  { id: 'cell.kind', severity: 'error', title: '数值类型：数量为不小于0的整数，增减为整数，金额为不小于0且不超过规定小数位的数' },
  { id: 'cell.blank', severity: 'error', title: '不得留空：空白不等于0，没有发生的填0' },
  { id: 't3.carryOver', severity: 'warning', title: '表三：本年上年结转等于上年报告的结转下年度继续办理' },
  { id: 't2.projectCarryOver', severity: 'warning', title: '表二：本年上一年项目数量等于上年报告的上一年项目数量加本年增/减' },
  { id: 't2.inForce', severity: 'warning', title: '表二：现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数' },
  { id: 'text.numbers', severity: 'warning', title: '正文所述数字与表格一致' },
  { id: 't3.otherHigh', severity: 'warning', title: '表三：“其他处理”占办理结果比例偏高' },
  { id: 's6.processingFee', severity: 'warning', title: '第六部分报告信息处理费收取情况' },
  { id: 's1.length', severity: 'warning', title: '总体情况原则上不超过一千字' },
  { id: 's5.similarity', severity: 'warning', title: '存在的主要问题及改进情况不得与上年雷同' },
  { id: 'format.superseded', severity: 'warning', title: '引用的报告格式通知与报告年度相符' },
];

/** the rules that read last year's report of the same agency (the carry-over checks) */
export const CROSS_YEAR_RULE_IDS: ReadonlySet<string> = new Set(['t3.carryOver', 't2.projectCarryOver', 't2.inForce']);

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]));

/** the rules that apply to reports of a format, in catalog order; a format naming an unknown rule is refused */
export function rulesOf(format: FormatId): RuleDefinition[] {
  const listed = getFormat(format).rules;
  for (const id of listed) if (!RULES_BY_ID.has(id)) throw new Error(`报告格式${format}列出了未登记的规则：${id}`);
  return RULES.filter((r) => listed.includes(r.id));
}

/** thresholds of the plausibility rules, exported so the console can explain them */
export const THRESHOLDS = {
  /** 其他处理 share of （七）总计 above which t3.otherHigh fires … */
  otherHighShare: 0.2,
  /** … when （七）总计 is at least this */
  otherHighMinTotal: 5,
  /** section 一's limit in non-whitespace characters (原则上不超过一千字) */
  overviewMaxChars: 1000,
  /** Dice coefficient of character bigrams at or above which section 五 counts as copied */
  similarityMax: 0.8,
} as const;
