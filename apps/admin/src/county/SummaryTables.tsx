/** The county totals drawn with the editor's TableView (official layout), each cell a SummaryCell. */
import { useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import { getFormat, type FormatId } from '@touming/domain/formats';
import { indexProblems } from '../editor/problems';
import { TableView } from '../editor/TableView';
import '../editor/editor.css';
import './county.css';
import { toDomainValidation } from '../providers/types';
import type { CountySummary } from './types';
import { SummaryCell } from './SummaryCell';

const NO_EDITS = new Set<string>();
const LABELS = { computed: '', previous: '', blank: '', mismatch: '' };
const noop = () => undefined;

export function SummaryTables({ summary, onOpenCell, comparedAgencies }: { summary: CountySummary; onOpenCell(key: string): void; comparedAgencies: number }) {
  const format = getFormat(summary.format as FormatId);
  const cellDefs = useMemo(() => new Map(format.cells.map((c) => [c.key, c])), [format]);
  const cells = useMemo(() => new Map(summary.cells.map((c) => [c.key, c])), [summary.cells]);
  const values = useMemo(() => Object.fromEntries(summary.cells.map((c) => [c.key, c.value])), [summary.cells]);
  const problems = useMemo(
    () => indexProblems(format, { ...toDomainValidation(summary.validation), warnings: [], notAssessable: [] }),
    [format, summary.validation],
  );
  return (
    <>
      {format.tables.map((table) => (
        <Box key={table.id} sx={{ mb: 2 }}>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {table.title}
          </Typography>
          <TableView
            table={table}
            cellDefs={cellDefs}
            values={values}
            totals={{}}
            previous={null}
            showPrevious={false}
            problems={problems}
            editedKeys={NO_EDITS}
            readOnly
            onChange={noop}
            labels={LABELS}
            renderCell={(key) => (
              <SummaryCell
                cellKey={key}
                cell={cells.get(key)}
                comparedAgencies={comparedAgencies}
                hasError={(problems.byCell.get(key)?.errors.length ?? 0) > 0}
                onOpen={onOpenCell}
              />
            )}
          />
        </Box>
      ))}
    </>
  );
}
