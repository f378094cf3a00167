import { AutocompleteInput, Create, NumberInput, ReferenceInput, required, SimpleForm, minValue, maxValue, usePermissions, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { hasCountyScope } from '@touming/domain/permissions';
import { REPORT_YEARS } from '@touming/domain/formats';
import type { Permissions } from '../../providers/authProvider';
import { SaveOnlyToolbar } from '../../common/SaveOnlyToolbar';

/** a new report for an agency and year; the API fills the carried-over cells from last year's report */
export function ReportCreate() {
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const county = Boolean(permissions && hasCountyScope(permissions));
  const year = new Date().getFullYear() - 1;
  return (
    // agency users create their own agency's report; the county office picks the agency
    <Create redirect="edit" transform={(data: { agencyId?: string; year: number }) => ({ ...data, agencyId: county ? data.agencyId : permissions?.agencyId })}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ year }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('touming.reports.create_hint')}
        </Typography>
        {county ? (
          <ReferenceInput source="agencyId" reference="agencies" perPage={200} sort={{ field: 'code', order: 'ASC' }}>
            <AutocompleteInput optionText="name" validate={required()} />
          </ReferenceInput>
        ) : null}
        <NumberInput source="year" validate={[required(), minValue(REPORT_YEARS.from), maxValue(REPORT_YEARS.to)]} />
      </SimpleForm>
    </Create>
  );
}
