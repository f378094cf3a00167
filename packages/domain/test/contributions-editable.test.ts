import { describe, expect, it } from 'vitest';
import { editableScope, targetCellKeys, type ContributionAssignment } from '../src/contributions';
import { cellKeys } from '../src/formats';
import { REPORT_STATUSES } from '../src/workflow';

const agency = 'a-wenlv';
const preparer = { id: 'u-prep', roles: ['AGENCY_PREPARER'] as const, agencyId: agency };
const contributor = { id: 'u-law', roles: ['AGENCY_CONTRIBUTOR'] as const, agencyId: agency };
const otherContributor = { id: 'u-office', roles: ['AGENCY_CONTRIBUTOR'] as const, agencyId: agency };
const reviewer = { id: 'u-rev', roles: ['AGENCY_REVIEWER'] as const, agencyId: agency };
const assignments: ContributionAssignment[] = [
  { id: 'c1', assigneeId: 'u-law', target: 't4.reconsideration.', dueDate: '2021-01-10' },
  { id: 'c2', assigneeId: 'u-law', target: 'problems', dueDate: '2021-01-12', deliveredAt: '2021-01-11T03:00:00Z' },
  { id: 'c3', assigneeId: 'u-office', target: 't3.withheld.', dueDate: '2021-01-15' },
];
const scope = (actor: typeof preparer | typeof contributor | null, status: (typeof REPORT_STATUSES)[number], agencyId = agency) =>
  editableScope({ format: '2021', status, reportAgencyId: agencyId, actor: actor && { ...actor, roles: [...actor.roles] }, assignments });

describe('what a user may edit in a report', () => {
  it('the preparer edits every cell and section of its own agency\'s unpublished report', () => {
    const draft = scope(preparer, 'DRAFT');
    expect(draft.all).toBe(true);
    expect(draft.cells).toEqual(cellKeys('2021'));
    expect(draft.sections).toEqual(['overview', 'problems', 'other']);
    expect(scope(preparer, 'PUBLISHED')).toEqual({ all: false, cells: [], sections: [] });
    // another agency's report: nothing
    expect(scope(preparer, 'DRAFT', 'a-other')).toEqual({ all: false, cells: [], sections: [] });
  });

  it('a contributor edits exactly its assigned targets (delivered ones too) while the report is a draft', () => {
    const own = scope(contributor, 'DRAFT');
    expect(own.all).toBe(false);
    expect(own.cells).toEqual(targetCellKeys('2021', 't4.reconsideration.'));
    expect(own.cells.length).toBeGreaterThan(0);
    expect(own.sections).toEqual(['problems']);
    // the other contributor's table-3 rows are not this one's
    expect(own.cells.some((k) => k.startsWith('t3.'))).toBe(false);
    const other = scope(otherContributor, 'DRAFT');
    expect(other.sections).toEqual([]);
    expect(other.cells).toEqual(targetCellKeys('2021', 't3.withheld.'));
    for (const status of REPORT_STATUSES.filter((s) => s !== 'DRAFT')) {
      expect(scope(contributor, status)).toEqual({ all: false, cells: [], sections: [] });
    }
  });

  it('nobody else edits anything', () => {
    expect(scope(null, 'DRAFT')).toEqual({ all: false, cells: [], sections: [] });
    expect(scope({ ...reviewer, roles: [...reviewer.roles] } as never, 'DRAFT')).toEqual({ all: false, cells: [], sections: [] });
    expect(scope({ ...contributor, id: 'u-nobody' }, 'DRAFT')).toEqual({ all: false, cells: [], sections: [] });
  });
});
