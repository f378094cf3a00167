// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render as renderBare, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nContextProvider } from 'ra-core';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { ContributionList } from '../src/editor/ContributionList';
import type { ContributionRowFragment } from '../src/gql/graphql';

afterEach(cleanup);

/** in the console's language (zh) */
const render = (ui: ReactElement) => renderBare(<I18nContextProvider value={i18nProvider}>{ui}</I18nContextProvider>);

const part = (over: Partial<ContributionRowFragment>): ContributionRowFragment => ({
  id: 'c1',
  assigneeId: 'u1',
  target: 'problems',
  dueDate: '2026-12-10',
  note: null,
  status: 'ASSIGNED',
  deliveredAt: null,
  reviewComment: null,
  reviewedAt: null,
  overdue: false,
  availableActs: [],
  assignee: { displayName: '马强（文物股）' },
  changes: [],
  ...over,
});

describe('the parts of a report in the editor', () => {
  it('shows each state, the overdue mark, a send-back comment, what was delivered, and exactly the offered moves', () => {
    const onAct = vi.fn();
    render(
      <ContributionList
        format="2021"
        showAssignee
        showChanges
        onAct={onAct}
        items={[
          part({ id: 'late', target: 't4.reconsideration.', overdue: true }),
          part({
            id: 'delivered',
            status: 'DELIVERED',
            deliveredAt: '2026-12-04T02:00:00Z',
            availableActs: ['accept', 'return'],
            changes: [{ key: 'problems', kind: 'section', label: '五、存在的主要问题及改进情况', before: '', after: '文物股：第一稿' }],
          }),
          part({ id: 'returned', target: 'other', status: 'RETURNED', reviewComment: '请补充整改措施', availableActs: ['deliver'] }),
        ]}
      />,
    );
    const rows = screen.getAllByTestId('contribution-item');
    expect(rows.map((r) => r.dataset.status)).toEqual(['ASSIGNED', 'DELIVERED', 'RETURNED']);
    expect(screen.getAllByTestId('contribution-status').map((c) => c.textContent)).toEqual(['已分配', '已交付', '已退回']);
    expect(screen.getAllByTestId('contribution-overdue')).toHaveLength(1);
    expect(rows[0].textContent).toContain('马强');
    // delivered and sent-back parts list what was changed
    expect(screen.getAllByTestId('contribution-changes').map((c) => c.textContent)).toEqual([expect.stringContaining('文物股：第一稿'), expect.any(String)]);
    expect(screen.getByTestId('contribution-return-comment').textContent).toContain('请补充整改措施');
    // the moves the API offers, and no others
    expect(screen.getAllByTestId('contribution-accept')).toHaveLength(1);
    expect(screen.getAllByTestId('contribution-return')).toHaveLength(1);
    expect(screen.getAllByTestId('contribution-deliver')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('contribution-accept'));
    expect(onAct).toHaveBeenCalledWith(expect.objectContaining({ id: 'delivered' }), 'accept');
  });

  it('offers nothing in the read-only overview of the 分配 dialog', () => {
    render(<ContributionList format="2021" showAssignee showChanges={false} readOnly items={[part({ status: 'DELIVERED', availableActs: ['accept', 'return'] })]} />);
    expect(screen.queryByTestId('contribution-accept')).toBeNull();
    expect(screen.queryByTestId('contribution-changes')).toBeNull();
  });
});
