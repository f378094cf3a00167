/**
 * Someone else saved the report while this user was typing. Show what they changed (cell by cell),
 * which of those this user also changed, and let the user put their own values on top of the new
 * revision — or take the other revision and drop their edits. Nothing typed is lost silently.
 */
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'ra-core';
import type { Conflict } from './useReportDraft';
import { cellDefinition, type FormatId, type NarrativeKey } from '@touming/domain/formats';
import { cellMap, editKeys, formatIdOf, sectionTitle, type Edits } from './draft';

export function ConflictDialog({
  conflict,
  edits,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict | null;
  edits: Edits;
  onReapply(): void;
  onDiscard(): void;
}) {
  const translate = useTranslate();
  if (!conflict) return null;
  const overlap = new Set(conflict.overlapping);
  const mine = editKeys(edits).length;
  const format: FormatId = formatIdOf(conflict.current);
  const current = cellMap(conflict.current.cells);
  const show = (v: number | null | undefined) =>
    v === null || v === undefined ? translate('touming.editor.blank') : String(v);
  const myChanges = [
    ...Object.entries(edits.cells).map(([key, value]) => ({
      key,
      label: cellDefinition(format, key)?.label ?? key,
      theirs: show(current[key]),
      mine: show(value),
    })),
    ...Object.keys(edits.sections).map((key) => ({
      key: `section:${key}`,
      label: sectionTitle(key as NarrativeKey),
      theirs: '',
      mine: translate('touming.editor.conflict.text_edited'),
    })),
  ];
  return (
    <Dialog open maxWidth="md" fullWidth data-testid="conflict-dialog" aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">{translate('touming.editor.conflict.title')}</DialogTitle>
      <DialogContent dividers>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('touming.editor.conflict.message', { revision: conflict.current.revision, mine })}
        </Alert>
        {conflict.theirs.length === 0 ? (
          <Typography variant="body2">{translate('touming.editor.conflict.no_cell_changes')}</Typography>
        ) : (
          <>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {translate('touming.editor.conflict.their_changes', { count: conflict.theirs.length })}
            </Typography>
            <Table size="small" data-testid="conflict-changes">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('touming.editor.conflict.cell')}</TableCell>
                  <TableCell>{translate('touming.editor.conflict.before')}</TableCell>
                  <TableCell>{translate('touming.editor.conflict.after')}</TableCell>
                  <TableCell>{translate('touming.editor.conflict.yours')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {conflict.theirs.map((c) => (
                  <TableRow
                    key={c.key}
                    data-change={c.key}
                    sx={overlap.has(c.key) ? { bgcolor: '#fff3e0' } : undefined}
                  >
                    <TableCell>{c.label}</TableCell>
                    <TableCell>{c.before}</TableCell>
                    <TableCell>{c.after}</TableCell>
                    <TableCell>
                      {overlap.has(c.key)
                        ? c.key.startsWith('section:')
                          ? translate('touming.editor.conflict.you_edited')
                          : String(edits.cells[c.key] ?? translate('touming.editor.blank'))
                        : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
        {myChanges.length > 0 && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
              {translate('touming.editor.conflict.my_changes', { count: myChanges.length })}
            </Typography>
            <Table size="small" data-testid="conflict-mine">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('touming.editor.conflict.cell')}</TableCell>
                  <TableCell>{translate('touming.editor.conflict.now')}</TableCell>
                  <TableCell>{translate('touming.editor.conflict.yours')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {myChanges.map((c) => (
                  <TableRow
                    key={c.key}
                    data-mine={c.key}
                    sx={overlap.has(c.key) ? { bgcolor: '#fff3e0' } : undefined}
                  >
                    <TableCell>{c.label}</TableCell>
                    <TableCell>{c.theirs}</TableCell>
                    <TableCell>{c.mine}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onDiscard} color="inherit" data-testid="conflict-discard">
          {translate('touming.editor.conflict.discard')}
        </Button>
        <Button onClick={onReapply} variant="contained" data-testid="conflict-reapply">
          {translate('touming.editor.conflict.reapply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
