/**
 * The report editor — where clerks spend their time. Tabs per section in the official order (一 … 六),
 * tables drawn as the official template, live validation by the domain's rules as the user types,
 * autosave with the revision (conflicts shown, edits kept), paste-import, preview, last year's values.
 * Lazy-loaded: the validation rules and MUI tabs stay out of the initial bundle.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Paper,
  Switch,
  Tab,
  Tabs,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Title,
  useGetOne,
  useLocaleState,
  useNotify,
  useParams,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { getFormat, type NarrativeKey, type SectionKey } from '@touming/domain/formats';
import { reportTitle } from '@touming/domain/report';
import { renderHtml } from '@touming/domain/render';
import { can } from '@touming/domain/permissions';
import { canExplainWarnings, isContentEditable } from '@touming/domain/workflow';
import type { RuleResult } from '@touming/domain/validation';
import type { Permissions } from '../providers/authProvider';
import type { Report } from '../providers/types';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime } from '../i18n/format';
import { cellMap, hasEdits, tabOfKey } from './draft';
import { BLANK_RULE, indexProblems } from './problems';
import { TableView } from './TableView';
import { NarrativeSection } from './NarrativeSection';
import { ValidationSummary } from './ValidationSummary';
import { ConflictDialog } from './ConflictDialog';
import { ImportDialog } from './ImportDialog';
import { PreviewPanel } from './PreviewPanel';
import { useReportDraft } from './useReportDraft';
import { ExplainWarning } from './ExplainWarning';
import { EDITOR_ACTIONS, EDITOR_PANELS, type EditorExtensionProps } from './extensions';
import './editor.css';

const TAB_ORDER: SectionKey[] = ['overview', 't2', 't3', 't4', 'problems', 'other'];

/** focus and flash a cell or a section's text box once it is on screen */
function focusTarget(key: string) {
  const selector = key.startsWith('section:')
    ? `[data-section="${key.slice(8)}"]`
    : `[data-cell="${CSS.escape(key)}"]`;
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.focus({ preventScroll: true });
      el.classList.add('tm-flash');
      setTimeout(() => el.classList.remove('tm-flash'), 1300);
    } else if (tries++ < 10) {
      setTimeout(attempt, 50);
    }
  };
  setTimeout(attempt, 0);
}

