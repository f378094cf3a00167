/**
 * The county office's view of the current cycle: every agency as a row with its report's state, days
 * left or overdue (the domain's deadline rules), and its validation errors. Filters narrow it to what
 * needs attention.
 */
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { deadlineStatus } from '@touming/domain/deadlines';
import type { Agency, ReportSummary } from '../providers/types';
import { useCurrentCycle } from '../common/useCurrentCycle';
import { StatusChip } from '../common/StatusChip';
import { formatDate } from '../i18n/format';
import { DeadlineBadge } from './DeadlineBadge';

type Filter = 'all' | 'overdue' | 'errors' | 'missing' | 'published';

function publishedAtOf(r: ReportSummary | undefined) {
  if (!r || r.status !== 'PUBLISHED') return null;
  return (r as ReportSummary & { publishedAt?: string | null }).publishedAt ?? r.updatedAt;
}

export function CountyDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { cycle, isPending: cyclesPending, error: cycleError } = useCurrentCycle();
  const [filter, setFilter] = useState<Filter>('all');
  const agencies = useGetList<Agency>('agencies', { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });
  const reports = useGetList<ReportSummary>(
    'reports',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'agencyName', order: 'ASC' }, filter: { year: cycle?.year } },
    { enabled: Boolean(cycle) },
  );

  const rows = useMemo(() => {
    if (!cycle || !agencies.data) return [];
    const byAgency = new Map((reports.data ?? []).map((r) => [String(r.agencyId), r]));
    const today = new Date();
    return agencies.data
      .filter((a) => a.active && a.kind !== 'COUNTY_OFFICE')
      .map((agency) => {
        const report = byAgency.get(String(agency.id));
        const status = deadlineStatus({ deadline: cycle.deadline, publishedAt: publishedAtOf(report), today });
        return { agency, report, status };
      });
  }, [cycle, agencies.data, reports.data]);

  const counts = useMemo(
    () => ({
      all: rows.length,
      overdue: rows.filter((r) => r.status.overdue && !r.status.published).length,
      errors: rows.filter((r) => (r.report?.errorCount ?? 0) > 0).length,
      missing: rows.filter((r) => !r.report).length,
      published: rows.filter((r) => r.report?.status === 'PUBLISHED').length,
    }),
    [rows],
  );

  const shown = rows.filter((r) =>
    filter === 'all'
      ? true
      : filter === 'overdue'
        ? r.status.overdue && !r.status.published
        : filter === 'errors'
          ? (r.report?.errorCount ?? 0) > 0
          : filter === 'missing'
            ? !r.report
            : r.report?.status === 'PUBLISHED',
  );

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
        {(['all', 'published', 'overdue', 'errors', 'missing'] as Filter[]).map((k) => (
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
              <Typography variant="h5" color={k === 'overdue' && counts.overdue ? 'error' : undefined}>
                {counts[k]}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('touming.dashboard.cycle_title', { year: cycle.year, deadline: formatDate(cycle.deadline, locale) })}
      </Typography>
      {agencies.isPending || reports.isPending ? (
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
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(({ agency, report }) => (
                <TableRow key={agency.id} data-agency={agency.name} hover>
                  <TableCell sx={{ minWidth: 140 }}>{agency.name}</TableCell>
                  <TableCell>{report ? <StatusChip status={report.status} /> : <Chip size="small" variant="outlined" label={translate('touming.dashboard.not_started')} />}</TableCell>
                  <TableCell>
                    <DeadlineBadge deadline={cycle.deadline} publishedAt={publishedAtOf(report)} />
                  </TableCell>
                  <TableCell>{report ? <Chip size="small" color={report.errorCount ? 'error' : 'success'} variant={report.errorCount ? 'filled' : 'outlined'} label={report.errorCount} /> : '—'}</TableCell>
                  <TableCell>{report ? report.warningCount : '—'}</TableCell>
                  <TableCell>
                    {report && (
                      <Button size="small" component={Link} to={`/reports/${report.id}`}>
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
    </Box>
  );
}
