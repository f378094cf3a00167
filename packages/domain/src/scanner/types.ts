export const FINDING_KINDS = ['idNumber', 'mobile', 'bankCard', 'email', 'secretMarking'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  idNumber: '居民身份证号码',
  mobile: '手机号码',
  bankCard: '银行卡号',
  email: '电子邮箱地址',
  secretMarking: '密级或内部标志',
};

/** one thing the scanner flags in one text */
export interface Finding {
  kind: FindingKind;
  /** the section key (overview / problems / other, or another text's key) */
  section: string;
  /** the exact UTF-16 span [start, end) in that section's text */
  start: number;
  end: number;
  /** text.slice(start, end) */
  match: string;
  /** Chinese, with personal data masked */
  message: string;
}
