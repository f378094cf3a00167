/**
 * The quality check weighs the validation's findings (it never re-implements a rule) plus timeliness,
 * completeness and the overview's substance. Each case breaks one thing of a clean generated pair.
 */
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../src/formats';
import { competitionRanks, QUALITY_CRITERIA, QUALITY_POINTS, QUALITY_THRESHOLDS, qualityCheck, type QualityInput } from '../src/quality';
import { validateReport } from '../src/validation';
import { pair } from './helpers/reports';

function clean(format: FormatId): QualityInput {
  const { previous, report } = pair(format, 7, 3);
  // a substantial overview, as a real report has (the generator's is short)
  report.sections.overview += '本年度，我局坚持以公开为常态、不公开为例外，'.repeat(12);
  // section 五 written afresh (the generator may repeat one of last year's items)
  report.sections.problems = `${report.year}年，我局政府信息公开工作仍有不足：一是执法信息公开不够及时，个别处罚决定超过七个工作日才公开；二是政策解读以文字为主，群众反映不易理解。${report.year + 1}年，我局将建立执法信息公开台账，逐项跟踪公开时限，并组织业务骨干制作图解和短视频解读。`;
  return { report, previous, publishedAt: `${report.year + 1}-01-20T02:00:00Z`, deadline: `${report.year + 1}-01-31` };
}

const scored = (r: ReturnType<typeof qualityCheck>) => r.reasons.filter((x) => x.points > 0);

