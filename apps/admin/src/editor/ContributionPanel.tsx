/**
 * 股室/下属单位填报 in the editor. A contributor (whose access is limited to its assignment) is told
 * what it may change, sees a send-back's comment and delivers each part with 报送; the preparer
 * assigns parts (分配, AssignContributionDialog), sees who delivered what and accepts it or sends it
 * back with a comment. Which buttons a part offers is the API's availableActs (the domain's rules).
 */
import { useState } from 'react';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useGetIdentity, useNotify, usePermissions } from 'react-admin';
import { can } from '@touming/domain/permissions';
import type { ReportStatus } from '@touming/domain/workflow';
import { AcceptContributionDocument, DeliverContributionDocument, ReportContributionsDocument } from '../gql/graphql';
import type { Permissions } from '../providers/authProvider';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';
import { useWf } from '../workflow/useWf';
import { AssignContributionDialog } from './AssignContributionDialog';
import { ContributionList } from './ContributionList';
import { ReturnContributionDialog } from './ReturnContributionDialog';
import type { EditableScope } from './useEditorAccess';

export interface ContributionPanelProps {
  reportId: string;
  agencyId: string;
  status: ReportStatus;
  format: string;
  /** the contributor's editable part (null: not limited to an assignment) */
  scope: EditableScope | null;
  /** unsaved edits: delivering would hand over what the API has not got */
  hasUnsavedEdits: boolean;
}

export function ContributionPanel({ reportId, agencyId, status, format, scope, hasUnsavedEdits }: ContributionPanelProps) {
  const { t } = useWf();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const [assigning, setAssigning] = useState(false);
  const [returning, setReturning] = useState<string | null>(null);
  const list = useGraphQLQuery('contributions', ReportContributionsDocument, { reportId });
  const onError = (e: Error) => notify(e.message, { type: 'error' });
  const deliver = useGraphQLMutation(DeliverContributionDocument, {
    invalidates: ['contributions', 'reports', 'notifications'],
    onSuccess: () => notify(t('contrib.delivered'), { type: 'success' }),
    onError,
  });
  const accept = useGraphQLMutation(AcceptContributionDocument, {
    invalidates: ['contributions', 'reports', 'notifications'],
    onSuccess: () => notify(t('contrib.accepted'), { type: 'success' }),
    onError,
  });
  const all = list.data?.contributions ?? [];
  const userId = identity?.id == null ? null : String(identity.id);
  const mayAssign = Boolean(permissions && can(permissions, 'contribution.assign', agencyId)) && status === 'DRAFT';
  const items = scope ? all.filter((c) => c.assigneeId === userId) : all;
  if (!scope && !mayAssign && all.length === 0) return null;
  const returnedPart = all.find((c) => c.id === returning) ?? null;

  return (
    <Box sx={{ mb: 2 }} data-testid="contribution-panel" component="section" aria-labelledby="contribution-panel-title">
      {scope && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="contribution-scope-hint">
          {t('contrib.scope_hint')}
        </Alert>
      )}
      <Stack direction="row" useFlexGap sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }} id="contribution-panel-title">
          {scope ? t('contrib.mine') : t('contrib.all')}
        </Typography>
        {mayAssign && (
          <Button size="small" variant="outlined" onClick={() => setAssigning(true)} data-testid="contribution-assign-open">
            {t('contrib.assign')}
          </Button>
        )}
      </Stack>
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      {!scope && all.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('contrib.none')}
        </Typography>
      )}
      <ContributionList
        items={items}
        format={format}
        showAssignee={!scope}
        showChanges={!scope}
        busy={deliver.isPending || accept.isPending}
        deliverBlocked={hasUnsavedEdits}
        onAct={(c, act) => {
          if (act === 'deliver') deliver.mutate({ id: c.id });
          else if (act === 'accept') accept.mutate({ id: c.id });
          else if (act === 'return') setReturning(c.id);
        }}
      />
      {mayAssign && (
        <AssignContributionDialog open={assigning} reportId={reportId} format={format} existing={all} onClose={() => setAssigning(false)} />
      )}
      <ReturnContributionDialog part={returnedPart} format={format} onClose={() => setReturning(null)} />
    </Box>
  );
}
