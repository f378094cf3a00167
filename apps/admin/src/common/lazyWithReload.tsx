/**
 * React.lazy for the console's heavy screens, with a Chinese message instead of a blank page when the
 * chunk cannot be loaded (typically: the console was rebuilt or redeployed while this tab stayed open).
 */
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';

function Loading() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
      <CircularProgress size={24} />
      {translate('ra.page.loading')}
    </Box>
  );
}

function ChunkError() {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ m: 2 }} action={<Button onClick={() => window.location.reload()}>{translate('touming.app.reload')}</Button>}>
      {translate('touming.app.chunk_error')}
    </Alert>
  );
}

class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(error: unknown) {
    const message = String((error as Error)?.message ?? '');
    if (/dynamically imported module|Importing a module script failed|preload CSS|Loading chunk/i.test(message)) return { failed: true };
    throw error;
  }
  override render() {
    return this.state.failed ? <ChunkError /> : this.props.children;
  }
}

export function lazyScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, fallback?: ReactNode) {
  const Lazy = lazy(load);
  return function LazyScreen(props: P) {
    return (
      <ChunkBoundary>
        <Suspense fallback={fallback ?? <Loading />}>
          <Lazy {...props} />
        </Suspense>
      </ChunkBoundary>
    );
  };
}
