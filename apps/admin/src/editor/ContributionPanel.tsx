/**
 * 股室/下属单位填报 in the editor. A contributor (whose access is limited to its assignment) is told
 * what it may change and delivers each part with 报送; anyone else sees the report's assignments and
 * who delivered what. The rules (who may edit which cells, who may deliver) are the API's.
 */
import { Alert, Box, Button, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useGetIdentity, useNotify } from 'react-admin';
import { DeliverContributionDocument, ReportContributionsDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';
import { targetLabel } from '../todo/queues';
import { useWf } from '../workflow/useWf';
import type { EditableScope } from './useEditorAccess';

export interface ContributionPanelProps {
  reportId: string;
  format: string;
  /** the contributor's editable part (null: not limited to an assignment) */
  scope: EditableScope | null;
  /** unsaved edits: delivering would hand over what the API has not got */
  hasUnsavedEdits: boolean;
}

export function ContributionPanel({ reportId, format, scope, hasUnsavedEdits }: ContributionPanelProps) {
  const { t, locale } = useWf();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const list = useGraphQLQuery('contributions', ReportContributionsDocument, { reportId });
  const deliver = useGraphQLMutation(DeliverContributionDocument, {
    invalidates: ['contributions', 'reports'],
    onSuccess: () => notify(t('contrib.delivered'), { type: 'success' }),
    onError: (e) => notify(e.message, { type: 'error' }),
  });
  const all = list.data?.contributions ?? [];
  const userId = identity?.id == null ? null : String(identity.id);
  const items = scope ? all.filter((c) => c.assigneeId === userId) : all;
  if (!scope && all.length === 0) return null;

  return (
    <Box sx={{ mb: 2 }} data-testid="contribution-panel">
      {scope && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="contribution-scope-hint">
          {t('contrib.scope_hint')}
        </Alert>
      )}
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {scope ? t('contrib.mine') : t('contrib.all')}
      </Typography>
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      <List dense disablePadding>
        {items.map((c) => (
          <ListItem key={c.id} divider data-testid="contribution-item" data-target={c.target} data-delivered={Boolean(c.deliveredAt) || undefined}>
            <ListItemText
              primary={`${targetLabel(format, c.target)}${scope ? '' : ` · ${c.assignee?.displayName ?? ''}`}`}
              secondary={
                <Stack component="span" direction="row" useFlexGap sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                  <Chip component="span" size="small" variant="outlined" label={t('contrib.due', { date: formatDate(c.dueDate, locale) })} />
                  {c.deliveredAt ? (
                    <Chip component="span" size="small" color="success" label={t('contrib.delivered_at', { date: formatDate(String(c.deliveredAt), locale) })} />
                  ) : (
                    <Chip component="span" size="small" label={t('contrib.pending')} />
                  )}
                  {c.note && (
                    <Typography component="span" variant="body2" color="text.secondary">
                      {t('contrib.note', { note: c.note })}
                    </Typography>
                  )}
                </Stack>
              }
            />
            {scope && !c.deliveredAt && (
              <Button
                variant="contained"
                size="small"
                disabled={deliver.isPending || hasUnsavedEdits}
                title={hasUnsavedEdits ? t('contrib.unsaved') : undefined}
                onClick={() => deliver.mutate({ id: c.id })}
                data-testid="contribution-deliver"
              >
                {t('contrib.deliver')}
              </Button>
            )}
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
