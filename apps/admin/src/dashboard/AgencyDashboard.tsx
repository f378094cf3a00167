/**
 * An agency user's start page: this year's report, its state, the deadline countdown, and what to do
 * next (create the report, fix its errors, fill blanks) — in the words a clerk uses.
 */
import { Alert, Box, Button, Card, CardContent, CircularProgress, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import { Link, useCreate, useGetList, useLocaleState, useNotify, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { can } from '@touming/domain/permissions';
import {
  awaitsPublicationBy,
  awaitsReviewBy,
  isContentEditable,
  signatureTurnOf,
  WORKFLOW_ACTION_LABELS,
  type TurnInput,
} from '@touming/domain/workflow';
import { MyReportTurnDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import type { Permissions } from '../providers/authProvider';
import type { ReportSummary } from '../providers/types';
import { useCurrentCycle } from '../common/useCurrentCycle';
import { ReturnedNotice } from '../common/ReturnedNotice';
import { StatusChip } from '../common/StatusChip';
import { formatDate } from '../i18n/format';
import { DeadlineBadge } from './DeadlineBadge';
import { OverdueContributions } from './OverdueContributions';

export function AgencyDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions } = usePermissions<Permissions>();
  const { cycle, isPending: cyclePending } = useCurrentCycle();
  const { data: reports, isPending } = useGetList<ReportSummary>(
    'reports',
    { pagination: { page: 1, perPage: 10 }, sort: { field: 'year', order: 'DESC' }, filter: { agencyId: permissions?.agencyId } },
    { enabled: Boolean(permissions?.agencyId) },
  );
  const [create, { isPending: creating }] = useCreate();
  // whose turn it is: what this user may do with the open cycle's report now (the domain's rules, via the API)
  const turnQuery = useGraphQLQuery(
    'reports',
    MyReportTurnDocument,
    { filter: { agencyId: permissions?.agencyId, year: cycle?.year } },
    { enabled: Boolean(permissions?.agencyId && cycle) },
  );

  if (cyclePending || isPending) return <CircularProgress sx={{ m: 4 }} />;
  const report = reports?.find((r) => r.year === cycle?.year);
  const live = turnQuery.data?.reports.items.find((r) => r.id === report?.id) ?? null;
  const others = (reports ?? []).filter((r) => r !== report);
  const mayCreate = permissions && can(permissions, 'report.create', permissions.agencyId);
  const mayEdit = permissions && can(permissions, 'report.edit', permissions.agencyId);
  const mayAssign = permissions && can(permissions, 'contribution.assign', permissions.agencyId);

  type Todo = { icon: 'error' | 'warning' | 'ok' | 'turn'; text: string; testId?: string; link?: { to: string; label: string } };
  const todos: Todo[] = [];
  let turnShown = false;
  if (report && live && permissions) {
    const turn: TurnInput = { status: live.status, actions: live.availableActions, confidentialityCleared: live.confidentiality.cleared };
    const sign = signatureTurnOf(turn);
    if (sign) {
      todos.push({
        icon: 'turn',
        testId: 'turn',
        text: translate('touming.dashboard.turn_sign', { label: WORKFLOW_ACTION_LABELS[sign] }),
        link: { to: `/reports/${report.id}`, label: translate('touming.dashboard.go_sign') },
      });
    }
    if (awaitsReviewBy(permissions, turn, report.agencyId)) {
      todos.push({
        icon: 'turn',
        testId: 'turn',
        text: translate('touming.dashboard.turn_review'),
        link: { to: `/reports/${report.id}/confidentiality`, label: translate('touming.dashboard.go_review') },
      });
    }
    if (awaitsPublicationBy(turn) && live.publicationBlockers.length === 0) {
      todos.push({
        icon: 'turn',
        testId: 'can-publish',
        text: translate('touming.dashboard.can_publish'),
        link: { to: `/reports/${report.id}`, label: translate('touming.dashboard.go_publish') },
      });
    } else if (live.availableActions.includes('publish') && live.publicationBlockers.length > 0) {
      todos.push({ icon: 'warning', text: translate('touming.dashboard.publish_blocked', { reason: live.publicationBlockers[0].message }) });
    }
    if (live.availableActions.includes('withdraw')) todos.push({ icon: 'ok', text: translate('touming.dashboard.submitted_wait') });
    turnShown = todos.length > 0;
  }
  if (report) {
    if (report.errorCount > 0) todos.push({ icon: 'error', text: translate('touming.dashboard.todo_errors', { count: report.errorCount }) });
    if (report.warningCount > 0) todos.push({ icon: 'warning', text: translate('touming.dashboard.todo_warnings', { count: report.warningCount }) });
    if (report.status === 'DRAFT' && report.returned && mayEdit) todos.push({ icon: 'warning', text: translate('touming.dashboard.todo_resubmit') });
    else if (report.status === 'DRAFT' && report.errorCount === 0 && mayEdit) todos.push({ icon: 'ok', text: translate('touming.dashboard.todo_submit') });
    if (report.status !== 'DRAFT' && report.status !== 'PUBLISHED' && !turnShown) todos.push({ icon: 'ok', text: translate('touming.dashboard.todo_in_flow') });
    if (report.status === 'PUBLISHED') todos.push({ icon: 'ok', text: translate('touming.dashboard.todo_published') });
  }

  return (
    <Box data-testid="agency-dashboard">
      {!cycle ? (
        <Alert severity="info">{translate('touming.dashboard.no_cycle_agency')}</Alert>
      ) : (
        <Card variant="outlined" sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('touming.dashboard.my_report', { year: cycle.year })}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('touming.dashboard.deadline_is', { deadline: formatDate(cycle.deadline, locale) })}
            </Typography>
            {report ? (
              <Stack spacing={1}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                  <StatusChip status={report.status} returned={Boolean(report.returned)} size="medium" />
                  <DeadlineBadge deadline={cycle.deadline} publishedAt={report.status === 'PUBLISHED' ? report.updatedAt : null} />
                </Stack>
                {report.returned && <ReturnedNotice returned={report.returned} />}
                <List dense data-testid="todos">
                  {todos.map((t, i) => (
                    <ListItem
                      key={i}
                      data-testid={t.testId}
                      secondaryAction={
                        t.link ? (
                          <Button size="small" variant="outlined" component={Link} to={t.link.to}>
                            {t.link.label}
                          </Button>
                        ) : undefined
                      }
                    >
                      <ListItemIcon sx={{ minWidth: 32 }}>
                        {t.icon === 'error' ? (
                          <ErrorIcon color="error" />
                        ) : t.icon === 'warning' ? (
                          <WarningIcon color="warning" />
                        ) : t.icon === 'turn' ? (
                          <ArrowForwardIcon color="primary" />
                        ) : (
                          <CheckCircleIcon color="success" />
                        )}
                      </ListItemIcon>
                      <ListItemText primary={t.text} slotProps={{ primary: { sx: t.icon === 'turn' ? { fontWeight: 700 } : undefined } }} />
                    </ListItem>
                  ))}
                </List>
                <Box>
                  <Button variant="contained" component={Link} to={`/reports/${report.id}`} data-testid="open-my-report">
                    {translate(mayEdit && isContentEditable(report.status) ? 'touming.dashboard.continue_editing' : 'touming.dashboard.open_report')}
                  </Button>
                </Box>
              </Stack>
            ) : (
              <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                <DeadlineBadge deadline={cycle.deadline} />
                <Typography>{translate('touming.dashboard.no_report_yet')}</Typography>
                {mayCreate && (
                  <Button
                    variant="contained"
                    disabled={creating}
                    data-testid="create-my-report"
                    onClick={() =>
                      create(
                        'reports',
                        { data: { agencyId: permissions!.agencyId, year: cycle.year } },
                        {
                          onSuccess: (r: { id: string }) => redirect(`/reports/${r.id}`),
                          onError: (e) => notify((e as Error).message, { type: 'error' }),
                        },
                      )
                    }
                  >
                    {translate('touming.dashboard.create_report', { year: cycle.year })}
                  </Button>
                )}
              </Stack>
            )}
          </CardContent>
        </Card>
      )}
      {mayAssign && <OverdueContributions reportOf={(id) => reports?.find((r) => r.id === id)} />}
      {others.length > 0 && (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h2">
              {translate('touming.dashboard.earlier_reports')}
            </Typography>
            <List dense>
              {others.map((r) => (
                <ListItem key={r.id} secondaryAction={<StatusChip status={r.status} returned={Boolean(r.returned)} />}>
                  <ListItemText primary={<Link to={`/reports/${r.id}`}>{translate('touming.dashboard.year_report', { year: r.year })}</Link>} />
                </ListItem>
              ))}
            </List>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
