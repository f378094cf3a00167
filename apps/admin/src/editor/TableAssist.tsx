/**
 * Above a table with totals: fill the blank totals from their parts (the domain's fillableTotals — the
 * same sums the rules check), and, when sums fail, the cell the domain ranks most likely mistyped
 * (suspectCells) with the value that would make them hold. Under any table: what the last paste did.
 */
import { Alert, Box, Button } from '@mui/material';
import { useTranslate } from 'ra-core';
import type { FormatDefinition } from '@touming/domain/formats';
import type { SuspectCell } from '@touming/domain/validation';
import { focusTarget } from './focus';

export interface TableAssistProps {
  format: FormatDefinition;
  /** blank totals of this table that can be computed, key → value */
  fillable: Record<string, number>;
  suspect: SuspectCell | null;
  readOnly: boolean;
  onFill(values: Record<string, number>): void;
}

export function TableAssist({ format, fillable, suspect, readOnly, onFill }: TableAssistProps) {
  const translate = useTranslate();
  const count = Object.keys(fillable).length;
  const label = suspect ? (format.cells.find((c) => c.key === suspect.key)?.label ?? suspect.key) : '';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 1 }}>
      {!readOnly && (
        <Box>
          <Button
            size="small"
            variant="outlined"
            disabled={count === 0}
            onClick={() => onFill(fillable)}
            data-testid="fill-totals"
          >
            {count ? translate('touming.entry.fill_totals', { count }) : translate('touming.entry.totals_filled')}
          </Button>
        </Box>
      )}
      {suspect && (
        <Alert
          severity="warning"
          data-testid="suspect-cell"
          data-cell-key={suspect.key}
          action={
            <Button color="inherit" size="small" onClick={() => focusTarget(suspect.key)} data-testid="suspect-jump">
              {translate('touming.entry.suspect_jump')}
            </Button>
          }
        >
          {translate('touming.entry.suspect', {
            cell: label,
            current: suspect.current,
            suggested: suspect.suggested,
            count: suspect.fixes.length,
          })}
        </Alert>
      )}
    </Box>
  );
}