describe.each(['2019', '2021'] as const)('qualityCheck, format %s', (format) => {
  it('a consistent report published on time scores 100 and needs no follow-up', () => {
    const result = qualityCheck(clean(format));
    expect(scored(result)).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.followUp).toBe(false);
    expect(result.problemsSimilarity).not.toBeNull();
  });

  it('publishing late deducts a base and a point per day, capped', () => {
    const input = clean(format);
    const late = qualityCheck({ ...input, publishedAt: `${input.report.year + 1}-02-03T02:00:00Z` });
    const reason = late.reasons.find((r) => r.id === 'timeliness.late')!;
    expect(reason.points).toBe(QUALITY_POINTS.lateBase + 3 * QUALITY_POINTS.latePerDay);
    expect(reason.message).toContain('3天');
    expect(late.followUp).toBe(true);
    const veryLate = qualityCheck({ ...input, publishedAt: `${input.report.year + 1}-06-30T02:00:00Z` });
    expect(veryLate.reasons.find((r) => r.id === 'timeliness.late')!.points).toBe(QUALITY_POINTS.lateMax);
  });

  it('an unpublished report past its deadline is named; one before it is not', () => {
    const input = clean(format);
    const after = qualityCheck({ ...input, publishedAt: null, today: `${input.report.year + 1}-02-10T00:00:00Z` });
    expect(after.reasons.find((r) => r.id === 'timeliness.unpublished')?.points).toBe(QUALITY_POINTS.unpublishedOverdue);
    const before = qualityCheck({ ...input, publishedAt: null, today: `${input.report.year + 1}-01-10T00:00:00Z` });
    expect(scored(before)).toEqual([]);
  });

  it('without a deadline timeliness is listed as not assessable, not scored', () => {
    const result = qualityCheck({ ...clean(format), deadline: null });
    expect(result.reasons.find((r) => r.id === 'timeliness')).toMatchObject({ points: 0, notAssessable: true });
    expect(result.score).toBe(100);
  });

  it('a rule error becomes a reason naming its cells and table', () => {
    const input = clean(format);
    input.report.cells['t3.carryForward.natural'] = (input.report.cells['t3.carryForward.natural'] as number) + 1;
    input.report.cells['t3.carryForward.total'] = (input.report.cells['t3.carryForward.total'] as number) + 1;
    const result = qualityCheck(input);
    const errors = result.reasons.filter((r) => r.id.startsWith('rule:t3.balance'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ points: QUALITY_POINTS.ruleError, section: 't3' });
    expect(errors[0].cells).toContain('t3.carryForward.natural');
    expect(result.followUp).toBe(true);
  });

  it('an empty report: every section empty, the blanks one capped reason, the score never below 0', () => {
    const input = clean(format);
    for (const key of Object.keys(input.report.cells)) input.report.cells[key] = null;
    input.report.sections = { overview: '', problems: '', other: '' };
    const result = qualityCheck({ ...input, publishedAt: null, today: `${input.report.year + 2}-01-01T00:00:00Z` });
    // blanks are one reason, capped; they do not use up the budget of the other rule errors
    const blanks = result.reasons.find((r) => r.id === 'blanks')!;
    expect(blanks.points).toBe(QUALITY_POINTS.blankCellsMax);
    expect(blanks.cells!.length).toBeGreaterThan(100);
    expect(result.reasons.some((r) => r.id.startsWith('rule:cell.blank'))).toBe(false);
    expect(result.reasons.filter((r) => r.id.startsWith('section.empty:')).map((r) => r.section).sort()).toEqual(
      ['other', 'overview', 'problems', 't2', 't3', 't4'].sort(),
    );
    const lost = result.reasons.reduce((n, r) => n + r.points, 0);
    expect(lost).toBeGreaterThanOrEqual(95);
    expect(result.score).toBe(Math.max(0, 100 - lost));
  });

  it('rule errors are capped', () => {
    const input = clean(format);
    // one wrong 总计 per row of table 3 breaks many rule instances
    for (const key of Object.keys(input.report.cells).filter((k) => k.startsWith('t3.') && k.endsWith('.total'))) {
      input.report.cells[key] = (input.report.cells[key] as number) + 1;
    }
    const result = qualityCheck(input);
    const errorIds = new Set(validateReport(input.report, { previous: input.previous }).errors.map((e) => `rule:${e.id}`));
    expect(errorIds.size).toBeGreaterThan(QUALITY_POINTS.ruleErrorMax / QUALITY_POINTS.ruleError);
    const ruleLoss = result.reasons.filter((r) => errorIds.has(r.id)).reduce((s, r) => s + r.points, 0);
    expect(ruleLoss).toBe(QUALITY_POINTS.ruleErrorMax);
  });

  it('blank cells instead of 0 are one reason naming the cells, a few points each, capped', () => {
    const input = clean(format);
    input.report.cells['t4.reconsideration.upheld'] = null;
    input.report.cells['t4.reconsideration.corrected'] = null;
    const result = qualityCheck(input);
    const reason = result.reasons.find((r) => r.id === 'blanks')!;
    expect(reason).toMatchObject({ points: 2 * QUALITY_POINTS.blankCell, section: 't4' });
    expect(reason.cells).toEqual(['t4.reconsideration.upheld', 't4.reconsideration.corrected']);
    expect(reason.message).toContain('2个单元格空白');
    expect(result.followUp).toBe(true);
  });

  it('section 五 repeating some of last year’s items word for word loses points in proportion; a fresh one loses none', () => {
    const input = clean(format);
    const before = `${input.previous!.year}年，我局政府信息公开工作存在以下问题：一是政务新媒体更新频率不够稳定，与群众的互动交流还不充分；二是信息公开工作人员多为兼职，业务培训次数偏少。${input.report.year}年，我局将加强政务新媒体日常管理，建立信息发布和留言回复台账。`;
    input.previous!.sections.problems = before;
    expect(qualityCheck(input).reasons.some((r) => r.id.startsWith('problems.') || r.id.includes('s5.similarity'))).toBe(false);
    // this year repeats one problem and the measure (years changed), and adds a new problem
    input.report.sections.problems = `${input.report.year}年，我局政府信息公开工作存在以下问题：一是政务新媒体更新频率不够稳定，与群众的互动交流还不充分；二是执法信息公开不够及时，个别处罚决定超过七个工作日才公开。${input.report.year + 1}年，我局将加强政务新媒体日常管理，建立信息发布和留言回复台账。`;
    const result = qualityCheck(input);
    expect(result.reasons.some((r) => r.id.includes('s5.similarity'))).toBe(false);
    const reason = result.reasons.find((r) => r.id === 'problems.repeated')!;
    expect(reason.section).toBe('problems');
    expect(reason.points).toBeGreaterThan(0);
    expect(reason.points).toBeLessThan(QUALITY_POINTS.copiedProblems);
    expect(reason.message).toContain('2处表述与上年报告基本相同');
    expect(reason.message).toContain('政务新媒体更新频率不够稳定');
  });

  it('warnings without a written explanation cost points when the explanations are known', () => {
    const input = clean(format);
    const total = input.report.cells['t3.new.total'] as number;
    input.report.sections.overview += `全年共新收政府信息公开申请${total + 5}件。`;
    expect(qualityCheck(input).reasons.some((r) => r.id === 'warnings.unexplained')).toBe(false);
    const unexplained = qualityCheck({ ...input, explainedRuleIds: [] }).reasons.find((r) => r.id === 'warnings.unexplained')!;
    expect(unexplained).toMatchObject({ points: QUALITY_POINTS.unexplainedWarning });
    expect(unexplained.message).toContain('1条校验提示未作书面说明');
    expect(qualityCheck({ ...input, explainedRuleIds: ['text.numbers'] }).reasons.some((r) => r.id === 'warnings.unexplained')).toBe(false);
  });

  it('section 五 copied from last year costs points and reports the similarity', () => {
    const input = clean(format);
    input.report.sections.problems = input.previous!.sections.problems;
    const result = qualityCheck(input);
    const reason = result.reasons.find((r) => r.id.startsWith('rule:s5.similarity'))!;
    expect(reason).toMatchObject({ points: QUALITY_POINTS.copiedProblems, section: 'problems' });
    expect(reason.message).toContain('100%');
    expect(result.problemsSimilarity).toBe(1);
  });

  it('a number in the text contradicting the table is a reason linking text and cells', () => {
    const input = clean(format);
    const total = input.report.cells['t3.new.total'] as number;
    input.report.sections.overview += `全年共新收政府信息公开申请${total + 5}件。`;
    const reason = qualityCheck(input).reasons.find((r) => r.id.includes('text.numbers'))!;
    expect(reason).toMatchObject({ points: QUALITY_POINTS.textNumber, section: 'overview', cells: ['t3.new.total'] });
  });

  it('a carry-over that does not match last year is a reason; without last year it is not assessable', () => {
    const input = clean(format);
    input.report.cells['t3.carried.natural'] = (input.report.cells['t3.carried.natural'] as number) + 1;
    input.report.cells['t3.carried.total'] = (input.report.cells['t3.carried.total'] as number) + 1;
    input.report.cells['t3.carryForward.natural'] = (input.report.cells['t3.carryForward.natural'] as number) + 1;
    input.report.cells['t3.carryForward.total'] = (input.report.cells['t3.carryForward.total'] as number) + 1;
    const result = qualityCheck(input);
    expect(result.reasons.some((r) => r.id.startsWith('rule:t3.carryOver') && r.points === QUALITY_POINTS.carryOver)).toBe(true);
    const alone = qualityCheck({ ...input, previous: null });
    expect(alone.reasons.filter((r) => r.id.startsWith('rule:t3.carryOver')).every((r) => r.notAssessable && r.points === 0)).toBe(true);
    expect(alone.problemsSimilarity).toBeNull();
  });

  it('an overview too short to inform costs points', () => {
    const input = clean(format);
    input.report.sections.overview = '我局认真做好政府信息公开工作。';
    const reason = qualityCheck(input).reasons.find((r) => r.id === 'overview.short')!;
    expect(reason.points).toBe(QUALITY_POINTS.overviewTooShort);
    expect(reason.message).toContain(String(QUALITY_THRESHOLDS.overviewMinChars));
  });

  it('a precomputed validation gives the same result as running it', () => {
    const input = clean(format);
    input.report.sections.problems = input.previous!.sections.problems;
    const validation = validateReport(input.report, { previous: input.previous });
    expect(qualityCheck({ ...input, validation })).toEqual(qualityCheck(input));
  });
});

