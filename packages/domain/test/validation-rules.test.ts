/**
 * Every rule of the catalog: it fires on a report that breaks it and stays silent on a valid one.
 * VIOLATIONS must name every rule in RULES (checked below), so a new rule cannot ship untested.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS, type FormatId } from '../src/formats';
import type { ReportContent } from '../src/report';
import { RULES, rulesOf } from '../src/validation';
import { CHECKS } from '../src/validation/validate';
import { clone, failedOf, pair, validate } from './helpers/reports';

interface Case {
  previous: ReportContent | null;
  report: ReportContent;
}

/** breaks exactly one rule of a valid pair */
const VIOLATIONS: Record<string, (c: Case) => void> = {
  't3.rowTotal': ({ report }) => {
    // the 自然人 column stays balanced; only the rows' 总计 cells no longer match
    for (const row of ['granted', 'total', 'new']) report.cells[`t3.${row}.natural`] = (report.cells[`t3.${row}.natural`] as number) + 1;
  },
  't3.columnTotal': ({ report }) => {
    // moves one application from 予以公开 to nowhere in the 自然人 column and its row total, keeping rows balanced
    report.cells['t3.total.natural'] = (report.cells['t3.total.natural'] as number) + 1;
    report.cells['t3.total.total'] = (report.cells['t3.total.total'] as number) + 1;
    report.cells['t3.carryForward.natural'] = (report.cells['t3.carryForward.natural'] as number) - 1;
    report.cells['t3.carryForward.total'] = (report.cells['t3.carryForward.total'] as number) - 1;
  },
  't3.balance': ({ report }) => {
    report.cells['t3.carryForward.natural'] = (report.cells['t3.carryForward.natural'] as number) + 1;
    report.cells['t3.carryForward.total'] = (report.cells['t3.carryForward.total'] as number) + 1;
  },
  't4.blockTotal': ({ report }) => {
    report.cells['t4.litigationDirect.upheld'] = (report.cells['t4.litigationDirect.upheld'] as number) + 2;
  },
  'cell.kind': ({ report }) => {
    report.cells['t2.penalty.decisions'] = 0.5;
  },
  'cell.blank': ({ report }) => {
    report.cells['t3.withheld.stateSecret.research'] = null;
  },
  't3.carryOver': ({ previous }) => {
    previous!.cells['t3.carryForward.legal'] = (previous!.cells['t3.carryForward.legal'] as number) + 1;
  },
  't2.projectCarryOver': ({ report }) => {
    report.cells['t2.penalty.previous'] = (report.cells['t2.penalty.previous'] as number) + 3;
  },
  't2.inForce': ({ report }) => {
    report.cells['t2.normativeDocs.inForce'] = (report.cells['t2.normativeDocs.inForce'] as number) + 1;
  },
  'text.numbers': ({ report }) => {
    report.sections.overview += `本年度新收政府信息公开申请${(report.cells['t3.new.total'] as number) + 7}件。`;
  },
  't3.otherHigh': ({ report }) => {
    const otherRow = report.format === '2019' ? 'other' : 'other.other';
    const move = (report.cells['t3.total.total'] as number) + 5;
    for (const column of ['natural', 'total']) {
      report.cells[`t3.${otherRow}.${column}`] = (report.cells[`t3.${otherRow}.${column}`] as number) + move;
      report.cells[`t3.total.${column}`] = (report.cells[`t3.total.${column}`] as number) + move;
      report.cells[`t3.new.${column}`] = (report.cells[`t3.new.${column}`] as number) + move;
    }
    report.sections.overview = report.sections.overview.replace(/新收政府信息公开申请\d+件/, `新收政府信息公开申请${report.cells['t3.new.total']}件`).replace('未收到政府信息公开申请', `新收政府信息公开申请${report.cells['t3.new.total']}件`);
  },
  's6.processingFee': ({ report }) => {
    report.sections.other = '无其他需要报告的事项。';
  },
  's1.length': ({ report }) => {
    report.sections.overview += '加强政务公开平台建设，'.repeat(100);
  },
  's5.similarity': ({ report, previous }) => {
    report.sections.problems = previous!.sections.problems.replace('。', '；另外还有一点不足。');
  },
  'format.superseded': ({ report }) => {
    report.sections.other += report.year >= 2021 ? '本报告按照国办公开办函〔2019〕60号要求编制。' : '本报告按照国办公开办函〔2021〕30号要求编制。';
  },
};

describe('the rule catalog', () => {
  it('has a violating case for every rule, and every rule has a unique id, a title, a check and a format applying it', () => {
    expect(Object.keys(VIOLATIONS).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(CHECKS.flatMap((c) => c.rules).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
      expect(FORMAT_IDS.some((f) => rulesOf(f).includes(rule))).toBe(true);
    }
  });

  it('applies per format what the format lists: 上一年项目数量 in 2019, 现行有效件数 and 信息处理费 from 2021', () => {
    const ids = (f: FormatId) => rulesOf(f).map((r) => r.id);
    expect(ids('2019')).toContain('t2.projectCarryOver');
    expect(ids('2019')).not.toContain('t2.inForce');
    expect(ids('2019')).not.toContain('s6.processingFee');
    expect(ids('2021')).toEqual(expect.arrayContaining(['t2.inForce', 's6.processingFee']));
    expect(ids('2021')).not.toContain('t2.projectCarryOver');
  });
});

for (const format of ['2019', '2021'] as FormatId[]) {
  describe(`format ${format}`, () => {
    it('a valid report with last year’s report has no errors, no warnings and nothing not assessable', () => {
      const { previous, report } = pair(format);
      const result = validate(report, previous);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.notAssessable).toEqual([]);
    });

    for (const rule of rulesOf(format)) {
      it(`${rule.id} fires on a violating report and only that rule fails`, () => {
        const c: Case = pair(format, 3);
        const broken: Case = { previous: clone(c.previous), report: clone(c.report) };
        // the valid pair is silent on this rule
        expect(failedOf(validate(c.report, c.previous), rule.id)).toEqual([]);
        VIOLATIONS[rule.id](broken);
        const result = validate(broken.report, broken.previous);
        const fired = failedOf(result, rule.id);
        expect(fired.length).toBeGreaterThan(0);
        for (const f of fired) {
          expect(f.severity).toBe(rule.severity);
          expect(f.status).toBe('failed');
          expect(f.cells.length).toBeGreaterThan(0);
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.id.startsWith(rule.id)).toBe(true);
        }
        expect((rule.severity === 'error' ? result.errors : result.warnings).length).toBeGreaterThan(0);
        // other rules are undisturbed (a blank cell also makes the sums around it not assessable)
        const others = [...result.errors, ...result.warnings].filter((r) => r.ruleId !== rule.id);
        expect(others).toEqual([]);
      });
    }
  });
}

describe('rule results', () => {
  it('have unique ids within one validation', () => {
    const { report } = pair('2021', 5);
    for (const key of Object.keys(report.cells)) report.cells[key] = null;
    const result = validate(report, null);
    const ids = [...result.errors, ...result.warnings, ...result.notAssessable].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('format-specific rules do not run on the other format', () => {
    const { previous, report } = pair('2019', 4);
    report.sections.other = '';
    const result = validate(report, previous);
    expect(failedOf(result, 's6.processingFee')).toEqual([]);
    expect([...result.notAssessable, ...result.errors, ...result.warnings].some((r) => r.ruleId === 't2.inForce')).toBe(false);
  });
});
