import { Chip, Stack } from '@mui/material';
import { AutocompleteInput, Datagrid, FunctionField, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField, useTranslate } from 'react-admin';
import type { User } from '../../providers/types';
import { useRoleChoices } from './roles';
import { YesNoField } from '../../common/YesNoField';

export function UserList() {
  const roles = useRoleChoices();
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('touming.users.search')} />,
    <ReferenceInput key="agencyId" source="agencyId" reference="agencies" perPage={200}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="role" source="role" choices={roles} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="displayName" />
        <ReferenceField source="agencyId" reference="agencies" link={false} />
        <FunctionField
          source="roles"
          sortable={false}
          render={(u: User) => (
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {u.roles.map((r) => (
                <Chip key={r} size="small" label={roles.find((c) => c.id === r)?.name ?? r} />
              ))}
            </Stack>
          )}
        />
        <YesNoField source="active" />
      </Datagrid>
    </List>
  );
}
