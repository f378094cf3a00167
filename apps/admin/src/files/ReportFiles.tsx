/**
 * The editor's file buttons (an EDITOR_ACTIONS extension): 下载 — DOCX, PDF or XLSX of the report as
 * saved now, or of any of its published revisions (the API checks that the user may read the report;
 * the files are the official layout with the 落款, the PDF printed from the same HTML as the preview)
 * — and 复制公开链接, the address of the current published revision on the public 信息公开 pages.
 */
import { useState } from 'react';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  ListSubheader,
  Menu,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import LinkIcon from '@mui/icons-material/Link';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { ReportPublicationsDocument } from '../gql/graphql';
import { saveDownload } from '../county/download';
import type { EditorExtensionProps } from '../editor/extensions';
import { formatDate } from '../i18n/format';
import { useGraphQLQuery } from '../providers/useGraphQL';

const TYPES = ['docx', 'pdf', 'xlsx'] as const;
type FileType = (typeof TYPES)[number];

export const currentFileUrl = (reportId: string, type: FileType) => `/download/current/${reportId}.${type}`;
export const revisionFileUrl = (revisionId: string, type: FileType) => `/download/revisions/${revisionId}.${type}`;
export const publicPageUrl = (revisionId: string, origin = window.location.origin) => `${origin}/gongkai/reports/${revisionId}`;

export function ReportFiles({ report, hasUnsavedEdits }: EditorExtensionProps) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.files.${key}`, options);
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [linkShown, setLinkShown] = useState<string | null>(null);
  const { data } = useGraphQLQuery('reports', ReportPublicationsDocument, { id: report.id }, { dependsOn: [report.revision, report.status] });
  const revisions = [...(data?.report?.revisions ?? [])].sort((a, b) => b.revisionNo - a.revisionNo);
  const current = revisions.find((r) => r.isCurrent);

  const download = async (url: string, name: string) => {
    setAnchor(null);
    setBusy(true);
    try {
      await saveDownload(url, name);
      notify(t('downloaded', { name }), { type: 'success' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const copyLink = async (url: string) => {
    try {
      // the clipboard API exists only on HTTPS (and localhost): a county intranet on HTTP gets the dialog
      await navigator.clipboard.writeText(url);
      notify(t('copied', { url }), { type: 'success' });
    } catch {
      setLinkShown(url);
    }
  };

  const items = (label: string, url: (type: FileType) => string, testid: string, disabledHint?: string) => [
    <ListSubheader key={`${testid}-h`}>{label}</ListSubheader>,
    ...TYPES.map((type) => (
      <MenuItem key={`${testid}-${type}`} onClick={() => void download(url(type), `${label}.${type}`)} data-testid={`${testid}-${type}`} title={disabledHint}>
        {t(type)}
      </MenuItem>
    )),
  ];

  return (
    <>
      <Button
        startIcon={busy ? <CircularProgress size={16} /> : <DownloadIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={busy}
        aria-haspopup="menu"
        data-testid="download-button"
      >
        {busy ? t('busy') : t('download')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} data-testid="download-menu">
        {items(t('current', { revision: report.revision }), (type) => currentFileUrl(report.id, type), 'download-current', hasUnsavedEdits ? t('save_first') : undefined)}
        {hasUnsavedEdits && (
          <Typography variant="caption" color="warning.main" sx={{ px: 2, display: 'block', maxWidth: 320 }}>
            {t('save_first')}
          </Typography>
        )}
        {revisions.flatMap((r) =>
          items(
            `${t('revision', { no: r.revisionNo, date: formatDate(r.publishedAt, locale) })} · ${r.isCurrent ? t('revision_current') : t('revision_superseded')}`,
            (type) => revisionFileUrl(r.id, type),
            `download-revision-${r.revisionNo}`,
          ),
        )}
      </Menu>
      {current && (
        <Button startIcon={<LinkIcon />} onClick={() => void copyLink(publicPageUrl(current.id))} data-testid="copy-public-link">
          {t('copy_link')}
        </Button>
      )}
      <Dialog open={linkShown !== null} onClose={() => setLinkShown(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('link_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('link_hint')}
          </Typography>
          <TextField
            value={linkShown ?? ''}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'public-link-text', 'aria-label': t('link_title') } }}
            onFocus={(e) => e.target.select()}
          />
        </DialogContent>
        <DialogActions>
          {linkShown && (
            <Link href={linkShown} target="_blank" rel="noopener" sx={{ mr: 'auto', ml: 2 }}>
              {t('open_public')}
            </Link>
          )}
          <Button onClick={() => setLinkShown(null)}>{t('close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
