import { Chip, useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { can, hasCountyScope } from '@touming/domain/permissions';
import { FORMAT_IDS, getFormat } from '@touming/domain/formats';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '@touming/domain/workflow';
import type { Permissions } from '../../providers/authProvider';
import type { ReportSummary } from '../../providers/types';
import { StatusChip } from '../../common/StatusChip';
import { formatDateTime } from '../../i18n/format';

function useStatusChoices() {
  const translate = useTranslate();
  return REPORT_STATUSES.map((id) => ({
    id,
    name: translate(`touming.status.${id}`, { _: REPORT_STATUS_LABELS[id] }),
  }));
}

function Actions() {
  const { permissions } = usePermissions<Permissions>();
  return <TopToolbar>{permissions && can(permissions, 'report.create') && <CreateButton />}</TopToolbar>;
}

export function ReportList() {
  const { permissions } = usePermissions<Permissions>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const statuses = useStatusChoices();
  const county = Boolean(permissions && hasCountyScope(permissions));
  const filters = [
    <NumberInput key="year" source="year" alwaysOn sx={{ width: 120 }} />,
    ...(county
      ? [
          <ReferenceInput key="agencyId" source="agencyId" reference="agencies" perPage={200} alwaysOn>
            <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
    <SelectInput
      key="format"
      source="format"
      choices={FORMAT_IDS.map((id) => ({ id, name: getFormat(id).notice }))}
    />,
  ];
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={filters}
      sort={{ field: 'year', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      exporter={false}
    >
      {small ? (
        <SimpleList<ReportSummary>
          linkType="edit"
          primaryText={(r) =>
            translate('touming.reports.list_title', { agency: r.agency?.name ?? '', year: r.year })
          }
          secondaryText={(r) => <StatusChip status={r.status} returned={Boolean(r.returned)} />}
          tertiaryText={(r) =>
            r.errorCount ? translate('touming.reports.errors_short', { count: r.errorCount }) : ''
          }
        />
      ) : (
        <Datagrid
          rowClick="edit"
          bulkActionButtons={false}
          data-testid="report-list"
          sx={{ '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } }}
        >
          <TextField source="agency.name" label="resources.reports.fields.agencyId" sortBy="agencyName" />
          <NumberField source="year" options={{ useGrouping: false }} />
          <FunctionField source="status" render={(r: ReportSummary) => <StatusChip status={r.status} returned={Boolean(r.returned)} />} />
          <FunctionField
            source="errorCount"
            render={(r: ReportSummary) =>
              r.errorCount > 0 ? (
                <Chip size="small" color="error" label={r.errorCount} />
              ) : (
                <Chip size="small" color="success" variant="outlined" label="0" />
              )
            }
          />
          <NumberField source="warningCount" />
          <FunctionField
            source="format"
            render={(r: ReportSummary) => translate('touming.reports.format_short', { format: r.format })}
          />
          <NumberField source="revision" />
          <FunctionField
            source="updatedAt"
            render={(r: ReportSummary) => formatDateTime(r.updatedAt, locale)}
          />
        </Datagrid>
      )}
    </List>
  );
}
