/**
 * The preparer's dashboard: parts assigned to 股室/下属单位 that are past their due date and neither
 * delivered nor accepted (the API's overdueContributions, scoped to the agency), each opening the
 * report's editor where the assignment is listed.
 */
import { Card, CardContent, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import { OverdueContributionsDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useGraphQLQuery } from '../providers/useGraphQL';
import { targetLabel } from '../todo/queues';
import { useWf } from '../workflow/useWf';

/** `reportOf`: the agency's report a part belongs to (its format names the part; its year tells which report) */
export function OverdueContributions({ reportOf }: { reportOf: (reportId: string) => { format: string; year: number } | undefined }) {
  const { t, locale } = useWf();
  const query = useGraphQLQuery('contributions', OverdueContributionsDocument, {});
  const overdue = query.data?.overdueContributions ?? [];
  if (overdue.length === 0) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2, borderColor: 'error.main' }} data-testid="dashboard-overdue-contributions">
      <CardContent sx={{ pb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('contrib.overdue_title')}（{overdue.length}）
        </Typography>
        <List dense disablePadding component="div">
          {overdue.map((o) => (
            <ListItemButton key={o.contribution.id} component={LinkBase} to={`/reports/${o.contribution.reportId}`} divider data-testid="dashboard-overdue-item">
              <ListItemText
                primary={t('contrib.overdue_item', { name: o.contribution.assignee?.displayName ?? '', target: targetLabel(reportOf(o.contribution.reportId)?.format ?? '', o.contribution.target), days: o.daysOverdue })}
                secondary={[reportOf(o.contribution.reportId) ? t('contrib.report_year', { year: reportOf(o.contribution.reportId)!.year }) : null, t('todo.due', { date: formatDate(o.contribution.dueDate, locale) })]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItemButton>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
