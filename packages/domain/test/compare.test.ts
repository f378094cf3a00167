import { describe, expect, it } from 'vitest';
import { compareReports, compareSectionText, comparisonConcern, generateReport, promisesOf, rankByConcern, renderComparisonHtml, renderComparisonText, unusualChange, type ReportContent } from '../src';

function pair(format2: '2019' | '2021' = '2021', years: [number, number] = [2023, 2024]): [ReportContent, ReportContent] {
  const before = generateReport({ format: years[0] >= 2021 ? '2021' : '2019', year: years[0], agency: '盐池县文化旅游广电局', seed: 7 });
  const after = generateReport({ format: format2, year: years[1], agency: '盐池县文化旅游广电局', seed: 8, previous: before });
  return [before, after];
}

describe('比对报告：正文逐段比较', () => {
  it('相同段落、改写的段落、删去和新增的段落各归其类，顺序按新报告', () => {
    const before = '一是加强组织领导，明确专人负责政务公开工作。\n二是完善制度建设，修订了依申请公开办理流程。\n三是开展业务培训两次。';
    const after = '一是加强组织领导，明确专人负责政务公开工作。\n二是完善制度建设，全面修订了依申请公开办理流程和答复文书模板。\n四是推进基层政务公开标准化规范化建设。';
    const diff = compareSectionText(before, after);
    expect(diff.paragraphs.map((p) => p.change)).toEqual(['same', 'removed', 'changed', 'added']);
    expect(diff.counts).toEqual({ same: 1, added: 1, removed: 1, changed: 1 });
    const changed = diff.paragraphs.find((p) => p.change === 'changed')!;
    expect(changed.before).toContain('修订了依申请公开办理流程');
    expect(changed.after).toContain('答复文书模板');
    expect(changed.similarity).toBeGreaterThanOrEqual(0.5);
    expect(changed.similarity).toBeLessThan(1);
    expect(diff.similarity).toBeGreaterThan(0);
    expect(diff.similarity).toBeLessThan(1);
  });

  it('空白、全角数字和行首空格不算改动；两边都为空时相似度为1', () => {
    expect(compareSectionText('  全年共收到申请12件。\n', '全年共收到申请１２件。').counts).toEqual({ same: 1, added: 0, removed: 0, changed: 0 });
    const empty = compareSectionText('', '');
    expect(empty.similarity).toBe(1);
    expect(empty.paragraphs).toEqual([]);
  });

  it('逐句照搬上年的文字被标出，并给出所占比例', () => {
    const last = '一是政务公开工作人员业务能力有待进一步提升。二是政策解读形式较为单一，图解视频类解读偏少。';
    const now = '一是政务公开工作人员业务能力有待进一步提升。二是基层政务公开事项目录需要动态调整完善。';
    const diff = compareSectionText(last, now);
    expect(diff.copied.map((c) => c.text)).toEqual(['一是政务公开工作人员业务能力有待进一步提升']);
    expect(diff.copiedShare).toBeGreaterThan(0.3);
    expect(diff.copiedShare).toBeLessThan(0.7);
  });
});

