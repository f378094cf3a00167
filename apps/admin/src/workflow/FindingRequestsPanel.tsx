/**
 * 保密审查请您修改: in the editor, the findings the 保密审查员 sent to the preparer (请修改) that are
 * still open, each with the reviewer's comment and a link that selects the passage in its text. The
 * fix is an ordinary edit: the rescan on save marks the finding fixed and it leaves this list.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { LinkBase, usePermissions } from 'react-admin';
import { can } from '@touming/domain/permissions';
import type { Permissions } from '../providers/authProvider';
import { findingEditorLink } from '@touming/domain/confidentiality';
import { ReportWorkflowDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import type { EditorExtensionProps } from '../editor/extensions';
import { formatDateTime } from '../i18n/format';
import { sectionTitleOf } from './sections';
import { useWf } from './useWf';

export function FindingRequestsPanel({ report, content }: EditorExtensionProps) {
  const { t, locale } = useWf();
  // for whoever fixes the text (the preparer); the reviewer sees its requests on the 保密审查 page
  const { permissions } = usePermissions<Permissions | null>();
  const canEdit = permissions ? can(permissions, 'report.edit', report.agencyId) : false;
  // the same query (and cache entry) as the 签署与公开 panel
  const { data } = useGraphQLQuery('reports', ReportWorkflowDocument, { id: report.id }, {
    dependsOn: [report.revision, report.status],
    placeholderData: keepPreviousData,
  });
  const asked = (data?.report?.confidentiality.findings ?? []).filter((f) => f.status === 'OPEN' && f.changeRequestComment);
  if (!canEdit || asked.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="finding-requests">
      <AlertTitle>{t('conf.requests_title')}</AlertTitle>
      {asked.map((f) => (
        <Box key={f.id} sx={{ mb: 1 }} data-testid="finding-request">
          <Typography variant="body2">
            {f.message} · {t('conf.in_section', { section: sectionTitleOf(content.format, f.section) })}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('conf.request_change_label')}：{f.changeRequestComment}
          </Typography>
          {f.changeRequestedByName && f.changeRequestedAt && (
            <Typography variant="caption" color="text.secondary" component="div">
              {f.changeRequestedByName} · {formatDateTime(f.changeRequestedAt, locale)}
            </Typography>
          )}
          <Button size="small" component={LinkBase} to={findingEditorLink(report.id, f)} data-testid="finding-request-open">
            {t('conf.requests_open')}
          </Button>
        </Box>
      ))}
    </Alert>
  );
}
