/**
 * Paste a report's text (or the HTML copied from a web page or Word). The domain's importer — the same
 * one the API runs — first shows, in the browser, what will be filled and what could not be placed;
 * only then does the API import it into this report. Nothing is "fixed": numbers arrive as written.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import { cellDefinition, getFormat, NARRATIVE_KEYS } from '@touming/domain/formats';
import { dataProvider } from '../providers/dataProvider';
import type { Report } from '../providers/types';
import { cellMap, sectionMap, sectionTitle } from './draft';

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
    onClose();
  };

  const runPreview = () => {
    try {
      setPreview({ ok: true, parsed: parseReport(html ? { html } : { text }) });
    } catch (e) {
      setPreview({ ok: false, message: (e as Error).message });
    }
  };

  const filled = useMemo(() => {
    if (!preview?.ok) return [];
    const current = cellMap(report.cells);
    const parsed = preview.parsed.report;
    return getFormat(parsed.format)
      .cells.filter((def) => parsed.cells[def.key] !== null && parsed.cells[def.key] !== undefined)
      .map((def) => ({
        key: def.key,
        label: cellDefinition(parsed.format, def.key)?.label ?? def.key,
        before: show(current[def.key]),
        after: show(parsed.cells[def.key]),
      }));
  }, [preview, report.cells]);

  const texts = useMemo(() => {
    if (!preview?.ok) return [];
    const current = sectionMap(report.sections);
    return NARRATIVE_KEYS.filter((k) => preview.parsed.report.sections[k]).map((k) => ({
      key: k,
      title: sectionTitle(k),
      chars: preview.parsed.report.sections[k].replace(/\s/g, '').length,
      replaces: Boolean(current[k]),
    }));
  }, [preview, report.sections]);

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

  const parsed = preview?.ok ? preview.parsed : null;
  const yearMismatch = parsed && parsed.detectedYear !== null && parsed.detectedYear !== report.year;
  const formatMismatch = parsed && parsed.detectedFormat !== report.format;

  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth data-testid="import-dialog">
      <DialogTitle>{translate('touming.import.title')}</DialogTitle>
      <DialogContent dividers>
        {serverUnplaced ? (
          <Box data-testid="import-result">
            <Alert severity={serverUnplaced.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
              {translate('touming.import.applied_detail', { unplaced: serverUnplaced.length })}
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
            <Alert severity={parsed.unplaced.length ? 'warning' : 'info'} sx={{ mb: 1 }}>
              {translate('touming.import.summary', {
                cells: filled.length,
                sections: texts.length,
                unplaced: parsed.unplaced.length,
                format: getFormat(parsed.detectedFormat).notice,
                year: parsed.detectedYear ?? '？',
              })}
            </Alert>
            {(yearMismatch || formatMismatch) && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {translate('touming.import.mismatch', {
                  year: parsed.detectedYear ?? '？',
                  reportYear: report.year,
                })}
              </Alert>
            )}
            {parsed.notes.map((n, i) => (
              <Typography key={i} variant="body2" color="text.secondary">
                · {n}
              </Typography>
            ))}
            {texts.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {translate('touming.import.sections')}
                </Typography>
                <List dense>
                  {texts.map((t) => (
                    <ListItem key={t.key}>
                      <ListItemText
                        primary={t.title}
                        secondary={translate(
                          t.replaces ? 'touming.import.section_replaces' : 'touming.import.section_new',
                          { chars: t.chars },
                        )}
                      />
                    </ListItem>
                  ))}
                </List>
              </>
            )}
            {filled.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 1 }}>
                  {translate('touming.import.filled')}
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
                      {filled.map((c) => (
                        <TableRow key={c.key} sx={c.before !== c.after ? { bgcolor: '#f1f8e9' } : undefined}>
                          <TableCell>{c.label}</TableCell>
                          <TableCell>{c.before}</TableCell>
                          <TableCell>{c.after}</TableCell>
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
                  {translate('touming.import.unplaced')}
                </Typography>
                <UnplacedList items={parsed.unplaced} />
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
            <Button variant="contained" onClick={apply} disabled={busy} data-testid="import-run">
              {translate(busy ? 'touming.import.running' : 'touming.import.run')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
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
