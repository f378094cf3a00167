import type { RuleDefinition } from './types';

const BOTH = ['2019', '2021'] as const;

/** The catalog of consistency rules (勾稽关系). Ids are stable: warnings are explained per id. */
export const RULES: RuleDefinition[] = [
  { id: 't3.rowTotal', severity: 'error', title: '表三每一行：总计栏等于六类申请人之和', formats: BOTH },
  { id: 't3.columnTotal', severity: 'error', title: '表三每一列：（七）总计等于各项办理结果之和', formats: BOTH },
  { id: 't3.balance', severity: 'error', title: '表三每一列：第一项加第二项之和等于第三项加第四项之和', formats: BOTH },
  { id: 't4.blockTotal', severity: 'error', title: '表四每一类：总计等于维持、纠正、其他、尚未审结之和', formats: BOTH },
  { id: 'cell.kind', severity: 'error', title: '数值类型：数量为不小于0的整数，增减为整数，金额为不小于0且不超过规定小数位的数', formats: BOTH },
  { id: 'cell.blank', severity: 'error', title: '不得留空：空白不等于0，没有发生的填0', formats: BOTH },
  { id: 't3.carryOver', severity: 'warning', title: '表三：本年上年结转等于上年报告的结转下年度继续办理', formats: BOTH },
  { id: 't2.projectCarryOver', severity: 'warning', title: '表二：本年上一年项目数量等于上年报告的上一年项目数量加本年增/减', formats: ['2019'] },
  { id: 't2.inForce', severity: 'warning', title: '表二：现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数', formats: ['2021'] },
  { id: 'text.numbers', severity: 'warning', title: '正文所述数字与表格一致', formats: BOTH },
  { id: 't3.otherHigh', severity: 'warning', title: '表三：“其他处理”占办理结果比例偏高', formats: BOTH },
  { id: 's6.processingFee', severity: 'warning', title: '第六部分报告信息处理费收取情况', formats: ['2021'] },
  { id: 's1.length', severity: 'warning', title: '总体情况原则上不超过一千字', formats: BOTH },
  { id: 's5.similarity', severity: 'warning', title: '存在的主要问题及改进情况不得与上年雷同', formats: BOTH },
  { id: 'format.superseded', severity: 'warning', title: '引用的报告格式通知与报告年度相符', formats: BOTH },
];

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]));

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
