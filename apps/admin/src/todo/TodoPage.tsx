/**
 * 待我处理: what waits for the signed-in user, one queue per kind of task. Whether a report waits for
 * this user is the API's Report.availableActions (the domain's rules); the queues only group them.
 * Confidentiality reviewers see signed reports whose review is not cleared on the current content.
 */
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { LinkBase, Title, useGetIdentity, usePermissions } from 'react-admin';
import { CONTRIBUTION_STATUS_LABELS, contributionStatusOf } from '@touming/domain/contributions';
import { REPORT_STATUS_LABELS } from '@touming/domain/workflow';
import type { Permissions } from '../providers/authProvider';
import { formatDate, formatDateTime } from '../i18n/format';
import { OverdueContributionsDocument, TodoReportsDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import type { TodoReport } from '../workflow/types';
import { useWf } from '../workflow/useWf';
import { assignedTo, groupTodos, targetLabel } from './queues';

export function TodoPage() {
  const { t, locale, translate } = useWf();
  const { permissions } = usePermissions<Permissions | null>();
  const { identity } = useGetIdentity();
  // every report this user may see that is not yet published (the API scopes it to the user's agency)
  const reports = useGraphQLQuery('reports', TodoReportsDocument, { options: { take: 200, order: 'DESC' } });
  const contributions = useGraphQLQuery('contributions', OverdueContributionsDocument, {});

  if (reports.isPending) {
    return (
      <Box sx={{ p: 3, display: 'flex', gap: 1, alignItems: 'center' }}>
        <CircularProgress size={20} /> {t('loading')}
      </Box>
    );
  }
  if (reports.error) {
    return (
      <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={() => void reports.refetch()}>{t('retry')}</Button>}>
        {reports.error.message}
      </Alert>
    );
  }
  const queues = groupTodos(reports.data?.reports.items ?? [], permissions);
  const overdue = contributions.data?.overdueContributions ?? [];
  // an overdue part names its part in words through its report's format (the reports this user sees)
  const reportFormat = (id: string) => reports.data?.reports.items.find((r) => r.id === id)?.format ?? '';
  const mine = assignedTo(reports.data?.reports.items ?? [], identity?.id == null ? null : String(identity.id));
  const empty = queues.every((q) => q.items.length === 0) && overdue.length === 0 && mine.length === 0;

  const row = (r: TodoReport, to = `/reports/${r.id}`) => (
    <ListItemButton key={r.id} component={LinkBase} to={to} divider data-testid="todo-item" data-report-id={r.id}>
      <ListItemText
        primary={`${r.agencyName} · ${r.year}年度`}
        secondary={
          <Stack component="span" direction="row" useFlexGap sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
            {r.returned ? (
              <Chip component="span" size="small" color="warning" label={t('returned.chip')} data-testid="returned-chip" />
            ) : (
              <Chip component="span" size="small" label={REPORT_STATUS_LABELS[r.status]} />
            )}
            {r.returned && (
              <Box component="span" sx={{ flexBasis: '100%', color: 'text.primary' }} data-testid="returned-notice">
                <Box component="span" sx={{ display: 'block' }}>
                  {t('returned.by', { name: r.returned.returnedByName, time: formatDateTime(r.returned.returnedAt, locale) })}
                </Box>
                <Box component="span" sx={{ display: 'block', fontWeight: 600 }} data-testid="returned-comment">
                  {t('returned.comment')}
                  {r.returned.comment}
                </Box>
              </Box>
            )}
            {r.errorCount > 0 && <Chip component="span" size="small" color="error" label={t('todo.errors', { count: r.errorCount })} />}
            {r.deadline.overdue ? (
              <Chip component="span" size="small" color="error" variant="outlined" label={t('todo.overdue', { days: r.deadline.daysOverdue })} />
            ) : r.deadline.daysLeft != null ? (
              <Chip component="span" size="small" variant="outlined" label={t('todo.days_left', { days: r.deadline.daysLeft })} />
            ) : null}
          </Stack>
        }
        slotProps={{ secondary: { component: 'div' } }}
      />
      <Typography variant="button" color="primary">
        {t('todo.open')}
      </Typography>
    </ListItemButton>
  );

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 960 }} data-testid="todo-list">
      <Title title={t('todo.title')} />
      {empty && (
        <Card variant="outlined" data-testid="todo-empty">
          <CardContent>
            <Typography variant="h6">{t('todo.empty')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('todo.empty_hint')}
            </Typography>
            <Button component={LinkBase} to="/reports" sx={{ mt: 1 }}>
              {translate('touming.menu.reports')}
            </Button>
          </CardContent>
        </Card>
      )}
      {mine.length > 0 && (
        <Card variant="outlined" sx={{ mb: 2 }} data-testid="todo-queue-assigned_to_me">
          <CardContent sx={{ pb: 1 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {t('todo.assigned_to_me')}（{mine.length}）
            </Typography>
            <List dense disablePadding>
              {mine.map(({ report, contribution }) => (
                <ListItemButton
                  key={contribution.id}
                  component={LinkBase}
                  to={`/reports/${report.id}`}
                  divider
                  data-testid="todo-assigned-item"
                  data-report-id={report.id}
                >
                  <ListItemText
                    primary={`${report.agencyName} · ${report.year}年度 · ${t('todo.target', { target: targetLabel(report.format, contribution.target) })}`}
                    secondary={
                      <Stack component="span" direction="row" useFlexGap sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                        <Chip component="span" size="small" variant="outlined" label={t('todo.due', { date: formatDate(contribution.dueDate, locale) })} />
                        {contributionStatusOf(contribution) === 'DELIVERED' && <Chip component="span" size="small" color="success" label={t('todo.delivered')} />}
                        {contributionStatusOf(contribution) === 'RETURNED' && (
                          <Chip component="span" size="small" color="warning" label={CONTRIBUTION_STATUS_LABELS.RETURNED} data-testid="todo-assigned-returned" />
                        )}
                        {contribution.note && (
                          <Typography component="span" variant="body2" color="text.secondary">
                            {contribution.note}
                          </Typography>
                        )}
                        {contributionStatusOf(contribution) === 'RETURNED' && contribution.reviewComment && (
                          <Box component="span" sx={{ flexBasis: '100%', color: 'text.primary', fontWeight: 600 }} data-testid="todo-assigned-comment">
                            {t('todo.sent_back', { comment: contribution.reviewComment })}
                          </Box>
                        )}
                      </Stack>
                    }
                  />
                  <Typography variant="button" color="primary">
                    {t('todo.open')}
                  </Typography>
                </ListItemButton>
              ))}
            </List>
          </CardContent>
        </Card>
      )}
      {queues
        .filter((q) => q.items.length > 0)
        .map((q) => (
          <Card key={q.key} variant="outlined" sx={{ mb: 2 }} data-testid={`todo-queue-${q.key}`}>
            <CardContent sx={{ pb: 1 }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                {t(`todo.${q.key}`)}（{q.items.length}）
              </Typography>
              {/* rows are links, not list items: a div, so the list holds no bare <a> (axe: list) */}
              <List dense disablePadding component="div">
                {q.items.map((r) => row(r, q.key === 'to_review' ? `/reports/${r.id}/confidentiality` : undefined))}
              </List>
            </CardContent>
          </Card>
        ))}
      {overdue.length > 0 && (
        <Card variant="outlined" sx={{ mb: 2 }} data-testid="todo-queue-overdue_contributions">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {t('todo.overdue_contributions')}（{overdue.length}）
            </Typography>
            <List dense disablePadding component="div">
              {overdue.map((o) => (
                <ListItemButton key={o.contribution.id} component={LinkBase} to={`/reports/${o.contribution.reportId}`} divider>
                  <ListItemText
                    primary={`${o.contribution.assignee?.displayName ?? ''} · ${t('todo.target', { target: targetLabel(reportFormat(o.contribution.reportId), o.contribution.target) })}`}
                    secondary={`${t('todo.due', { date: formatDate(o.contribution.dueDate, locale) })} · ${t('todo.overdue', { days: o.daysOverdue })}`}
                  />
                </ListItemButton>
              ))}
            </List>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
