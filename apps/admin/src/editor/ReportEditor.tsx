/**
 * The report editor's route (/reports/:id): loads the report and hands it to ReportEditorView.
 * Lazy-loaded: the validation rules, the importer, the renderer and MUI's tabs stay out of the
 * console's initial bundle.
 */
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useGetOne, useParams, useTranslate } from 'react-admin';
import type { Report } from '../providers/types';
import { ReportEditorView } from './ReportEditorView';

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
