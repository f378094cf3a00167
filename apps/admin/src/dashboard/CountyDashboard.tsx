/**
 * The county office's view of the current cycle: every agency as a row with its report's state, days
 * left or overdue (the domain's deadline rules), validation errors and confidentiality status — from
 * the API's cycleProgress (one aggregate query). Tiles filter the rows; charts load lazily below.
 */
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { deadlineStatus } from '@touming/domain/deadlines';
import { CycleProgressDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import { useCurrentCycle } from '../common/useCurrentCycle';
import { StatusChip } from '../common/StatusChip';
import { formatDate } from '../i18n/format';
import { DeadlineBadge } from './DeadlineBadge';
import { lazyScreen } from '../common/lazyWithReload';
import { ReminderDialog } from '../notifications/ReminderDialog';
import { useSearchParams } from 'react-router-dom';
import { RegionPicker, type RegionPick } from '../regions/RegionPicker';
import { VisuallyHidden } from '../layout/VisuallyHidden';

const CountyCharts = lazyScreen(() => import('./CountyCharts'));

type Filter = 'all' | 'overdue' | 'errors' | 'missing' | 'published';
const FILTERS: Filter[] = ['all', 'published', 'overdue', 'errors', 'missing'];

export function CountyDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { cycle, isPending: cyclesPending, error: cycleError } = useCurrentCycle();
  const [filter, setFilter] = useState<Filter>('all');
  // the region looked at (below the office's own) and one agency of it, kept in the address
  const [params, setParams] = useSearchParams();
  const pick: RegionPick = { regionId: params.get('region'), agencyId: params.get('agency') };
  const choose = (next: RegionPick) => {
    const p = new URLSearchParams(params);
    for (const [key, value] of [['region', next.regionId], ['agency', next.agencyId]] as const) {
      if (value) p.set(key, value);
      else p.delete(key);
    }
    setParams(p, { replace: true });
  };
  const progress = useGraphQLQuery('reports', CycleProgressDocument, { year: cycle?.year ?? 0, regionId: pick.regionId }, { enabled: cycle != null });
  // 催报: agencies selected for a reminder (only those whose report is not yet published)
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reminding, setReminding] = useState(false);

  const rows = useMemo(() => {
    const today = new Date();
    return (progress.data?.cycleProgress ?? [])
      .filter((p) => p.agencyKind !== 'COUNTY_OFFICE' && (!pick.agencyId || p.agencyId === pick.agencyId))
      .map((p) => ({ p, status: deadlineStatus({ deadline: p.deadline, publishedAt: p.firstPublishedAt, today }) }));
  }, [progress.data, pick.agencyId]);

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
  const remindable = rows.filter((r) => !r.status.published);
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const standing = (r: (typeof rows)[number]) =>
    r.status.overdue ? translate('touming.wf.todo.overdue', { days: r.status.daysOverdue }) : r.status.daysLeft != null ? translate('touming.wf.todo.days_left', { days: r.status.daysLeft }) : '';
  const targets = remindable.filter((r) => selected.has(r.p.agencyId)).map((r) => ({ agencyId: r.p.agencyId, agencyName: r.p.agencyName, standing: standing(r) }));
  const tm = (key: string, options?: Record<string, unknown>) => translate(`touming.messages.remind.${key}`, options);

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
      <RegionPicker value={pick} onChange={choose} />
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
      {remindable.length > 0 && (
        <Stack direction="row" useFlexGap sx={{ gap: 1, flexWrap: 'wrap', mb: 1 }} data-testid="reminder-bar">
          <Button size="small" onClick={() => setSelected(new Set(remindable.filter((r) => r.status.overdue).map((r) => r.p.agencyId)))}>
            {tm('select_overdue')}
          </Button>
          <Button size="small" onClick={() => setSelected(new Set(remindable.map((r) => r.p.agencyId)))}>
            {tm('select_unpublished')}
          </Button>
          {targets.length > 0 && (
            <Button size="small" onClick={() => setSelected(new Set())}>
              {tm('clear')}
            </Button>
          )}
          <Button size="small" variant="contained" disabled={targets.length === 0} onClick={() => setReminding(true)} data-testid="reminder-open">
            {tm('button', { count: targets.length })}
          </Button>
        </Stack>
      )}
      <ReminderDialog
        year={cycle.year}
        targets={targets}
        open={reminding}
        onClose={() => setReminding(false)}
        onSent={() => {
          setReminding(false);
          setSelected(new Set());
        }}
      />
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
                {/* relative: the hidden column name stays inside the table's scroll box (layout/VisuallyHidden) */}
                <TableCell padding="checkbox" sx={{ position: 'relative' }}>
                  <VisuallyHidden>{tm('select_column')}</VisuallyHidden>
                </TableCell>
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
                  <TableCell padding="checkbox">
                    {!status.published && (
                      <Checkbox
                        size="small"
                        checked={selected.has(p.agencyId)}
                        onChange={() => toggle(p.agencyId)}
                        slotProps={{ input: { 'aria-label': tm('select_row', { name: p.agencyName }) } }}
                        data-testid="reminder-select"
                      />
                    )}
                  </TableCell>
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
