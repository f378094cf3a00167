export const FINDING_KINDS = ['idNumber', 'suspectedIdNumber', 'mobile', 'bankCard', 'email', 'secretMarking'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  idNumber: '居民身份证号码',
  suspectedIdNumber: '疑似身份证号',
  mobile: '手机号码',
  bankCard: '银行卡号',
  email: '电子邮箱地址',
  secretMarking: '密级或内部标志',
};

/**
 * How sure the scanner is: HIGH where a checksum holds (or a marking is literal), LOW where a number
 * only has the shape of personal data — an 18-digit number with a plausible region and birth date
 * whose check digit fails is most likely a mistyped ID number, which is still personal data.
 */
export const FINDING_CONFIDENCES = ['HIGH', 'LOW'] as const;
export type FindingConfidence = (typeof FINDING_CONFIDENCES)[number];
export const FINDING_CONFIDENCE_LABELS: Record<FindingConfidence, string> = { HIGH: '较高', LOW: '较低' };

export const FINDING_KIND_CONFIDENCE: Record<FindingKind, FindingConfidence> = {
  idNumber: 'HIGH',
  suspectedIdNumber: 'LOW',
  mobile: 'HIGH',
  bankCard: 'HIGH',
  email: 'HIGH',
  secretMarking: 'HIGH',
};

/** the confidence of a finding of this kind */
export function findingConfidence(kind: FindingKind): FindingConfidence {
  return FINDING_KIND_CONFIDENCE[kind];
}

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
