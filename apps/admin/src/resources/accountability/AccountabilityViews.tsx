/**
 * 责任追究: cases opened by the county office (逾期未报送, 数据错误, 泄密风险, 其他). Kind and status labels
 * and the allowed status transitions come from @touming/domain/accountability; the list starts with the
 * cases the API proposes for this cycle's overdue agencies, each opened with one click.
 */
import { Alert, Box, Button, Card, CardContent, Chip, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useNotify,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { CASE_KINDS, CASE_KIND_LABELS, CASE_STATUSES, CASE_STATUS_LABELS, CASE_TRANSITIONS, type CaseKind, type CaseStatus } from '@touming/domain/accountability';
import { can } from '@touming/domain/permissions';
import { OpenAccountabilityCaseDocument, ProposedAccountabilityCasesDocument } from '../../gql/graphql';
import type { Permissions } from '../../providers/authProvider';
import { useGraphQLMutation, useGraphQLQuery } from '../../providers/useGraphQL';
import { useCurrentCycle } from '../../common/useCurrentCycle';
import { SaveOnlyToolbar } from '../../common/SaveOnlyToolbar';
import type { AccountabilityCase } from '../../workflow/dataProvider';
import { failureMessage, useWf } from '../../workflow/useWf';
import { formatDateTime } from '../../i18n/format';

const kindChoices = CASE_KINDS.map((id) => ({ id, name: CASE_KIND_LABELS[id] }));
const statusChoices = CASE_STATUSES.map((id) => ({ id, name: CASE_STATUS_LABELS[id] }));

function ProposedCases({ year }: { year: number }) {
  const { t } = useWf();
  const notify = useNotify();
  const { data, error, isPending } = useGraphQLQuery('accountability', ProposedAccountabilityCasesDocument, { year });
  // the proposals and react-admin's list of cases below are fetched again
  const openCase = useGraphQLMutation(OpenAccountabilityCaseDocument, {
    invalidates: ['accountability'],
    onSuccess: () => notify(t('acc.opened'), { type: 'success' }),
    onError: (e) => notify(failureMessage(e, t), { type: 'error' }),
  });
  if (isPending) return null;
  if (error) return <Alert severity="warning">{error.message}</Alert>;
  const items = data?.proposedAccountabilityCases ?? [];
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="proposed-cases">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('acc.proposed')} · {year}
        </Typography>
        {items.length === 0 && <Typography variant="body2" color="text.secondary">{t('acc.proposed_none')}</Typography>}
        <MuiList dense disablePadding>
          {items.map((p) => (
            <ListItem
              key={p.agencyId}
              divider
              secondaryAction={
                <Button
                  size="small"
                  variant="contained"
                  disabled={openCase.isPending}
                  data-testid={`open-case-${p.agencyId}`}
                  onClick={() =>
                    openCase.mutate({
                      input: { agencyId: p.agencyId, year, kind: p.kind, description: p.description, ...(p.reportId ? { reportId: p.reportId } : {}) },
                    })
                  }
                >
                  {t('acc.open_case')}
                </Button>
              }
            >
              <ListItemText
                primary={<ReferenceField record={{ id: p.agencyId, agencyId: p.agencyId }} source="agencyId" reference="agencies" link={false} />}
                secondary={p.description}
                sx={{ pr: 10 }}
              />
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
}

function Empty() {
  const { t } = useWf();
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h6">{t('acc.empty')}</Typography>
      <Typography variant="body2" color="text.secondary">{t('acc.empty_hint')}</Typography>
    </Box>
  );
}

export function AccountabilityList() {
  const { locale } = useWf();
  const { cycle } = useCurrentCycle();
  const { permissions } = usePermissions<Permissions | null>();
  const manage = permissions ? can(permissions, 'accountability.manage') : false;
  const filters = [
    <NumberInput key="year" source="year" alwaysOn />,
    <ReferenceInput key="agencyId" source="agencyId" reference="agencies" perPage={200} alwaysOn>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="kind" source="kind" choices={kindChoices} />,
    <SelectInput key="status" source="status" choices={statusChoices} />,
  ];
  return (
    <Box sx={{ mt: 1 }}>
      {manage && cycle && <ProposedCases year={cycle.year} />}
      <List filters={filters} sort={{ field: 'id', order: 'DESC' }} empty={false} exporter={false}>
        <Datagrid bulkActionButtons={false} rowClick={manage ? 'edit' : false} empty={<Empty />}>
          <ReferenceField source="agencyId" reference="agencies" link={false} />
          <FunctionField source="year" render={(c: AccountabilityCase) => `${c.year}`} />
          <FunctionField source="kind" render={(c: AccountabilityCase) => CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind} />
          <FunctionField
            source="status"
            render={(c: AccountabilityCase) => (
              <Chip size="small" color={c.status === 'CLOSED' ? 'default' : c.status === 'OPEN' ? 'error' : 'warning'} label={CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status} />
            )}
          />
          <FunctionField source="description" render={(c: AccountabilityCase) => c.description} />
          <FunctionField source="openedAt" render={(c: AccountabilityCase) => formatDateTime(c.openedAt, locale)} />
        </Datagrid>
      </List>
    </Box>
  );
}

export function AccountabilityCreate() {
  const { cycle } = useCurrentCycle();
  return (
    <Create redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ year: cycle?.year, kind: 'OVERDUE' }}>
        <ReferenceInput source="agencyId" reference="agencies" perPage={200}>
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <NumberInput source="year" validate={required()} />
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <TextInput source="description" multiline minRows={3} fullWidth validate={required()} />
      </SimpleForm>
    </Create>
  );
}

/** only the statuses the domain allows from the case's current one (plus staying) */
function StatusInput() {
  const record = useRecordContext<AccountabilityCase>();
  const from = (record?.status ?? 'OPEN') as CaseStatus;
  const allowed = new Set<CaseStatus>([from, ...(CASE_TRANSITIONS[from] ?? [])]);
  return <SelectInput source="status" choices={statusChoices.filter((c) => allowed.has(c.id))} validate={required()} />;
}

export function AccountabilityEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <ReferenceField source="agencyId" reference="agencies" link={false} />
        <StatusInput />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <TextInput source="outcome" multiline minRows={2} fullWidth helperText="结案时须填写处理结果" />
      </SimpleForm>
    </Edit>
  );
}
