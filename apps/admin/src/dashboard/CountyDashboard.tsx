/**
 * The county office's view of the current cycle: every agency as a row with its report's state, days
 * left or overdue (the domain's deadline rules), validation errors and confidentiality status — from
 * the API's cycleProgress (one aggregate query). Tiles filter the rows; charts load lazily below.
 */
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { deadlineStatus } from '@touming/domain/deadlines';
import { CycleProgressDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import { useCurrentCycle } from '../common/useCurrentCycle';
import { StatusChip } from '../common/StatusChip';
import { formatDate } from '../i18n/format';
import { DeadlineBadge } from './DeadlineBadge';
import { lazyScreen } from '../common/lazyWithReload';

const CountyCharts = lazyScreen(() => import('./CountyCharts'));

type Filter = 'all' | 'overdue' | 'errors' | 'missing' | 'published';
const FILTERS: Filter[] = ['all', 'published', 'overdue', 'errors', 'missing'];

export function CountyDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { cycle, isPending: cyclesPending, error: cycleError } = useCurrentCycle();
  const [filter, setFilter] = useState<Filter>('all');
  const progress = useGraphQLQuery('reports', CycleProgressDocument, { year: cycle?.year ?? 0 }, { enabled: cycle != null });

  const rows = useMemo(() => {
    const today = new Date();
    return (progress.data?.cycleProgress ?? [])
      .filter((p) => p.agencyKind !== 'COUNTY_OFFICE')
      .map((p) => ({ p, status: deadlineStatus({ deadline: p.deadline, publishedAt: p.firstPublishedAt, today }) }));
  }, [progress.data]);

  const matches = (k: Filter, r: (typeof rows)[number]) =>
    k === 'all'
      ? true
      : k === 'overdue'
        ? r.status.overdue && !r.status.published
        : k === 'errors'
          ? r.p.errorCount > 0
          : k === 'missing'
            ? !r.p.reportId
            : r.status.published;
  const counts = Object.fromEntries(FILTERS.map((k) => [k, rows.filter((r) => matches(k, r)).length])) as Record<Filter, number>;
  const shown = rows.filter((r) => matches(filter, r));

  if (cyclesPending) return <CircularProgress sx={{ m: 4 }} />;
  if (cycleError) return <Alert severity="error">{(cycleError as Error).message}</Alert>;
  if (!cycle) {
    return (
      <Alert severity="info" action={<Button component={Link} to="/cycles/create">{translate('touming.dashboard.open_cycle')}</Button>}>
        {translate('touming.dashboard.no_cycle')}
      </Alert>
    );
  }

  return (
    <Box data-testid="county-dashboard">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(3, 1fr)', sm: 'repeat(5, 1fr)' }, gap: { xs: 1, sm: 2 }, mb: 2 }}>
        {FILTERS.map((k) => (
          <Card
            key={k}
            variant="outlined"
            role="button"
            tabIndex={0}
            aria-pressed={filter === k}
            sx={{ cursor: 'pointer', borderColor: filter === k ? 'primary.main' : undefined, borderWidth: filter === k ? 2 : 1 }}
            onClick={() => setFilter(k)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setFilter(k)}
            data-testid={`tile-${k}`}
          >
            <CardContent sx={{ py: 1.5, px: { xs: 1, sm: 2 }, '&:last-child': { pb: 1.5 } }}>
              <Typography variant="body2" color="text.secondary" noWrap>
                {translate(`touming.dashboard.tiles.${k}`)}
              </Typography>
              <Typography variant="h5" color={k === 'overdue' && counts.overdue ? 'error' : undefined} data-testid={`tile-count-${k}`}>
                {progress.isPending ? '…' : counts[k]}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('touming.dashboard.cycle_title', { year: cycle.year, deadline: formatDate(cycle.deadline, locale) })}
      </Typography>
      {progress.error ? (
        <Alert severity="error" action={<Button onClick={() => void progress.refetch()}>{translate('touming.editor.retry')}</Button>}>
          {progress.error.message}
        </Alert>
      ) : progress.isPending ? (
        <CircularProgress sx={{ m: 2 }} />
      ) : shown.length === 0 ? (
        <Alert severity="success">{translate('touming.dashboard.none_in_filter')}</Alert>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="agency-progress">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.agencies.fields.name')}</TableCell>
                <TableCell>{translate('resources.reports.fields.status')}</TableCell>
                <TableCell>{translate('touming.dashboard.deadline')}</TableCell>
                <TableCell>{translate('resources.reports.fields.errorCount')}</TableCell>
                <TableCell>{translate('resources.reports.fields.warningCount')}</TableCell>
                <TableCell>{translate('touming.dashboard.confidentiality')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(({ p, status }) => (
                <TableRow key={p.agencyId} data-agency={p.agencyName} data-overdue={status.overdue && !status.published ? 'true' : undefined} hover>
                  <TableCell sx={{ minWidth: 140 }}>{p.agencyName}</TableCell>
                  <TableCell>{p.status ? <StatusChip status={p.status} /> : <Chip size="small" variant="outlined" label={translate('touming.dashboard.not_started')} />}</TableCell>
                  <TableCell>
                    <DeadlineBadge deadline={p.deadline} publishedAt={p.firstPublishedAt} />
                  </TableCell>
                  <TableCell>
                    {p.reportId ? <Chip size="small" color={p.errorCount ? 'error' : 'success'} variant={p.errorCount ? 'filled' : 'outlined'} label={p.errorCount} /> : '—'}
                  </TableCell>
                  <TableCell>{p.reportId ? p.warningCount : '—'}</TableCell>
                  <TableCell>
                    {!p.reportId ? (
                      '—'
                    ) : p.confidentialityCleared ? (
                      <Chip size="small" color="success" variant="outlined" label={translate('touming.dashboard.cleared')} />
                    ) : (
                      <Chip
                        size="small"
                        variant="outlined"
                        color={p.openFindings ? 'warning' : 'default'}
                        label={p.openFindings ? translate('touming.dashboard.open_findings', { count: p.openFindings }) : translate('touming.dashboard.not_cleared')}
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    {p.reportId && (
                      <Button size="small" component={Link} to={`/reports/${p.reportId}`}>
                        {translate('touming.dashboard.open_report')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <CountyCharts year={cycle.year} />
    </Box>
  );
}
