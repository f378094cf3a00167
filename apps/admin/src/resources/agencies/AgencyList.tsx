import { CreateButton, Datagrid, FunctionField, List, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { useAgencyKindChoices } from './kinds';
import type { Agency } from '../../providers/types';
import { YesNoField } from '../../common/YesNoField';

function Actions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

export function AgencyList() {
  const kinds = useAgencyKindChoices();
  const translate = useTranslate();
  const filters = [<SearchInput key="q" source="q" alwaysOn placeholder={translate('touming.agencies.search')} />, <SelectInput key="kind" source="kind" choices={kinds} />];
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={50} actions={<Actions />}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <FunctionField source="kind" render={(r: Agency) => kinds.find((k) => k.id === r.kind)?.name ?? r.kind} />
        <TextField source="region" />
        <YesNoField source="active" />
      </Datagrid>
    </List>
  );
}
