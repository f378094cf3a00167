/**
 * 保密审查: the seven checks practice calls 两秘密一隐私 and 三安全一稳定 (条例 arts. 14–15, 2007
 * 条例 arts. 8 and 14), the overall conclusion and the report's 公开属性.
 */

export const CONFIDENTIALITY_CHECK_GROUPS = ['twoSecretsOnePrivacy', 'threeSecuritiesOneStability'] as const;
export type ConfidentialityCheckGroup = (typeof CONFIDENTIALITY_CHECK_GROUPS)[number];

export const CONFIDENTIALITY_CHECK_GROUP_LABELS: Record<ConfidentialityCheckGroup, string> = {
  twoSecretsOnePrivacy: '两秘密一隐私',
  threeSecuritiesOneStability: '三安全一稳定',
};

export interface ConfidentialityCheck {
  /** stable key, public API */
  key: ConfidentialityCheckKey;
  label: string;
  group: ConfidentialityCheckGroup;
  /** the question the reviewer answers */
  question: string;
}

export const CONFIDENTIALITY_CHECK_KEYS = [
  'stateSecret',
  'commercialSecret',
  'privacy',
  'nationalSecurity',
  'publicSecurity',
  'economicSecurity',
  'socialStability',
] as const;
export type ConfidentialityCheckKey = (typeof CONFIDENTIALITY_CHECK_KEYS)[number];

export const CONFIDENTIALITY_CHECKS: readonly ConfidentialityCheck[] = [
  { key: 'stateSecret', label: '国家秘密', group: 'twoSecretsOnePrivacy', question: '是否涉及国家秘密' },
  { key: 'commercialSecret', label: '商业秘密', group: 'twoSecretsOnePrivacy', question: '是否涉及商业秘密' },
  { key: 'privacy', label: '个人隐私', group: 'twoSecretsOnePrivacy', question: '是否涉及个人隐私' },
  { key: 'nationalSecurity', label: '国家安全', group: 'threeSecuritiesOneStability', question: '公开后是否可能危及国家安全' },
  { key: 'publicSecurity', label: '公共安全', group: 'threeSecuritiesOneStability', question: '公开后是否可能危及公共安全' },
  { key: 'economicSecurity', label: '经济安全', group: 'threeSecuritiesOneStability', question: '公开后是否可能危及经济安全' },
  { key: 'socialStability', label: '社会稳定', group: 'threeSecuritiesOneStability', question: '公开后是否可能危及社会稳定' },
];

export function isConfidentialityCheckKey(value: unknown): value is ConfidentialityCheckKey {
  return typeof value === 'string' && (CONFIDENTIALITY_CHECK_KEYS as readonly string[]).includes(value);
}

/** the reviewer's conclusion on one check */
export const CHECK_CONCLUSIONS = ['PASS', 'ISSUE'] as const;
export type CheckConclusion = (typeof CHECK_CONCLUSIONS)[number];
export const CHECK_CONCLUSION_LABELS: Record<CheckConclusion, string> = { PASS: '无问题', ISSUE: '存在问题' };

/**
 * The overall conclusion of the written review record: 公开; 免于公开 (arts. 14–16); 须报审 — the
 * reviewer cannot decide and refers it to the 保密行政管理部门 (art. 17).
 */
export const REVIEW_CONCLUSIONS = ['OPEN', 'EXEMPT', 'REFER'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];
export const REVIEW_CONCLUSION_LABELS: Record<ReviewConclusion, string> = {
  OPEN: '公开',
  EXEMPT: '免于公开',
  REFER: '须报审',
};

/** the legal bases a conclusion cites (条例 2019) */
export const REVIEW_BASES = ['art14', 'art15', 'art16', 'art17'] as const;
export type ReviewBasis = (typeof REVIEW_BASES)[number];
export const REVIEW_BASIS_LABELS: Record<ReviewBasis, string> = {
  art14: '《中华人民共和国政府信息公开条例》第十四条（国家秘密、法律行政法规禁止公开、危及“三安全一稳定”）',
  art15: '《中华人民共和国政府信息公开条例》第十五条（商业秘密、个人隐私等第三方合法权益）',
  art16: '《中华人民共和国政府信息公开条例》第十六条（内部事务信息、过程性信息、行政执法案卷信息）',
  art17: '《中华人民共和国政府信息公开条例》第十七条（不能确定是否可以公开的，报有关主管部门或者保密行政管理部门确定）',
};

/** 公开属性; some localities add 删减后公开. Annual reports are 主动公开 (条例 art. 49). */
export const DISCLOSURE_ATTRIBUTES = ['PROACTIVE', 'ON_REQUEST', 'WITHHELD', 'REDACTED'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];
export const DISCLOSURE_ATTRIBUTE_LABELS: Record<DisclosureAttribute, string> = {
  PROACTIVE: '主动公开',
  ON_REQUEST: '依申请公开',
  WITHHELD: '不予公开',
  REDACTED: '删减后公开',
};
export const DEFAULT_REPORT_DISCLOSURE: DisclosureAttribute = 'PROACTIVE';
