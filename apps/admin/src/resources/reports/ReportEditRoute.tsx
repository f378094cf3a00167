import { lazy, Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';

// the editor carries the validation rules, the importer and the renderer: loaded when a report opens
const ReportEditor = lazy(() => import('../../editor/ReportEditor'));

function Loading() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
      <CircularProgress size={24} />
      {translate('touming.editor.loading')}
    </Box>
  );
}

export function ReportEditRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <ReportEditor />
    </Suspense>
  );
}
