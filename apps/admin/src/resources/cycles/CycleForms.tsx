import { useEffect } from 'react';
import { BooleanInput, Create, DateInput, Edit, NumberInput, required, SelectInput, SimpleForm, minValue, maxValue, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { FORMAT_IDS, formatForYear, getFormat, isReportYear, REPORT_YEARS } from '@touming/domain/formats';
import { defaultDeadline } from '@touming/domain/deadlines';
import { SaveOnlyToolbar } from '../../common/SaveOnlyToolbar';

function useFormatChoices() {
  return FORMAT_IDS.map((id) => ({ id, name: `${getFormat(id).name}（${getFormat(id).notice}）` }));
}

/** a new cycle's format and deadline follow its year (the domain knows both), until the user changes them */
function YearDefaults() {
  const year = useWatch({ name: 'year' });
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    const y = Number(year);
    if (!isReportYear(y)) return;
    if (!getFieldState('format').isDirty) setValue('format', formatForYear(y).id);
    if (!getFieldState('deadline').isDirty) setValue('deadline', defaultDeadline(y));
  }, [year, setValue, getFieldState]);
  return null;
}

export function CycleCreate() {
  const formats = useFormatChoices();
  const translate = useTranslate();
  const year = new Date().getFullYear() - 1;
  return (
    <Create redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ year, format: formatForYear(year).id, deadline: defaultDeadline(year), requiresPreReview: false }}>
        <YearDefaults />
        <NumberInput source="year" validate={[required(), minValue(REPORT_YEARS.from), maxValue(REPORT_YEARS.to)]} helperText={translate('touming.cycles.year_help')} />
        <SelectInput source="format" choices={formats} validate={required()} />
        <DateInput source="deadline" validate={required()} helperText={translate('touming.cycles.deadline_help')} />
        <BooleanInput source="requiresPreReview" helperText={translate('touming.cycles.pre_review_help')} />
      </SimpleForm>
    </Create>
  );
}

export function CycleEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <NumberInput source="year" disabled />
        <DateInput source="deadline" validate={required()} />
        <BooleanInput source="requiresPreReview" />
        <BooleanInput source="open" />
      </SimpleForm>
    </Edit>
  );
}
