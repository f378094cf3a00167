import { AutocompleteInput, BooleanInput, CheckboxGroupInput, Create, Edit, PasswordInput, ReferenceInput, required, SimpleForm, TextInput, minLength } from 'react-admin';
import { SaveOnlyToolbar } from '../../common/SaveOnlyToolbar';
import { useRoleChoices } from './roles';

const atLeastOneRole = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'touming.users.roles_required');

function Fields({ edit }: { edit?: boolean }) {
  const roles = useRoleChoices();
  return (
    <>
      {!edit && <TextInput source="username" validate={required()} autoComplete="off" />}
      <TextInput source="displayName" validate={required()} />
      <TextInput source="email" type="email" helperText="touming.users.email_help" autoComplete="off" />
      <PasswordInput
        source="password"
        validate={edit ? [minLength(8)] : [required(), minLength(8)]}
        helperText={edit ? 'touming.users.password_keep' : 'touming.users.password_help'}
        autoComplete="new-password"
      />
      <ReferenceInput source="agencyId" reference="agencies" perPage={200} sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <CheckboxGroupInput source="roles" choices={roles} validate={atLeastOneRole} row={false} />
      {edit && <BooleanInput source="active" helperText="touming.users.active_help" />}
    </>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Fields />
      </SimpleForm>
    </Create>
  );
}

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={(data: Record<string, unknown>) => ({ ...data, password: data.password || undefined })}>
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Fields edit />
      </SimpleForm>
    </Edit>
  );
}