describe('format 2021 only', () => {
  it('信息处理费 not reported in section 六 is a reason', () => {
    const input = clean('2021');
    input.report.sections.other = '无其他需要报告的事项。';
    const reason = qualityCheck(input).reasons.find((r) => r.id.startsWith('rule:s6.processingFee'))!;
    expect(reason).toMatchObject({ points: QUALITY_POINTS.processingFee, section: 'other' });
  });

  it('format 2019 is not asked for 信息处理费', () => {
    const input = clean('2019');
    input.report.sections.other = '无其他需要报告的事项。';
    expect(qualityCheck(input).reasons.some((r) => r.id.includes('processingFee'))).toBe(false);
  });
});

describe('ranking', () => {
  it('equal scores share a rank and the next rank counts everyone above (1, 1, 3); unscored entries have none', () => {
    expect(competitionRanks([100, 95, 100, null, 80, 95])).toEqual([1, 3, 1, null, 5, 3]);
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([null, 70])).toEqual([null, 1]);
  });

  it('every criterion is described in Chinese for the console', () => {
    expect(QUALITY_CRITERIA.length).toBeGreaterThanOrEqual(8);
    for (const c of QUALITY_CRITERIA) {
      expect(c.label).toMatch(/[\u4e00-\u9fff]/);
      expect(c.points).toMatch(/扣\d+分/);
    }
  });
});

describe('generated demo-like data', () => {
  it('separates reports: repeated items of section 五 cost a spread of points, not all or nothing', () => {
    const scores = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const { previous, report } = pair('2021', seed, 1);
      report.sections.overview += '本年度，我局坚持以公开为常态、不公开为例外，'.repeat(12);
      scores.add(qualityCheck({ report, previous, publishedAt: '2023-01-20T02:00:00Z', deadline: '2023-01-31' }).score);
    }
    expect(scores.size).toBeGreaterThan(2);
  });
});