export function ReportEditorView({ report }: { report: Report }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<Permissions>();
  const canEdit = Boolean(permissions && can(permissions, 'report.edit', report.agencyId)) && isContentEditable(report.status);
  const canExplain =
    Boolean(permissions && can(permissions, 'report.explainWarning', report.agencyId)) && canExplainWarnings(report.status);
  const canImport = Boolean(permissions && can(permissions, 'report.import', report.agencyId)) && isContentEditable(report.status);
  const draft = useReportDraft(report, { canEdit });
  const { server, content, validation } = draft;
  const format = getFormat(content.format);
  const cellDefs = useMemo(() => new Map(format.cells.map((c) => [c.key, c])), [format]);
  const problems = useMemo(() => indexProblems(format, validation), [format, validation]);
  const previousCells = useMemo(
    () => (server.previousYear ? cellMap(server.previousYear.cells) : null),
    [server.previousYear],
  );
  const editedKeys = useMemo(() => new Set(Object.keys(draft.edits.cells)), [draft.edits.cells]);
  const explanations = useMemo(
    () =>
      Object.fromEntries(
        (server.validation?.warnings ?? [])
          .filter((w) => w.explanation)
          .map((w) => [w.ruleId, w.explanation!]),
      ),
    [server.validation],
  );
  const [tab, setTab] = useState<SectionKey>('t3');
  const [showPrevious, setShowPrevious] = useState(false);
  const [preview, setPreview] = useState(false);
  const [importing, setImporting] = useState(false);

  const labels = useMemo(
    () => ({
      computed: translate('touming.editor.computed'),
      previous: translate('touming.editor.previous'),
      blank: translate('touming.editor.blank_placeholder'),
      mismatch: translate('touming.editor.mismatch'),
    }),
    [translate],
  );

  // problems per tab, for the badges: errors and warnings counted, blank cells only flagged (a new
  // report has hundreds; the summary says how many)
  const { tabCounts, tabBlanks } = useMemo(() => {
    const counts: Record<string, number> = {};
    const blanks: Record<string, boolean> = {};
    for (const r of [...validation.errors, ...validation.warnings]) {
      const tabs = new Set(r.cells.map(tabOfKey));
      for (const t of tabs) {
        if (r.ruleId === BLANK_RULE) blanks[t] = true;
        else counts[t] = (counts[t] ?? 0) + 1;
      }
    }
    return { tabCounts: counts, tabBlanks: blanks };
  }, [validation]);
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('xl'));

  const sectionProblems = useCallback(
    (key: NarrativeKey): RuleResult[] =>
      [...validation.errors, ...validation.warnings].filter((r) => r.cells.includes(`section:${key}`)),
    [validation],
  );

  const renderWarningExtra = useCallback(
    (r: RuleResult) => (
      <ExplainWarning
        key={`${r.ruleId}:${explanations[r.ruleId] ?? ''}`}
        reportId={server.id}
        result={r}
        explanation={explanations[r.ruleId]}
        canExplain={canExplain}
        onSaved={draft.rebase}
      />
    ),
    [explanations, server.id, canExplain, draft.rebase],
  );
  const extensionProps: EditorExtensionProps = {
    report: server,
    content,
    validation,
    hasUnsavedEdits: hasEdits(draft.edits),
    onReportChanged: draft.rebase,
  };

  const jump = useCallback((key: string) => {
    setTab(tabOfKey(key) as SectionKey);
    focusTarget(key);
  }, []);

  useEffect(() => {
    if (draft.state === 'error' && draft.error) notify(draft.error, { type: 'error' });
  }, [draft.state, draft.error, notify]);

  const saveLabel = {
    idle: translate('touming.editor.state.idle'),
    dirty: translate('touming.editor.state.dirty'),
    saving: translate('touming.editor.state.saving'),
    saved: draft.savedAt
      ? translate('touming.editor.state.saved_at', { time: formatDateTime(draft.savedAt, locale, true) })
      : translate('touming.editor.state.saved'),
    error: translate('touming.editor.state.error'),
    conflict: translate('touming.editor.state.conflict'),
  }[draft.state];

  const title = reportTitle(content);
  return (
    <Box
      sx={{ pb: 4 }}
      data-testid="report-editor"
      data-report-id={server.id}
      data-revision={server.revision}
    >
      <Title title={title} />
      <Paper
        variant="outlined"
        sx={{ p: 2, mb: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}
      >
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography variant="h6" component="h1" sx={{ lineHeight: 1.3 }}>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {format.name}（{format.notice}） ·{' '}
            {translate('touming.editor.revision', { revision: server.revision })}
          </Typography>
        </Box>
        <StatusChip status={server.status} />
        <Typography
          variant="body2"
          color={draft.state === 'error' || draft.state === 'conflict' ? 'error' : 'text.secondary'}
          data-testid="save-state"
          aria-live="polite"
        >
          {draft.state === 'saving' && <CircularProgress size={12} sx={{ mr: 0.5 }} />}
          {canEdit ? saveLabel : translate('touming.editor.read_only')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <FormControlLabel
            control={
              <Switch
                checked={showPrevious}
                onChange={(e) => setShowPrevious(e.target.checked)}
                disabled={!server.previousYear}
                data-testid="toggle-previous"
              />
            }
            label={
              server.previousYear
                ? translate('touming.editor.show_previous', { year: server.previousYear.year })
                : translate('touming.editor.no_previous')
            }
          />
          <Button
            startIcon={<VisibilityIcon />}
            onClick={() => setPreview(true)}
            data-testid="preview-button"
          >
            {translate('touming.editor.preview')}
          </Button>
          {canImport && (
            <Button
              startIcon={<ContentPasteIcon />}
              onClick={() => setImporting(true)}
              disabled={hasEdits(draft.edits)}
              data-testid="import-button"
            >
              {translate('touming.editor.import')}
            </Button>
          )}
          {canEdit && (
            <Button
              variant="contained"
              startIcon={<SaveIcon />}
              onClick={() => void draft.save()}
              disabled={draft.state === 'saving' || draft.state === 'conflict' || !hasEdits(draft.edits)}
              data-testid="save-button"
            >
              {translate('ra.action.save')}
            </Button>
          )}
          {EDITOR_ACTIONS.map((Action, i) => (
            <Action key={i} {...extensionProps} />
          ))}
        </Box>
      </Paper>

      {canEdit && server.status !== 'DRAFT' && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="signed-edit-warning">
          {translate('touming.editor.signed_edit_warning')}
        </Alert>
      )}
      {draft.state === 'error' && draft.error && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          data-testid="save-error"
          action={<Button onClick={() => void draft.save()}>{translate('touming.editor.retry')}</Button>}
        >
          {draft.error}
        </Alert>
      )}

      {!wide && (
        <Box sx={{ mb: 2 }}>
          <ValidationSummary
            validation={validation}
            explanations={explanations}
            onJump={jump}
            renderWarningExtra={renderWarningExtra}
            compact
          />
          {EDITOR_PANELS.map((Panel, i) => (
            <Panel key={i} {...extensionProps} />
          ))}
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          <Tabs
            value={tab}
            onChange={(_, v) => setTab(v)}
            variant="scrollable"
            scrollButtons="auto"
            allowScrollButtonsMobile
            aria-label={translate('touming.editor.sections')}
            sx={{ borderBottom: 1, borderColor: 'divider' }}
          >
            {TAB_ORDER.map((key) => {
              const section = format.sections.find((s) => s.key === key)!;
              return (
                <Tab
                  key={key}
                  value={key}
                  data-testid={`tab-${key}`}
                  label={
                    <Badge
                      color={tabCounts[key] ? 'error' : 'warning'}
                      badgeContent={tabCounts[key] ?? (tabBlanks[key] ? 1 : 0)}
                      variant={tabCounts[key] ? 'standard' : 'dot'}
                      max={99}
                      data-testid={`tab-badge-${key}`}
                    >
                      <Box component="span" sx={{ pr: tabCounts[key] || tabBlanks[key] ? 1.5 : 0 }}>
                        {translate(`touming.editor.tabs.${key}`, { _: section.title })}
                      </Box>
                    </Badge>
                  }
                />
              );
            })}
          </Tabs>
          <Box sx={{ p: { xs: 1, sm: 2 } }} role="tabpanel" data-testid={`panel-${tab}`}>
            {TAB_ORDER.map((key) => {
              if (key !== tab) return null;
              const section = format.sections.find((s) => s.key === key)!;
              if (section.kind === 'text') {
                const k = key as NarrativeKey;
                return (
                  <NarrativeSection
                    key={k}
                    sectionKey={k}
                    title={section.title}
                    value={content.sections[k]}
                    previous={server.previousYear?.sections.find((s) => s.key === k)?.text ?? null}
                    showPrevious={showPrevious}
                    problems={sectionProblems(k)}
                    readOnly={!canEdit}
                    onChange={draft.setSection}
                  />
                );
              }
              const table = format.tables.find((t) => t.id === key)!;
              return (
                <Box key={key}>
                  <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                    {section.title}
                  </Typography>
                  <TableView
                    table={table}
                    cellDefs={cellDefs}
                    values={content.cells}
                    totals={draft.totals}
                    previous={previousCells}
                    showPrevious={showPrevious}
                    problems={problems}
                    editedKeys={editedKeys}
                    readOnly={!canEdit}
                    onChange={draft.setCell}
                    labels={labels}
                  />
                </Box>
              );
            })}
          </Box>
        </Paper>
        {wide && (
          <Box
            sx={{
              width: 360,
              flexShrink: 0,
              position: 'sticky',
              top: 72,
              maxHeight: 'calc(100vh - 90px)',
              overflowY: 'auto',
            }}
          >
            <ValidationSummary
              validation={validation}
              explanations={explanations}
              onJump={jump}
              renderWarningExtra={renderWarningExtra}
            />
            {EDITOR_PANELS.map((Panel, i) => (
              <Panel key={i} {...extensionProps} />
            ))}
          </Box>
        )}
      </Box>

      <ConflictDialog
        conflict={draft.conflict}
        edits={draft.edits}
        onReapply={draft.reapplyOnCurrent}
        onDiscard={draft.discardMine}
      />
      {canImport && (
        <ImportDialog
          open={importing}
          report={server}
          onClose={() => setImporting(false)}
          onImported={(r) => {
            draft.replaceServer(r);
            notify('touming.import.applied', { type: 'success' });
          }}
        />
      )}
      <Dialog open={preview} onClose={() => setPreview(false)} maxWidth="lg" fullWidth scroll="paper">
        <DialogTitle>{translate('touming.editor.preview')}</DialogTitle>
        <DialogContent dividers>
          {preview && <PreviewPanel content={content} title={translate('touming.editor.preview')} />}
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              // a separate window prints just the report (the iframe is sandboxed without scripts)
              const url = URL.createObjectURL(
                new Blob([renderHtml(content, { standalone: true })], { type: 'text/html;charset=utf-8' }),
              );
              window.open(url, '_blank', 'noopener');
              setTimeout(() => URL.revokeObjectURL(url), 60_000);
            }}
            data-testid="preview-open"
          >
            {translate('touming.editor.print')}
          </Button>
          <Button onClick={() => setPreview(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

/** the route component: loads the report and hands it to the editor */
export default function ReportEditor() {
  const { id } = useParams<{ id: string }>();
  const translate = useTranslate();
  const { data, isPending, error, refetch } = useGetOne<Report & { id: string }>(
    'reports',
    { id: id! },
    { enabled: Boolean(id), refetchOnWindowFocus: false },
  );
  // react-admin seeds the getOne cache with the list's summary row (no cells): wait for the full report
  if (isPending || (data && !Array.isArray(data.cells))) {
    return (
      <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }} data-testid="editor-loading">
        <CircularProgress size={24} />
        <Typography>{translate('touming.editor.loading')}</Typography>
      </Box>
    );
  }
  if (error || !data) {
    return (
      <Alert
        severity="error"
        sx={{ m: 2 }}
        action={<Button onClick={() => refetch()}>{translate('touming.editor.retry')}</Button>}
      >
        {(error as Error | null)?.message ?? translate('touming.editor.not_found')}
      </Alert>
    );
  }
  return <ReportEditorView key={data.id} report={data} />;
}
