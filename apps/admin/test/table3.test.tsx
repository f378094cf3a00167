// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FORMAT_2021 } from '@touming/domain/formats';
import { validateReport } from '@touming/domain/validation';
import { TableView } from '../src/editor/TableView';
import { indexProblems } from '../src/editor/problems';
import { useReportDraft } from '../src/editor/useReportDraft';
import { toContent } from '../src/editor/draft';
import type { Report } from '../src/providers/types';

afterEach(cleanup);

const LABELS = { computed: '合计', previous: '上年', blank: '空白', mismatch: '不一致' };
const T3 = FORMAT_2021.tables.find((t) => t.id === 't3')!;
const DEFS = new Map(FORMAT_2021.cells.map((c) => [c.key, c]));

/** a 2021 report whose table 3 is consistent: 3 natural persons and 1 company applied, all granted */
function report(): Report {
  const cells = FORMAT_2021.cells.filter((c) => c.table === 't3').map((c) => ({ key: c.key, value: 0 as number | null }));
  const set = (key: string, value: number) => (cells.find((c) => c.key === key)!.value = value);
  for (const row of ['new', 'granted', 'total']) {
    set(`t3.${row}.natural`, 3);
    set(`t3.${row}.commercial`, 1);
    set(`t3.${row}.total`, 4);
  }
  return {
    id: 'r1',
    agencyId: 'a1',
    agency: { id: 'a1', name: '测试局', kind: 'DEPARTMENT' },
    year: 2021,
    format: '2021',
    status: 'DRAFT',
    revision: 1,
    contentHash: '',
    createdAt: '2022-01-01T00:00:00Z',
    updatedAt: '2022-01-01T00:00:00Z',
    errorCount: 0,
    warningCount: 0,
    sections: [],
    cells,
    validation: { errors: [], warnings: [], notAssessable: [] },
    previousYear: null,
    editableCells: cells.map((c) => c.key),
    editableSections: ['overview', 'problems', 'other'],
  };
}

/** the editor's table-3 block with the editor's own state hook: live validation as the user types */
function Table3Editor({ initial }: { initial: Report }) {
  const draft = useReportDraft(initial, { canEdit: true, autosave: false });
  const problems = indexProblems(FORMAT_2021, draft.validation);
  return (
    <TableView
      table={T3}
      cellDefs={DEFS}
      values={draft.content.cells}
      totals={draft.totals}
      previous={null}
      showPrevious={false}
      problems={problems}
      editedKeys={new Set(Object.keys(draft.edits.cells))}
      readOnly={false}
      onChange={draft.setCell}
      labels={LABELS}
    />
  );
}

function th(text: string) {
  const found = screen.getAllByRole('columnheader').concat(screen.getAllByRole('rowheader')).filter((e) => e.textContent === text);
  // rowgroup headers have no implicit ARIA role in jsdom; fall back to a plain query
  if (found.length) return found[0] as HTMLTableCellElement;
  return [...document.querySelectorAll('th')].find((e) => e.textContent === text) as HTMLTableCellElement;
}

describe('table 3 of the 2021 format in the editor', () => {
  it('draws the official grouped headers', () => {
    render(<Table3Editor initial={report()} />);
    expect(th('申请人情况').colSpan).toBe(7);
    expect(th('法人或其他组织').colSpan).toBe(5);
    expect(th('自然人').rowSpan).toBe(2);
    expect(th('总计').rowSpan).toBe(2);
    for (const label of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) expect(th(label)).toBeTruthy();
    // 三、本年度办理结果 spans every result row: (一)(二), 8 不予公开, 3 无法提供, 5 不予处理, 3 其他处理, (七)总计
    expect(th('三、本年度办理结果').rowSpan).toBe(2 + 8 + 3 + 5 + 3 + 1);
    expect(th('（三）不予公开').rowSpan).toBe(8);
    expect(th('（四）无法提供').rowSpan).toBe(3);
    expect(th('（五）不予处理').rowSpan).toBe(5);
    expect(th('（六）其他处理').rowSpan).toBe(3);
    // rows outside the groups span the three label columns
    expect(th('一、本年新收政府信息公开申请数量').colSpan).toBe(3);
    expect(th('（一）予以公开').colSpan).toBe(2);
    expect(th('1.属于国家秘密').colSpan).toBe(1);
    // one input per cell of the format's table 3, addressed by its public cell key
    const keys = FORMAT_2021.cells.filter((c) => c.table === 't3').map((c) => c.key);
    expect(document.querySelectorAll('input[data-cell^="t3."]')).toHaveLength(keys.length);
    expect(screen.getByLabelText('表三 一、本年新收政府信息公开申请数量 · 自然人')).toHaveProperty('value', '3');
  });

  it('shows the domain message at the row when a typed value breaks a rule, and clears it when fixed', () => {
    render(<Table3Editor initial={report()} />);
    expect(document.querySelectorAll('.tm-cell--error')).toHaveLength(0);
    const natural = document.querySelector<HTMLInputElement>('input[data-cell="t3.new.natural"]')!;
    fireEvent.focus(natural);
    fireEvent.change(natural, { target: { value: '5' } });

    // the messages the domain itself gives for this content
    const expected = validateReport(toContent(report(), { cells: { 't3.new.natural': 5 }, sections: {} }));
    const rowTotal = expected.errors.find((r) => r.id === 't3.rowTotal:new')!;
    const balance = expected.errors.find((r) => r.ruleId === 't3.balance' && r.cells.includes('t3.new.natural'))!;
    expect(rowTotal.message).toContain('总计栏（4）不等于六类申请人之和（6）');

    const rowProblems = screen.getByTestId('problem-t3.rowTotal:new');
    expect(rowProblems.textContent).toContain(rowTotal.message);
    // shown directly under the row of 一、本年新收 (the row holding the offending cells)
    const newRow = document.querySelector('tr[data-row="t3.new"]')!;
    expect(newRow.nextElementSibling?.contains(rowProblems)).toBe(true);
    expect(screen.getByTestId(`problem-${balance.id}`).textContent).toContain(balance.message);

    // the offending cells are outlined, the computed total beside the entered one is flagged
    expect(natural.className).toContain('tm-cell--error');
    expect(document.querySelector('input[data-cell="t3.new.total"]')!.className).toContain('tm-cell--error');
    const computed = screen.getByTestId('computed-t3.new.total');
    expect(computed.textContent).toContain('6');
    expect(computed.className).toContain('tm-computed--mismatch');
    expect(within(newRow as HTMLElement).getAllByRole('textbox').filter((e) => e.getAttribute('aria-invalid') === 'true').length).toBeGreaterThanOrEqual(2);

    // fixing the value removes the message
    fireEvent.change(natural, { target: { value: '3' } });
    expect(screen.queryByTestId('problem-t3.rowTotal:new')).toBeNull();
    expect(natural.className).not.toContain('tm-cell--error');
  });

  it('a blank is not zero: clearing a cell marks it blank, text that is not a number is refused', () => {
    render(<Table3Editor initial={report()} />);
    const cell = document.querySelector<HTMLInputElement>('input[data-cell="t3.carryForward.legal"]')!;
    fireEvent.focus(cell);
    fireEvent.change(cell, { target: { value: '' } });
    fireEvent.blur(cell);
    expect(cell.className).toContain('tm-cell--blank');
    fireEvent.focus(cell);
    fireEvent.change(cell, { target: { value: '三' } });
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(cell.parentElement!.textContent).toContain('请输入数字');
  });
});
