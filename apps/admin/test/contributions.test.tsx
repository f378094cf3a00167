// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { FORMAT_2021 } from '@touming/domain/formats';
import { targetCellKeys } from '@touming/domain/contributions';
import { TableView } from '../src/editor/TableView';
import { indexProblems } from '../src/editor/problems';
import { editorAccess } from '../src/editor/useEditorAccess';
import { assignedTo, targetLabel } from '../src/todo/queues';
import type { TodoReport } from '../src/workflow/operations';

afterEach(cleanup);

const T3 = FORMAT_2021.tables.find((t) => t.id === 't3')!;
const DEFS = new Map(FORMAT_2021.cells.map((c) => [c.key, c]));
const LABELS = { computed: '合计', previous: '上年', blank: '空白', mismatch: '不一致' };
const CONTRIBUTOR = { roles: ['AGENCY_CONTRIBUTOR' as const], agencyId: 'a1' };
const PREPARER = { roles: ['AGENCY_PREPARER' as const], agencyId: 'a1' };

describe('the editor for a 股室 contributor', () => {
  it('edits only the cells and texts the API lists; the preparer everything; nothing listed is read-only', () => {
    const cells = targetCellKeys('2021', 't3.new.');
    const contributor = editorAccess(CONTRIBUTOR, { agencyId: 'a1', status: 'DRAFT', editableCells: cells, editableSections: ['problems'] });
    expect(contributor.canEdit).toBe(true);
    expect([...contributor.scope!.cells]).toEqual(cells);
    expect([...contributor.scope!.sections]).toEqual(['problems']);
    expect(contributor.canImport).toBe(false);

    const readOnly = editorAccess(CONTRIBUTOR, { agencyId: 'a1', status: 'DRAFT', editableCells: [], editableSections: [] });
    expect(readOnly).toMatchObject({ canEdit: false, scope: null });

    const preparer = editorAccess(PREPARER, { agencyId: 'a1', status: 'DRAFT', editableCells: [], editableSections: [] });
    expect(preparer).toMatchObject({ canEdit: true, scope: null, canImport: true });
  });

  it('draws the assigned row as inputs and the rest of table 3 read-only', () => {
    const editable = new Set(targetCellKeys('2021', 't3.new.'));
    render(
      <TableView
        table={T3}
        cellDefs={DEFS}
        values={{}}
        totals={{}}
        previous={null}
        showPrevious={false}
        problems={indexProblems(FORMAT_2021, { errors: [], warnings: [], notAssessable: [] } as never)}
        editedKeys={new Set()}
        readOnly={false}
        editableKeys={editable}
        onChange={() => {}}
        labels={LABELS}
      />,
    );
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-cell^="t3."]')];
    expect(inputs.length).toBeGreaterThan(editable.size);
    const open = inputs.filter((i) => !i.readOnly).map((i) => i.dataset.cell);
    expect(open.sort()).toEqual([...editable].sort());
    expect(inputs.filter((i) => i.dataset.assigned).map((i) => i.dataset.cell).sort()).toEqual([...editable].sort());
  });
});

describe('分配给我的', () => {
  const report = (id: string, status: TodoReport['status'], contributions: TodoReport['contributions']): TodoReport => ({
    id,
    agencyName: '文旅局',
    year: 2025,
    format: '2021',
    status,
    errorCount: 0,
    warningCount: 0,
    updatedAt: '2026-01-01T00:00:00Z',
    availableActions: [],
    deadline: { deadline: '2026-01-31', overdue: false, daysLeft: 3, daysOverdue: 0 },
    confidentiality: { cleared: false },
    contributions,
    returned: null,
  });
  const c = (id: string, assigneeId: string, dueDate: string, deliveredAt: string | null = null, status = deliveredAt ? 'DELIVERED' : 'ASSIGNED', reviewComment: string | null = null) => ({
    id,
    assigneeId,
    target: 't3.new.',
    dueDate,
    note: null,
    deliveredAt,
    status,
    reviewComment,
  });

  it('lists this user\'s open parts of draft reports: sent back first, then undelivered, delivered, each by due date', () => {
    const reports = [
      report('r1', 'DRAFT', [c('a', 'me', '2026-01-20'), c('b', 'other', '2026-01-01'), c('d', 'me', '2026-01-05', '2026-01-04T00:00:00Z')]),
      report('r2', 'DRAFT', [c('e', 'me', '2026-01-10'), c('g', 'me', '2026-01-30', '2026-01-04T00:00:00Z', 'RETURNED', '请补充')]),
      // accepted: the preparer's now
      report('r4', 'DRAFT', [c('h', 'me', '2026-01-01', '2026-01-04T00:00:00Z', 'ACCEPTED')]),
      // submitted: contributions are closed, nothing to do
      report('r3', 'SUBMITTED', [c('f', 'me', '2026-01-02')]),
    ];
    expect(assignedTo(reports, 'me').map((x) => x.contribution.id)).toEqual(['g', 'e', 'a', 'd']);
    expect(assignedTo(reports, null)).toEqual([]);
    expect(targetLabel('2021', 't3.new.')).toContain('表三');
    expect(targetLabel('2021', 'problems')).not.toBe('problems');
  });
});
