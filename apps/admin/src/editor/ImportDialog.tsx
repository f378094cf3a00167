/**
 * Paste a report's text (or the HTML copied from a web page or Word). The domain's importer — the same
 * one the API runs — first shows, in the browser, what would change (importPlan: only the cells and
 * texts that differ) and what could not be placed (the count is the list's length; the importer's notes
 * are listed apart); only then does the API import it into this report. Overwriting existing content or
 * taking another year's report needs a ticked confirmation that names the texts and tables replaced; a
 * report the domain refuses over this one (another format) cannot be sent. Nothing is "fixed": numbers
 * arrive as written.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslate } from 'ra-core';
import { importReport as parseReport, type ImportResult as ParsedImport } from '@touming/domain/import';
import { getFormat } from '@touming/domain/formats';
import { dataProvider } from '../providers/dataProvider';
import type { Report } from '../providers/types';
import { planImport, type ImportPlan } from './importPlan';

export interface ImportDialogProps {
  open: boolean;
  report: Report;
  onClose(): void;
  /** the imported revision, to show in the editor */
  onImported(report: Report): void;
}

type Preview = { ok: true; parsed: ParsedImport } | { ok: false; message: string };

function show(v: number | null | undefined) {
  return v === null || v === undefined ? '空白' : String(v);
}

