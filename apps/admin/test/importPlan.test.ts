import { describe, expect, it } from 'vitest';
import { FORMAT_2021 } from '@touming/domain/formats';
import { generateReport } from '@touming/domain/generate';
import { importReport } from '@touming/domain/import';
import { renderText } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import { planImport } from '../src/editor/importPlan';
import type { Report } from '../src/providers/types';

function asReport(content: ReportContent, status = 'DRAFT'): Report {
  return {
    id: 'r1',
    agencyId: 'a1',
    agency: { id: 'a1', name: content.agency, kind: 'DEPARTMENT' },
    year: content.year,
    format: content.format,
    status,
    revision: 3,
    contentHash: '',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    errorCount: 0,
    warningCount: 0,
    sections: Object.entries(content.sections).map(([key, text]) => ({ key, text })),
    cells: Object.entries(content.cells).map(([key, value]) => ({ key, value })),
    validation: { errors: [], warnings: [], notAssessable: [] },
    previousYear: null,
  } as unknown as Report;
}

const agency = '某县市场监督管理局';
const empty = (year: number): ReportContent => ({
  format: '2021',
  year,
  agency,
  sections: { overview: '', problems: '', other: '' },
  cells: Object.fromEntries(FORMAT_2021.cells.map((c) => [c.key, null])),
});

describe('what a paste-import would change', () => {
  it('into an empty draft of the same year: every filled cell and text, nothing replaced, no confirmation', () => {
    const source = generateReport({ format: '2021', year: 2026, agency, seed: 3 });
    const plan = planImport(asReport(empty(2026)), importReport({ text: renderText(source) }));
    expect(plan.blocked).toBeNull();
    expect(plan.otherYear).toBe(false);
    expect(plan.cells.length).toBe(FORMAT_2021.cells.length);
    expect(plan.sections.map((s) => s.key)).toEqual(['overview', 'problems', 'other']);
    expect(plan.replaced).toEqual({ sections: [], tables: [] });
    expect(plan.needsConfirmation).toBe(false);
  });

  it("another year's report over a filled draft: only what differs, the replaced texts and tables named, confirmation required", () => {
    const current = generateReport({ format: '2021', year: 2026, agency, seed: 4 });
    const source = generateReport({ format: '2021', year: 2024, agency, seed: 5 });
    source.sections.problems = current.sections.problems;
    const plan = planImport(asReport(current), importReport({ text: renderText(source) }));
    const differing = FORMAT_2021.cells.filter((c) => current.cells[c.key] !== source.cells[c.key]).map((c) => c.key);
    expect(plan.cells.map((c) => c.key)).toEqual(differing);
    expect(plan.cells.every((c) => c.before !== c.after)).toBe(true);
    expect(plan.sections.map((s) => s.key)).toEqual(['overview', 'other']);
    expect(plan.replaced.sections).toEqual(['一、总体情况', '六、其他需要报告的事项']);
    expect(plan.replaced.tables.reduce((n, t) => n + t.count, 0)).toBe(differing.length);
    expect(plan.otherYear).toBe(true);
    expect(plan.needsConfirmation).toBe(true);
  });

  it('a report of the other format cannot go over this draft (the domain rule), nor anything over a submitted report', () => {
    const source = generateReport({ format: '2019', year: 2020, agency, seed: 6 });
    const plan = planImport(asReport(empty(2026)), importReport({ text: renderText(source) }));
    expect(plan.blocked).toMatch(/格式/);
    expect(plan.needsConfirmation).toBe(false);
    const same = generateReport({ format: '2021', year: 2026, agency, seed: 7 });
    expect(planImport(asReport(empty(2026), 'SUBMITTED'), importReport({ text: renderText(same) })).blocked).toMatch(/不是草稿/);
  });
});
