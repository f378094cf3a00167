/**
 * 公开文件库: upload an agency's published report file (any of PDF, DOCX, HTML, text — the server tells
 * them apart by their bytes and keeps each file once), see what the library holds with whether each was
 * recognised, download it, and import it as the agency's report of its year.
 */
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Button,
  Chip,
  CircularProgress,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useQueryClient } from '@tanstack/react-query';
import { Title, useGetIdentity, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { FILE_IMPORT_STATUS_LABELS, type FileImportStatus } from '@touming/domain/files';
import { can } from '@touming/domain/permissions';
import { AgenciesDocument, ImportPublishedFileDocument, PublishedFilesDocument } from '../gql/graphql';
import { saveDownload } from '../county/download';
import { FALLBACK_MESSAGES, isChinese } from '../providers/graphqlClient';
import type { ToumingIdentity } from '../providers/authProvider';
import { getToken } from '../providers/session';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';
import { formatDateTime } from '../i18n/format';

const PAGE = 20;

interface UploadReply {
  file?: { fileName: string; importStatus: string };
  duplicate?: boolean;
  error?: string;
}

async function uploadFile(params: Record<string, string>, file: File): Promise<UploadReply> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`/files?${new URLSearchParams(params)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: file,
    });
  } catch {
    throw new Error(FALLBACK_MESSAGES.NETWORK_ERROR);
  }
  const reply = (await response.json().catch(() => ({}))) as UploadReply;
  if (!response.ok) throw new Error(reply.error && isChinese(reply.error) ? reply.error : `上传失败（${response.status}）`);
  return reply;
}

export function LibraryPage() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.library.${key}`, options);
  const notify = useNotify();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const identity = useGetIdentity().identity as ToumingIdentity | undefined;
  const office = identity ? can({ roles: identity.roles, agencyId: identity.agencyId }, 'county.summary') : false;
  const [page, setPage] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [year, setYear] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'info' | 'error'; text: string } | null>(null);

  const files = useGraphQLQuery('reports', PublishedFilesDocument, { options: { skip: page * PAGE, take: PAGE, sort: 'uploadedAt', order: 'DESC' as never } });
  const agencies = useGraphQLQuery('agencies', AgenciesDocument, { options: { take: 200, sort: 'name' } }, { enabled: office });
  const importing = useGraphQLMutation(ImportPublishedFileDocument, { invalidates: ['reports'] });
  const targetAgency = office ? agencyId : (identity?.agencyId ?? '');

  const upload = async () => {
    if (!file || !targetAgency) return;
    setBusy(true);
    setMessage(null);
    try {
      const params: Record<string, string> = { agencyId: targetAgency, fileName: file.name };
      if (year.trim()) params.year = year.trim();
      if (sourceUrl.trim()) params.sourceUrl = sourceUrl.trim();
      const reply = await uploadFile(params, file);
      const name = reply.file?.fileName ?? file.name;
      if (reply.duplicate) setMessage({ severity: 'info', text: t('duplicate', { name }) });
      else setMessage({ severity: 'success', text: t('uploaded', { name, status: FILE_IMPORT_STATUS_LABELS[reply.file?.importStatus as FileImportStatus] ?? reply.file?.importStatus ?? '' }) });
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
    } catch (e) {
      setMessage({ severity: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const items = files.data?.publishedFiles.items ?? [];
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1200 }} data-testid="library-page">
      <Title title={t('title')} />
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('hint')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="library-upload-title">
        <Typography variant="h6" component="h2" id="library-upload-title" gutterBottom>
          {t('upload_title')}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }} flexWrap="wrap" useFlexGap>
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {t('file')}
            <input hidden type="file" accept=".pdf,.docx,.html,.htm,.txt" data-testid="library-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Button>
          <Typography variant="body2" sx={{ minWidth: 160 }} data-testid="library-file-name">
            {file ? file.name : t('no_file')}
          </Typography>
          {office && (
            <TextField select size="small" label={t('agency')} value={agencyId} onChange={(e) => setAgencyId(e.target.value)} sx={{ minWidth: 220 }} data-testid="library-agency">
              {(agencies.data?.agencies.items ?? []).map((a) => (
                <MenuItem key={a.id} value={a.id}>
                  {a.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField size="small" label={t('year')} value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} inputProps={{ inputMode: 'numeric' }} sx={{ width: 220 }} />
          <TextField size="small" label={t('source_url')} value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} sx={{ minWidth: 260, flex: 1 }} />
          <Button variant="contained" onClick={() => void upload()} disabled={busy || !file || !targetAgency} startIcon={busy ? <CircularProgress size={16} /> : undefined} data-testid="library-upload">
            {busy ? t('uploading') : t('upload')}
          </Button>
        </Stack>
        {message && (
          <Alert severity={message.severity} sx={{ mt: 1 }} data-testid="library-message">
            {message.text}
          </Alert>
        )}
      </Paper>
      {files.error && <Alert severity="error">{files.error.message}</Alert>}
      {files.data && items.length === 0 && (
        <Typography color="text.secondary" data-testid="library-empty">
          {t('empty')}
        </Typography>
      )}
      {items.length > 0 && (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" data-testid="library-table" sx={{ minWidth: 720 }}>
              <TableHead>
                <TableRow>
                  {['col_file', 'col_agency', 'col_year', 'col_kind', 'col_status', 'col_uploaded', 'col_actions'].map((k) => (
                    <TableCell key={k}>{t(k)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((f) => (
                  <TableRow key={f.id} data-file={f.fileName}>
                    <TableCell component="th" scope="row">
                      {f.fileName}
                      <Typography variant="caption" component="div" color="text.secondary">
                        {t('size_kb', { size: Math.max(1, Math.round(f.byteSize / 1024)) })} · SHA-256 {f.sha256.slice(0, 12)}…
                      </Typography>
                      {f.sourceUrl && (
                        <Typography variant="caption" component="div" sx={{ wordBreak: 'break-all' }}>
                          {f.sourceUrl}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{f.agency.name}</TableCell>
                    <TableCell>{f.year ?? '—'}</TableCell>
                    <TableCell>{f.kindLabel}</TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" color={f.importStatus === 'clean' ? 'success' : f.importStatus === 'failed' || f.importStatus === 'unsupported' ? 'default' : 'warning'} label={f.importStatusLabel} />
                      {f.importMessage && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {f.importMessage}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{formatDateTime(f.uploadedAt, locale)}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
                        <Button size="small" onClick={() => void saveDownload(`/files/${f.id}`, f.fileName).catch((e: Error) => notify(e.message, { type: 'error' }))}>
                          {t('download')}
                        </Button>
                        {f.reportId ? (
                          <Button size="small" component={RouterLink} to={`/reports/${f.reportId}`}>
                            {t('open_report')}
                          </Button>
                        ) : (
                          ['clean', 'notes', 'unplaced'].includes(f.importStatus) && (
                            <Button
                              size="small"
                              disabled={importing.isPending}
                              data-testid="library-import"
                              onClick={() =>
                                importing.mutate(
                                  { id: f.id },
                                  {
                                    onSuccess: (r) => notify(t('imported', { year: r.importPublishedFile.report.year }), { type: 'success' }),
                                    onError: (e) => notify(e.message, { type: 'error' }),
                                  },
                                )
                              }
                            >
                              {importing.isPending ? t('importing') : t('import')}
                            </Button>
                          )
                        )}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={files.data?.publishedFiles.totalItems ?? 0}
            page={page}
            rowsPerPage={PAGE}
            rowsPerPageOptions={[PAGE]}
            onPageChange={(_, p) => setPage(p)}
            labelDisplayedRows={({ from, to, count }) => `${from}–${to} / ${count}`}
          />
        </Paper>
      )}
    </Stack>
  );
}
