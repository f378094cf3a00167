/**
 * Upload a published report (PDF, Word .docx, HTML, text) or paste its text (or the HTML copied from a
 * web page or Word). Pasted text and uploaded HTML/text go through the domain's importer — the same one
 * the API runs — in the browser first, to show what would change (importPlan: only the cells and texts
 * that differ) and what could not be placed (the count is the list's length; the importer's notes are
 * listed apart); only then does the API import it into this report. Overwriting existing content or
 * taking another year's report needs a ticked confirmation that names the texts and tables replaced; a
 * report the domain refuses over this one (another format) cannot be sent. PDF and Word files are read
 * by the server (pdf.js, mammoth), which answers with what it filled and what it could not place.
 * Nothing is "fixed": numbers arrive as written, and a number whose cell is not certain is listed, not filled.
 */
import { useMemo, useState, type ChangeEvent } from 'react';
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

/** the request body limit of the API (BODY_LIMIT, 2 MB by default) holds about 1.5 MB of file as base64 */
const MAX_UPLOAD_BYTES = 1.5 * 1024 * 1024;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** a text file as agencies save them: UTF-8, else GB18030 */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface Upload {
  name: string;
  size: number;
  base64: string;
}

interface FileOutcome {
  name: string;
  detectedYear: number | null;
  detectedFormat: string;
  notes: string[];
}

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
  const [upload, setUpload] = useState<Upload | null>(null);
  const [outcome, setOutcome] = useState<FileOutcome | null>(null);

  const close = () => {
    setText('');
    setHtml(null);
    setPreview(null);
    setError(null);
    setServerUnplaced(null);
    setUpload(null);
    setOutcome(null);
    setConfirmed(false);
    onClose();
  };

  const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setPreview(null);
    setError(null);
    setUpload(null);
    const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
    try {
      if (ext === '.txt' || ext === '.html' || ext === '.htm') {
        const content = decodeText(new Uint8Array(await file.arrayBuffer()));
        const isHtml = ext !== '.txt';
        setText(isHtml ? '' : content);
        setHtml(isHtml ? content : null);
        try {
          setPreview({ ok: true, parsed: parseReport(isHtml ? { html: content } : { text: content }) });
        } catch (err) {
          setPreview({ ok: false, message: (err as Error).message });
        }
        return;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        setError(translate('touming.import.file_too_big', { size: sizeText(file.size), max: sizeText(MAX_UPLOAD_BYTES) }));
        return;
      }
      setUpload({ name: file.name, size: file.size, base64: await base64Of(file) });
    } catch (err) {
      setError(translate('touming.import.file_unreadable', { message: (err as Error).message }));
    }
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
  // a file read by the server replaces what the report has: that needs the same ticked confirmation
  const hasContent = report.cells.some((c) => c.value !== null) || report.sections.some((t) => t.text.trim() !== '');

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await dataProvider.importReport(
        upload
          ? { agencyId: report.agencyId, year: report.year, fileBase64: upload.base64, fileName: upload.name }
          : { agencyId: report.agencyId, year: report.year, text: html ? undefined : text, html: html ?? undefined },
      );
      if (upload) setOutcome({ name: upload.name, detectedYear: r.detectedYear ?? null, detectedFormat: r.detectedFormat, notes: r.notes });
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
            {outcome && (
              <Typography variant="body2" sx={{ mb: 1 }} data-testid="import-file-result">
                {translate('touming.import.file_result', {
                  name: outcome.name,
                  year: outcome.detectedYear ?? '？',
                  format: getFormat(outcome.detectedFormat).notice,
                })}
              </Typography>
            )}
            {outcome && (outcome.detectedYear !== report.year || outcome.detectedFormat !== report.format) && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {translate('touming.import.file_mismatch', { year: outcome.detectedYear ?? '？', reportYear: report.year })}
              </Alert>
            )}
            <Alert severity={serverUnplaced.length ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="import-result-summary">
              {serverUnplaced.length
                ? translate('touming.import.applied_detail', { unplaced: serverUnplaced.length })
                : translate('touming.import.applied_clean')}
            </Alert>
            {outcome?.notes.map((n, i) => (
              <Typography key={i} variant="body2" color="text.secondary">
                · {n}
              </Typography>
            ))}
            <UnplacedList items={serverUnplaced} />
          </Box>
        ) : !parsed ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('touming.import.hint')}
            </Typography>
            <Button component="label" variant="outlined" sx={{ mb: 1 }}>
              {translate('touming.import.choose_file')}
              <input
                hidden
                type="file"
                accept=".pdf,.docx,.html,.htm,.txt,application/pdf"
                onChange={chooseFile}
                data-testid="import-file"
                aria-label={translate('touming.import.choose_file')}
              />
            </Button>
            {upload && (
              <Alert severity="info" sx={{ mb: 1 }} data-testid="import-file-chosen">
                {translate('touming.import.file_chosen', { name: upload.name, size: sizeText(upload.size) })}
              </Alert>
            )}
            {upload && hasContent && (
              <Alert severity="warning" icon={false} sx={{ mb: 1 }}>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={confirmed}
                      onChange={(e) => setConfirmed(e.target.checked)}
                      slotProps={{ input: { 'data-testid': 'import-confirm' } as object }}
                    />
                  }
                  label={translate('touming.import.confirm_upload', { name: upload.name, reportYear: report.year })}
                />
              </Alert>
            )}
            {error && (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="import-error">
                {error}
              </Alert>
            )}
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
                setUpload(null);
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
        ) : !parsed && upload ? (
          <>
            <Button onClick={close}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" onClick={apply} disabled={busy || (hasContent && !confirmed)} data-testid="import-run">
              {translate(busy ? 'touming.import.running' : 'touming.import.run')}
            </Button>
          </>
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