describe('比对报告：表格逐格比较', () => {
  it('异常变化：3倍以上、正负相反、由0变为较大数值、空白；小数目的倍数变化不算异常', () => {
    expect(unusualChange(10, 40)).toBe('jump');
    expect(unusualChange(30, 9)).toBe('drop');
    expect(unusualChange(-3, 4)).toBe('signFlip');
    expect(unusualChange(0, 12)).toBe('fromZero');
    expect(unusualChange(15, 0)).toBe('toZero');
    expect(unusualChange(null, 3)).toBe('filled');
    expect(unusualChange(3, null)).toBe('blanked');
    expect(unusualChange(2, 6)).toBeNull();
    expect(unusualChange(0, 3)).toBeNull();
    expect(unusualChange(100, 120)).toBeNull();
  });

  it('同一份报告比对：没有变化的单元格，没有异常，摘要说明没有差别', () => {
    const [, after] = pair();
    const same = compareReports(after, { ...after, year: after.year + 1 });
    expect(same.changedCells).toEqual([]);
    expect(same.unchangedCells).toBe(200);
    expect(same.notComparable).toEqual([]);
    expect(same.sections.every((s) => s.similarity === 1)).toBe(true);
  });

  it('改动的单元格列出前后数值、增减和百分比，异常的排在最前，结转不衔接被指出', () => {
    const [before, after] = pair();
    const edited: ReportContent = { ...after, cells: { ...after.cells } };
    const carried = 't3.carried.natural';
    edited.cells[carried] = (after.cells[carried] ?? 0) + 50;
    edited.cells['t4.reconsideration.corrected'] = 0;
    const result = compareReports(before, edited);
    const first = result.changedCells[0];
    expect(first.unusual).not.toBeNull();
    const row = result.changedCells.find((c) => c.key === carried)!;
    expect(row.before).toBe(before.cells[carried]);
    expect(row.after).toBe(edited.cells[carried]);
    expect(row.change).toBe((edited.cells[carried] as number) - (before.cells[carried] as number));
    expect(row.label).toContain('表三');
    expect(result.carryOver.applicable).toBe(true);
    expect(result.carryOver.failed.map((r) => r.cells).flat()).toContain(carried);
    expect(result.summary.carryOverFailures).toBeGreaterThan(0);
    expect(result.summary.lines.join('\n')).toContain('结转数不衔接');
    // unusual ones come before ordinary ones
    const firstOrdinary = result.changedCells.findIndex((c) => c.unusual === null);
    const lastUnusual = result.changedCells.map((c) => c.unusual !== null).lastIndexOf(true);
    if (firstOrdinary >= 0) expect(lastUnusual).toBeLessThan(firstOrdinary);
  });

  it('不相邻的年度不核对结转，并说明原因', () => {
    const [before, after] = pair();
    const result = compareReports(before, { ...after, year: after.year + 2 });
    expect(result.carryOver.applicable).toBe(false);
    expect(result.carryOver.reason).toContain('不是相邻年度');
  });

  it('跨格式（2019年格式→2021年格式）：两种格式共有的单元格逐格比较，只在一种格式中存在的列为不可比', () => {
    const before = generateReport({ format: '2019', year: 2020, agency: '某局', seed: 3 });
    const after = generateReport({ format: '2021', year: 2021, agency: '某局', seed: 4, previous: before });
    const result = compareReports(before, after);
    expect(result.sameFormat).toBe(false);
    expect(result.notComparable.length).toBeGreaterThan(0);
    // table 4 is the same in both formats; table 2 and table 3's 其他处理 rows differ
    expect(result.notComparable.some((k) => k.startsWith('t2.'))).toBe(true);
    expect(result.notComparable.some((k) => k.startsWith('t4.'))).toBe(false);
    expect(result.notComparable).not.toContain('t3.new.total');
    expect(result.changedCells.some((c) => c.table === 't3')).toBe(true);
    // the generator carries 2020's figures into 2021 faithfully: the carry-over holds
    expect(result.carryOver.applicable).toBe(true);
    expect(result.carryOver.failed).toEqual([]);
  });
});

describe('比对报告：摘要', () => {
  it('第五部分照搬上年、正文数字与表格不符，都写在摘要最前面', () => {
    const [before, after] = pair();
    const copied: ReportContent = {
      ...after,
      sections: { ...after.sections, problems: before.sections.problems, overview: `${after.sections.overview}\n本年度共新收政府信息公开申请${(after.cells['t3.new.total'] ?? 0) + 7}件。` },
    };
    const result = compareReports(before, copied);
    expect(result.summary.lines[0]).toMatch(/五、存在的主要问题及改进情况.*高度相似.*可能照搬/);
    expect(result.summary.narrativeDisagreements).toBe(1);
    expect(result.narrativeNumbers[0].cells).toContain('t3.new.total');
    expect(result.summary.lines[1]).toContain('正文中有1处数字与表格不一致');
    expect(result.summary.sectionsByChange.at(-1)!.key).toBe('problems');
  });
});

