import { AutocompleteInput, BooleanInput, Create, Edit, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { SaveOnlyToolbar } from '../../common/SaveOnlyToolbar';
import { useAgencyKindChoices } from './kinds';

function Fields({ edit }: { edit?: boolean }) {
  const kinds = useAgencyKindChoices();
  return (
    <>
      <TextInput source="code" validate={required()} helperText="touming.agencies.code_help" />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={kinds} validate={required()} defaultValue="DEPARTMENT" />
      <ReferenceInput source="parentId" reference="agencies" perPage={200} sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <TextInput source="region" />
      {edit && <BooleanInput source="active" helperText="touming.agencies.active_help" />}
    </>
  );
}

export function AgencyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Fields />
      </SimpleForm>
    </Create>
  );
}

export function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Fields edit />
      </SimpleForm>
    </Edit>
  );
}
