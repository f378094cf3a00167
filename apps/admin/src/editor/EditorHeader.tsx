/**
 * The editor's header: the report's title and format, its state, whether edits are saved, last year's
 * values on or off, and the buttons (预览, 导入报告（上传文件或粘贴）, 保存, then the workflow's EDITOR_ACTIONS); under it
 * the notices about saving (editing a signed report, a failed save).
 */
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControlLabel,
  Paper,
  Switch,
  Typography,
} from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useLocaleState, useTranslate } from 'react-admin';
import type { FormatDefinition } from '@touming/domain/formats';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime } from '../i18n/format';
import type { Report } from '../providers/types';
import { hasEdits } from './draft';
import { EDITOR_ACTIONS, type EditorExtensionProps } from './extensions';
import type { EditorAccess } from './useEditorAccess';
import type { ReportDraft } from './useReportDraft';

type DraftState = Pick<ReportDraft, 'state' | 'savedAt' | 'edits' | 'error' | 'save'>;

export interface EditorHeaderProps {
  title: string;
  format: Pick<FormatDefinition, 'name' | 'notice'>;
  /** the revision the server last confirmed */
  report: Report;
  draft: DraftState;
  access: EditorAccess;
  showPrevious: boolean;
  onShowPrevious(show: boolean): void;
  onPreview(): void;
  onImport(): void;
  /** what the workflow's header buttons receive */
  extensionProps: EditorExtensionProps;
}

function useSaveLabel(draft: DraftState) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return {
    idle: translate('touming.editor.state.idle'),
    dirty: translate('touming.editor.state.dirty'),
    saving: translate('touming.editor.state.saving'),
    saved: draft.savedAt
      ? translate('touming.editor.state.saved_at', { time: formatDateTime(draft.savedAt, locale, true) })
      : translate('touming.editor.state.saved'),
    error: translate('touming.editor.state.error'),
    conflict: translate('touming.editor.state.conflict'),
  }[draft.state];
}

export function EditorHeader({
  title,
  format,
  report,
  draft,
  access,
  showPrevious,
  onShowPrevious,
  onPreview,
  onImport,
  extensionProps,
}: EditorHeaderProps) {
  const translate = useTranslate();
  const saveLabel = useSaveLabel(draft);
  const unsaved = hasEdits(draft.edits);
  return (
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
          {translate('touming.editor.revision', { revision: report.revision })}
        </Typography>
      </Box>
      <StatusChip status={report.status} />
      <Typography
        variant="body2"
        color={draft.state === 'error' || draft.state === 'conflict' ? 'error' : 'text.secondary'}
        data-testid="save-state"
        aria-live="polite"
      >
        {draft.state === 'saving' && <CircularProgress size={12} sx={{ mr: 0.5 }} />}
        {access.canEdit ? saveLabel : translate('touming.editor.read_only')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Switch
              checked={showPrevious}
              onChange={(e) => onShowPrevious(e.target.checked)}
              disabled={!report.previousYear}
              data-testid="toggle-previous"
            />
          }
          label={
            report.previousYear
              ? translate('touming.editor.show_previous', { year: report.previousYear.year })
              : translate('touming.editor.no_previous')
          }
        />
        <Button startIcon={<VisibilityIcon />} onClick={onPreview} data-testid="preview-button">
          {translate('touming.editor.preview')}
        </Button>
        {access.canImport && (
          <Button
            startIcon={<ContentPasteIcon />}
            onClick={onImport}
            disabled={unsaved}
            data-testid="import-button"
          >
            {translate('touming.editor.import')}
          </Button>
        )}
        {access.canEdit && (
          <Button
            variant="contained"
            startIcon={<SaveIcon />}
            onClick={() => void draft.save()}
            disabled={draft.state === 'saving' || draft.state === 'conflict' || !unsaved}
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
  );
}

/** editing a signed report voids its signatures; a failed save says why and offers to retry */
export function SaveNotices({
  report,
  draft,
  access,
}: {
  report: Report;
  draft: DraftState;
  access: EditorAccess;
}) {
  const translate = useTranslate();
  return (
    <>
      {access.canEdit && report.status !== 'DRAFT' && (
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
    </>
  );
}