describe('比对报告：文字与 HTML 输出', () => {
  it('摘要在最前，异常单元格标出，HTML 转义正文并自成一页', () => {
    const [before, after] = pair();
    const edited: ReportContent = { ...after, cells: { ...after.cells, 't4.reconsideration.total': (after.cells['t4.reconsideration.total'] ?? 0) + 40 }, sections: { ...after.sections, other: '<script>alert(1)</script>' } };
    const c = compareReports(before, edited);
    const text = renderComparisonText(c);
    expect(text.split('\n')[0]).toBe(`盐池县文化旅游广电局${after.year}年政府信息公开工作年度报告比对报告`);
    expect(text.indexOf('一、比对摘要')).toBeLessThan(text.indexOf('二、表格数字变化'));
    expect(text).toContain('表四');
    const html = renderComparisonHtml(c);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('class="unusual"');
  });
});

describe('比对报告：上年承诺的改进措施', () => {
  const last = '2024年，我单位政府信息公开工作取得了一定成效，但仍存在一些问题：一是对公开效果的评估开展较少。2025年，我们将重点做好以下工作：一是优化政府网站栏目设置，清理长期不更新的栏目；二是定期组织政务公开业务培训，邀请上级业务部门开展专题辅导。';
  it('从上年第五部分读出承诺，本年提到的标为已提及，没提到的计入摘要', () => {
    expect(promisesOf(last)).toEqual(['优化政府网站栏目设置，清理长期不更新的栏目', '定期组织政务公开业务培训，邀请上级业务部门开展专题辅导']);
    const [before, after] = pair();
    const b = { ...before, sections: { ...before.sections, problems: last } };
    const a = { ...after, sections: { overview: '2025年，我局优化了政府网站栏目设置，清理长期不更新的栏目8个。', problems: '一是政务新媒体更新频率不高。', other: '本年度未收取信息处理费。' } };
    const c = compareReports(b, a);
    expect(c.promises.map((p) => p.reportedAs !== null)).toEqual([true, false]);
    expect(c.promises[0].reportedAs).toContain('清理长期不更新的栏目8个');
    expect(c.summary.promisesNotReported).toBe(1);
    expect(c.summary.lines.join('\n')).toContain('上年报告承诺的2项改进措施中，有1项在本年报告中未见提及');
    expect(renderComparisonText(c)).toContain('未见提及：定期组织政务公开业务培训');
  });

  it('没有写明改进措施的，不虚构承诺', () => {
    expect(promisesOf('本单位政务公开工作人员业务能力有待进一步提升。')).toEqual([]);
  });
});

describe('比对报告：批量比对的排序', () => {
  it('照搬第五部分的排在最前，同分并列，没有可比报告的排在最后', () => {
    const [before, after] = pair();
    const copied = compareReports(before, { ...after, sections: { ...after.sections, problems: before.sections.problems } });
    const plain = compareReports(before, { ...after, sections: { ...after.sections, problems: '一是政务新媒体更新频率不高。二是政策解读形式单一，图解视频偏少。' } });
    const ranked = rankByConcern([
      { name: '无上年', comparison: null },
      { name: '正常甲', comparison: plain },
      { name: '照搬', comparison: copied },
      { name: '正常乙', comparison: plain },
    ]);
    expect(ranked.map((r) => r.item.name)).toEqual(['照搬', '正常甲', '正常乙', '无上年']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, null]);
    expect(ranked[0].concern!.copied).toBe(true);
    expect(ranked[0].concern!.reasons[0]).toMatch(/^第五部分与上年相似度/);
    expect(comparisonConcern(plain).copied).toBe(false);
    expect(comparisonConcern(plain).score).toBeLessThan(ranked[0].concern!.score);
  });
});

describe('比对报告：承诺与照搬', () => {
  it('本年第五部分照搬上年的承诺，不算报告了落实情况', () => {
    const last = '存在的问题：一是公开效果评估较少。2025年，我们将重点做好以下工作：一是开展政务公开满意度调查，根据群众意见改进公开工作；二是完善保密审查台账，做到审查意见逐条留痕。';
    const [before, after] = pair();
    const b = { ...before, sections: { ...before.sections, problems: last } };
    const a = { ...after, sections: { overview: '本年度围绕重点领域做好信息公开。', problems: last.replace('2025', '2026'), other: '' } };
    const c = compareReports(b, a);
    expect(c.promises).toHaveLength(2);
    expect(c.promises.every((p) => p.reportedAs === null)).toBe(true);
    expect(c.summary.promisesNotReported).toBe(2);
  });
});
