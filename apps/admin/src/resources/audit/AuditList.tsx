/**
 * 审计记录: the append-only trail, filtered by report, agency, user, action and date; each entry's
 * before/after as a readable diff; for the county office a banner with the hash chain's verification.
 */
import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  TextField,
  TextInput,
  usePermissions,
} from 'react-admin';
import { can } from '@touming/domain/permissions';
import type { Permissions } from '../../providers/authProvider';
import { VerifyAuditChainDocument } from '../../gql/graphql';
import { useGraphQLQuery } from '../../providers/useGraphQL';
import type { AuditEntry } from '../../workflow/dataProvider';
import { useWf } from '../../workflow/useWf';
import { formatDateTime } from '../../i18n/format';
import { actionLabel, diffLines } from './diff';

function ChainBanner() {
  const { t } = useWf();
  const { data, error, isPending } = useGraphQLQuery('audit', VerifyAuditChainDocument, {});
  if (isPending) return <Alert severity="info" data-testid="audit-banner" data-state="checking">{t('audit.banner_checking')}</Alert>;
  if (error || !data) return <Alert severity="warning" data-testid="audit-banner" data-state="error">{t('audit.banner_error', { message: error?.message ?? '' })}</Alert>;
  const r = data.verifyAuditChain;
  return r.ok ? (
    <Alert severity="success" data-testid="audit-banner" data-state="ok">{t('audit.banner_ok', { count: r.checked })}</Alert>
  ) : (
    <Alert severity="error" data-testid="audit-banner" data-state="broken">{t('audit.banner_broken', { id: r.firstBrokenId ?? '?' })}</Alert>
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useWf();
  const lines = diffLines(entry.detail);
  if (!lines.length) return <Typography variant="caption" color="text.secondary">{t('audit.no_detail')}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2, maxWidth: 560 }} data-testid="audit-diff">
      {lines.slice(0, 30).map((l, i) => (
        <li key={i}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
            {l.label}：
          </Typography>
          {l.value !== undefined ? (
            <Typography variant="body2" component="span" sx={{ wordBreak: 'break-all' }}>{l.value}</Typography>
          ) : (
            <Typography variant="body2" component="span">
              <Box component="span" sx={{ color: 'error.main', textDecoration: 'line-through' }}>{l.before}</Box>
              {' → '}
              <Box component="span" sx={{ color: 'success.dark', fontWeight: 600 }}>{l.after}</Box>
            </Typography>
          )}
        </li>
      ))}
      {lines.length > 30 && <li>…（共 {lines.length} 项）</li>}
    </Box>
  );
}

function Empty() {
  const { t } = useWf();
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h6">{t('audit.empty')}</Typography>
      <Typography variant="body2" color="text.secondary">{t('audit.empty_hint')}</Typography>
    </Box>
  );
}

export function AuditList() {
  const { locale } = useWf();
  const { permissions } = usePermissions<Permissions | null>();
  const countyWide = permissions ? can(permissions, 'audit.readAll') : false;
  const filters = [
    <ReferenceInput key="reportId" source="reportId" reference="reports" alwaysOn>
      <AutocompleteInput optionText={(r: { agency?: { name: string }; year: number }) => `${r.agency?.name ?? ''}${r.year}年度`} />
    </ReferenceInput>,
    ...(countyWide
      ? [
          <ReferenceInput key="agencyId" source="agencyId" reference="agencies" perPage={200} alwaysOn>
            <AutocompleteInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
    <ReferenceInput key="actorId" source="actorId" reference="users" perPage={200}>
      <AutocompleteInput optionText={(u: { displayName: string; username: string }) => `${u.displayName}（${u.username}）`} />
    </ReferenceInput>,
    <TextInput key="action" source="action" helperText="例如 report.update，或 report.* 查看报告的全部操作" />,
    <DateInput key="from" source="from" />,
    <DateInput key="to" source="to" />,
  ];
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {countyWide && <ChainBanner />}
      <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} empty={false} exporter={false}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty />}>
          <FunctionField source="at" render={(e: AuditEntry) => formatDateTime(e.at, locale)} />
          <FunctionField source="action" render={(e: AuditEntry) => <span title={`操作代码：${e.action}`}>{actionLabel(e.action)}</span>} />
          <TextField source="actorName" />
          <ReferenceField source="reportId" reference="reports" link="edit" emptyText="—" />
          <FunctionField source="detail" sortable={false} render={(e: AuditEntry) => <AuditDiff entry={e} />} />
        </Datagrid>
      </List>
    </Stack>
  );
}
