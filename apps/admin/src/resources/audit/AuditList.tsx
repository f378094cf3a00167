/**
 * 审计记录: the append-only trail, filtered by report, agency, user, action and date; each entry's
 * before/after as a readable diff; for the county office a banner with the hash chain's verification.
 */
import { useMemo } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useGetList,
  usePermissions,
} from 'react-admin';
import { AUDIT_ACTION_LABELS, AUDIT_CATEGORIES, AUDIT_CATEGORY_LABELS } from '@touming/domain/audit';
import { can } from '@touming/domain/permissions';
import type { Permissions } from '../../providers/authProvider';
import { VerifyAuditChainDocument } from '../../gql/graphql';
import { useGraphQLQuery } from '../../providers/useGraphQL';
import type { AuditEntry } from '../../workflow/dataProvider';
import { useWf } from '../../workflow/useWf';
import { formatDateTime } from '../../i18n/format';
import { diffLines, type DiffNames } from './diff';

/** the actions and groups to filter by, in words (the domain's labels, the API's values) */
const ACTION_CHOICES = Object.entries(AUDIT_ACTION_LABELS)
  .filter(([action]) => !action.startsWith('seed.'))
  .map(([id, name]) => ({ id, name }));
const CATEGORY_CHOICES = AUDIT_CATEGORIES.map((id) => ({ id, name: AUDIT_CATEGORY_LABELS[id] }));

/** agencies and people by id, so an entry names them instead of showing a UUID */
function useDiffNames(mayReadUsers: boolean): DiffNames {
  const { data: agencies } = useGetList<{ id: string; name: string }>('agencies', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const { data: users } = useGetList<{ id: string; displayName: string; username: string }>(
    'users',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'username', order: 'ASC' } },
    { enabled: mayReadUsers },
  );
  return useMemo(() => {
    const agencyNames = new Map((agencies ?? []).map((a) => [String(a.id), a.name]));
    const userNames = new Map((users ?? []).map((u) => [String(u.id), `${u.displayName}（${u.username}）`]));
    return { agency: (id) => agencyNames.get(id), user: (id) => userNames.get(id) };
  }, [agencies, users]);
}

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

export function AuditDiff({ entry, names }: { entry: AuditEntry; names?: DiffNames }) {
  const { t } = useWf();
  const lines = diffLines(entry.detail, { targetType: entry.targetType, names });
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
  const mayReadUsers = permissions ? can(permissions, 'user.read') : false;
  const names = useDiffNames(mayReadUsers);
  const filters = [
    <BooleanInput key="hideLogins" source="hideLogins" alwaysOn />,
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
    ...(mayReadUsers
      ? [
          <ReferenceInput key="actorId" source="actorId" reference="users" perPage={200} alwaysOn>
            <AutocompleteInput optionText={(u: { displayName: string; username: string }) => `${u.displayName}（${u.username}）`} />
          </ReferenceInput>,
        ]
      : []),
    <AutocompleteInput key="action" source="action" choices={ACTION_CHOICES} alwaysOn />,
    <SelectInput key="category" source="category" choices={CATEGORY_CHOICES} />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
  ];
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {countyWide && <ChainBanner />}
      <List
        filters={filters}
        // most of the trail is sign-ins; the switch shows them again
        filterDefaultValues={{ hideLogins: true }}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        empty={false}
        exporter={false}
      >
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty />}>
          <FunctionField source="at" render={(e: AuditEntry) => formatDateTime(e.at, locale)} />
          <FunctionField source="action" render={(e: AuditEntry) => <span data-testid="audit-action" data-action={e.action}>{e.actionLabel}</span>} />
          <TextField source="actorName" emptyText="—" />
          {countyWide && <FunctionField source="agencyId" sortable={false} render={(e: AuditEntry) => e.agency?.name ?? '—'} />}
          <ReferenceField source="reportId" reference="reports" link="edit" emptyText="—" sortable={false} />
          <FunctionField source="detail" sortable={false} render={(e: AuditEntry) => <AuditDiff entry={e} names={names} />} />
        </Datagrid>
      </List>
    </Stack>
  );
}
