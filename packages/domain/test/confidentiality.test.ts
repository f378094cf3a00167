import { describe, expect, it } from 'vitest';
import {
  CONFIDENTIALITY_CHECKS,
  CONFIDENTIALITY_CHECK_KEYS,
  DEFAULT_REPORT_DISCLOSURE,
  DISCLOSURE_ATTRIBUTE_LABELS,
  REVIEW_CONCLUSION_LABELS,
  reviewBlockers,
  reviewCleared,
  suggestedConclusion,
  type ConfidentialityReview,
} from '../src/confidentiality';

const H = 'c'.repeat(64);
const allPass = Object.fromEntries(CONFIDENTIALITY_CHECK_KEYS.map((k) => [k, { conclusion: 'PASS' as const }]));
const cleared: ConfidentialityReview = { contentHash: H, checks: allPass, conclusion: 'OPEN', disclosure: 'PROACTIVE' };

describe('confidentiality review', () => {
  it('has the seven checks in two groups with stable keys', () => {
    expect(CONFIDENTIALITY_CHECKS.map((c) => `${c.key}:${c.label}`)).toEqual([
      'stateSecret:国家秘密',
      'commercialSecret:商业秘密',
      'privacy:个人隐私',
      'nationalSecurity:国家安全',
      'publicSecurity:公共安全',
      'economicSecurity:经济安全',
      'socialStability:社会稳定',
    ]);
    expect(CONFIDENTIALITY_CHECKS.filter((c) => c.group === 'twoSecretsOnePrivacy')).toHaveLength(3);
    expect(REVIEW_CONCLUSION_LABELS).toEqual({ OPEN: '公开', EXEMPT: '免于公开', REFER: '须报审' });
    expect(DISCLOSURE_ATTRIBUTE_LABELS[DEFAULT_REPORT_DISCLOSURE]).toBe('主动公开');
  });

  it('is cleared when all seven pass, the conclusion is 公开, on the current hash, without open findings', () => {
    expect(reviewCleared(cleared, H, [])).toBe(true);
    expect(reviewCleared(cleared, H, [{ status: 'DISMISSED' }, { status: 'FIXED' }])).toBe(true);
    expect(reviewCleared(cleared, H, [{ status: 'OPEN' }])).toBe(false);
    expect(reviewCleared(cleared, 'd'.repeat(64), [])).toBe(false);
    expect(reviewCleared(null, H, [])).toBe(false);
    expect(reviewCleared({ ...cleared, conclusion: 'REFER' }, H, [])).toBe(false);
    expect(reviewCleared({ ...cleared, disclosure: 'WITHHELD' }, H, [])).toBe(false);
  });

  it('names each unconcluded or failed check', () => {
    const { socialStability: _omit, ...six } = allPass;
    const b = reviewBlockers({ ...cleared, checks: { ...six, privacy: { conclusion: 'ISSUE', note: '含申请人姓名' } } }, H, []);
    expect(b.map((x) => [x.code, x.ref])).toEqual([
      ['review.check.issue', 'privacy'],
      ['review.check.open', 'socialStability'],
    ]);
    expect(b[0].message).toContain('个人隐私');
    expect(b[1].message).toContain('社会稳定');
  });

  it('suggests a conclusion from the checks', () => {
    expect(suggestedConclusion(allPass)).toBe('OPEN');
    expect(suggestedConclusion({ ...allPass, stateSecret: { conclusion: 'ISSUE' } })).toBe('EXEMPT');
    const { privacy: _p, ...six } = allPass;
    expect(suggestedConclusion(six)).toBeNull();
  });
});
