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
  CheckboxGroupInput,
  Confirm,
  DateInput,
  Toolbar,
  useGetOne,
  useSaveContext,
  required,
  Link,
  usePermissions,
  useListContext,
  useRecordContext,
} from 'react-admin';
import { CASE_KINDS, CASE_KIND_LABELS, CASE_STATUSES, CASE_STATUS_LABELS, CASE_TRANSITIONS, type CaseKind, type CaseStatus } from '@touming/domain/accountability';
import { can } from '@touming/domain/permissions';
import { CaseAuditChoicesDocument, ProposedAccountabilityCasesDocument } from '../../gql/graphql';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Permissions } from '../../providers/authProvider';
import { useGraphQLQuery } from '../../providers/useGraphQL';
import { useCurrentCycle } from '../../common/useCurrentCycle';
import { SaveOnlyToolbar } from '../../common/SaveOnlyToolbar';
import type { AccountabilityCase } from '../../workflow/dataProvider';
import { useWf } from '../../workflow/useWf';
import { formatDateTime } from '../../i18n/format';
import { RegionPicker } from '../../regions/RegionPicker';

const kindChoices = CASE_KINDS.map((id) => ({ id, name: CASE_KIND_LABELS[id] }));
const statusChoices = CASE_STATUSES.map((id) => ({ id, name: CASE_STATUS_LABELS[id] }));

function ProposedCases({ year }: { year: number }) {
  const { t } = useWf();
  const { data, error, isPending } = useGraphQLQuery('accountability', ProposedAccountabilityCasesDocument, { year });
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
                // the form asks for the responsible person and the 整改期限, and a confirmation
                <Button
                  size="small"
                  variant="contained"
                  component={Link}
                  to="/accountability/create"
                  state={{ record: { agencyId: p.agencyId, year, kind: p.kind, description: p.description, reportId: p.reportId ?? undefined } }}
                  data-testid={`open-case-${p.agencyId}`}
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

/**
 * 所辖地区: an office above other regions (a city's, a province's) narrows the cases to one region of
 * its subtree with the dashboard's picker; the pick is one more filter of the list (regionId, in the
 * address). Picking another region drops the agency filter, which named an agency of the last one.
 */
function RegionFilter() {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const regionId = typeof filterValues.regionId === 'string' ? filterValues.regionId : null;
  return (
    <Box sx={{ px: 2, pt: 1 }}>
      <RegionPicker
        value={{ regionId, agencyId: null }}
        withAgency={false}
        onlyWithRegionsBelow
        onChange={(next) => {
          const { regionId: _region, agencyId: _agency, ...rest } = filterValues as Record<string, unknown>;
          setFilters(next.regionId ? { ...rest, regionId: next.regionId } : rest, displayedFilters);
        }}
      />
    </Box>
  );
}

export function AccountabilityList() {
  const { locale } = useWf();
  const { cycle } = useCurrentCycle();
  const { permissions } = usePermissions<Permissions | null>();
  const manage = permissions ? can(permissions, 'accountability.manage') : false;
  // only an office has regions to pick (agency users read their own agency's cases)
  const byRegion = permissions ? can(permissions, 'region.read') : false;
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
        {byRegion && <RegionFilter />}
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
          <FunctionField source="title" sortable={false} render={(c: AccountabilityCase) => c.title} />
          <FunctionField source="year" render={(c: AccountabilityCase) => `${c.year}`} />
          <FunctionField source="kind" render={(c: AccountabilityCase) => CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind} />
          <FunctionField
            source="status"
            render={(c: AccountabilityCase) => (
              <Chip size="small" color={c.status === 'CLOSED' ? 'default' : c.status === 'OPEN' ? 'error' : 'warning'} label={CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status} />
            )}
          />
          <FunctionField source="responsiblePerson" sortable={false} render={(c: AccountabilityCase) => c.responsiblePerson ?? '—'} />
          <FunctionField source="rectifyBy" sortable={false} render={(c: AccountabilityCase) => c.rectifyBy ?? '—'} />
          <FunctionField source="openedAt" render={(c: AccountabilityCase) => formatDateTime(c.openedAt, locale)} />
        </Datagrid>
      </List>
    </Box>
  );
}

export function AccountabilityCreate() {
  const { cycle } = useCurrentCycle();
  return (
    <Create redirect="show">
      <SimpleForm toolbar={<OpenCaseToolbar />} defaultValues={{ year: cycle?.year, kind: 'OVERDUE' }}>
        <ReferenceInput source="agencyId" reference="agencies" perPage={200}>
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <NumberInput source="year" validate={required()} />
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <TextInput source="responsiblePerson" validate={required()} />
        <DateInput source="rectifyBy" validate={required()} />
        <TextInput source="description" multiline minRows={3} fullWidth validate={required()} />
        <AuditEntryChoices />
      </SimpleForm>
    </Create>
  );
}

/** the agency's latest audit entries, to link as the facts' evidence */
function AuditEntryChoices() {
  const { t, locale } = useWf();
  const agencyId = useWatch({ name: 'agencyId' }) as string | undefined;
  const entries = useGraphQLQuery('audit', CaseAuditChoicesDocument, { filter: { agencyId: agencyId ?? null, excludeCategories: ['AUTH'] } }, { enabled: !!agencyId });
  const choices = (entries.data?.auditEntries.items ?? []).map((e) => ({ id: Number(e.id), name: `${formatDateTime(e.at, locale)} · ${e.actionLabel}${e.actorName ? ` · ${e.actorName}` : ''}` }));
  if (!agencyId || choices.length === 0) return null;
  return <CheckboxGroupInput source="auditEntryIds" label={t('acc.pick_entries')} choices={choices} row={false} />;
}

/** 立案 asks for a confirmation that repeats what will be recorded */
function OpenCaseToolbar() {
  const { t } = useWf();
  const [confirming, setConfirming] = useState(false);
  const { getValues, trigger } = useFormContext();
  const { save, saving } = useSaveContext();
  const values = getValues();
  const agency = useGetOne('agencies', { id: values.agencyId }, { enabled: confirming && !!values.agencyId });
  return (
    <Toolbar>
      <Button
        variant="contained"
        disabled={saving}
        data-testid="case-open"
        onClick={async () => {
          if (await trigger()) setConfirming(true);
        }}
      >
        {t('acc.open_confirm')}
      </Button>
      <Confirm
        isOpen={confirming}
        loading={saving}
        title={t('acc.confirm_title')}
        content={t('acc.confirm_body', {
          agency: agency.data?.name ?? '',
          year: values.year,
          kind: CASE_KIND_LABELS[values.kind as CaseKind] ?? values.kind,
          person: values.responsiblePerson,
          by: values.rectifyBy,
        })}
        confirm={t('acc.open_case')}
        onConfirm={() => {
          setConfirming(false);
          void save?.(getValues());
        }}
        onClose={() => setConfirming(false)}
      />
    </Toolbar>
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