export function ImportDialog({ open, report, onClose, onImported }: ImportDialogProps) {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverUnplaced, setServerUnplaced] = useState<
    { text: string; reason: string; line?: number | null }[] | null
  >(null);

  const close = () => {
    setText('');
    setHtml(null);
    setPreview(null);
    setError(null);
    setServerUnplaced(null);
    setConfirmed(false);
    onClose();
  };

  const runPreview = () => {
    setConfirmed(false);
    try {
      setPreview({ ok: true, parsed: parseReport(html ? { html } : { text }) });
    } catch (e) {
      setPreview({ ok: false, message: (e as Error).message });
    }
  };

  const parsed = preview?.ok ? preview.parsed : null;
  const plan = useMemo(() => (parsed ? planImport(report, parsed) : null), [parsed, report]);
  const [confirmed, setConfirmed] = useState(false);

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await dataProvider.importReport({
        agencyId: report.agencyId,
        year: report.year,
        text: html ? undefined : text,
        html: html ?? undefined,
      });
      setServerUnplaced(r.unplaced);
      onImported(r.report);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const unchanged = plan !== null && !plan.blocked && plan.cells.length === 0 && plan.sections.length === 0;
  const canRun = plan !== null && !plan.blocked && !unchanged && (!plan.needsConfirmation || confirmed);

  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth data-testid="import-dialog">
      <DialogTitle>{translate('touming.import.title')}</DialogTitle>
      <DialogContent dividers>
        {serverUnplaced ? (
          <Box data-testid="import-result">
            <Alert severity={serverUnplaced.length ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="import-result-summary">
              {serverUnplaced.length
                ? translate('touming.import.applied_detail', { unplaced: serverUnplaced.length })
                : translate('touming.import.applied_clean')}
            </Alert>
            <UnplacedList items={serverUnplaced} />
          </Box>
        ) : !parsed ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('touming.import.hint')}
            </Typography>
            <TextField
              multiline
              fullWidth
              minRows={12}
              maxRows={20}
              value={text}
              placeholder={translate('touming.import.placeholder')}
              onChange={(e) => {
                setText(e.target.value);
                setHtml(null);
                setPreview(null);
              }}
              onPaste={(e) => {
                const pasted = e.clipboardData.getData('text/html');
                if (pasted) setHtml(pasted);
              }}
              slotProps={{
                htmlInput: { 'data-testid': 'import-text', 'aria-label': translate('touming.import.title') },
              }}
            />
            {html && (
              <Typography variant="caption" color="text.secondary">
                {translate('touming.import.html_detected')}
              </Typography>
            )}
            {preview && !preview.ok && (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="import-error">
                {preview.message}
              </Alert>
            )}
          </>
        ) : (
          <Box data-testid="import-preview">
            <Alert severity={parsed.unplaced.length ? 'warning' : 'info'} sx={{ mb: 1 }} data-testid="import-summary">
              {translate('touming.import.detected', {
                format: getFormat(parsed.detectedFormat).notice,
                year: parsed.detectedYear ?? '？',
              })}
              {!plan!.blocked &&
                (unchanged
                  ? translate('touming.import.unchanged')
                  : translate('touming.import.changes', { cells: plan!.cells.length, sections: plan!.sections.length }))}
              {parsed.unplaced.length
                ? translate('touming.import.unplaced_count', { unplaced: parsed.unplaced.length })
                : translate('touming.import.all_placed')}
            </Alert>
            {plan!.blocked && (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="import-blocked">
                {translate('touming.import.blocked', { message: plan!.blocked })}
              </Alert>
            )}
            {!plan!.blocked && plan!.otherYear && (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="import-other-year">
                {translate('touming.import.mismatch', {
                  year: parsed.detectedYear ?? '？',
                  reportYear: report.year,
                })}
              </Alert>
            )}
            {plan!.needsConfirmation && !unchanged && (
              <Alert severity="warning" icon={false} sx={{ mb: 1 }}>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={confirmed}
                      onChange={(e) => setConfirmed(e.target.checked)}
                      slotProps={{ input: { 'data-testid': 'import-confirm' } as object }}
                    />
                  }
                  label={<span data-testid="import-confirm-label">{confirmation(plan!, parsed.detectedYear, report.year, translate)}</span>}
                />
              </Alert>
            )}
            {plan!.sections.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {translate('touming.import.sections')}
                </Typography>
                <List dense data-testid="import-sections">
                  {plan!.sections.map((t) => (
                    <ListItem key={t.key}>
                      <ListItemText
                        primary={t.title}
                        secondary={translate(
                          t.chars === 0
                            ? 'touming.import.section_clears'
                            : t.replaces
                              ? 'touming.import.section_replaces'
                              : 'touming.import.section_new',
                          { chars: t.chars },
                        )}
                      />
                    </ListItem>
                  ))}
                </List>
              </>
            )}
            {plan!.cells.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 1 }}>
                  {translate('touming.import.filled', { count: plan!.cells.length })}
                </Typography>
                <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
                  <Table size="small" stickyHeader data-testid="import-filled">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('touming.editor.conflict.cell')}</TableCell>
                        <TableCell>{translate('touming.import.current')}</TableCell>
                        <TableCell>{translate('touming.import.value')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {plan!.cells.map((c) => (
                        <TableRow key={c.key} data-cell-key={c.key}>
                          <TableCell>{c.label}</TableCell>
                          <TableCell>{show(c.before)}</TableCell>
                          <TableCell>{show(c.after)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>
              </>
            )}
            {parsed.unplaced.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {translate('touming.import.unplaced', { count: parsed.unplaced.length })}
                </Typography>
                <UnplacedList items={parsed.unplaced} />
              </>
            )}
            {parsed.notes.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {translate('touming.import.notes', { count: parsed.notes.length })}
                </Typography>
                <List dense data-testid="import-notes">
                  {parsed.notes.map((n, i) => (
                    <ListItem key={i}>
                      <ListItemText secondary={n} />
                    </ListItem>
                  ))}
                </List>
              </>
            )}
            {error && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {error}
              </Alert>
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {serverUnplaced ? (
          <Button variant="contained" onClick={close}>
            {translate('ra.action.close')}
          </Button>
        ) : !parsed ? (
          <>
            <Button onClick={close}>{translate('ra.action.cancel')}</Button>
            <Button
              variant="contained"
              onClick={runPreview}
              disabled={!text.trim() && !html}
              data-testid="import-preview-button"
            >
              {translate('touming.import.preview')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => setPreview(null)}>{translate('ra.action.back')}</Button>
            <Button variant="contained" onClick={apply} disabled={busy || !canRun} data-testid="import-run">
              {translate(busy ? 'touming.import.running' : 'touming.import.run')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** the sentence the user ticks: which year's report replaces what of this one */
function confirmation(plan: ImportPlan, year: number | null, reportYear: number, translate: (key: string, options?: object) => string) {
  const what = [
    plan.replaced.sections.length ? translate('touming.import.confirm_sections', { titles: plan.replaced.sections.join('、') }) : '',
    ...plan.replaced.tables.map((t) => translate('touming.import.confirm_table', { title: t.title, count: t.count })),
  ].filter(Boolean);
  const source = plan.otherYear
    ? translate('touming.import.confirm_other_year', { year: year ?? '？' })
    : translate('touming.import.confirm_same_year');
  return what.length
    ? translate('touming.import.confirm_replace', { source, reportYear, what: what.join('；') })
    : translate('touming.import.confirm_fill', { source, reportYear });
}

function UnplacedList({ items }: { items: { text: string; reason: string; line?: number | null }[] }) {
  const translate = useTranslate();
  if (!items.length) return null;
  return (
    <List dense data-testid="import-unplaced">
      {items.map((u, i) => (
        <ListItem key={i} sx={{ alignItems: 'flex-start' }}>
          <ListItemText
            primary={u.text}
            secondary={`${u.line ? `${translate('touming.import.line', { line: u.line })} · ` : ''}${u.reason}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
