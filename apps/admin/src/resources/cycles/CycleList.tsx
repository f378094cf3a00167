import { Datagrid, FunctionField, List, NumberField, useLocaleState, useTranslate } from 'react-admin';
import { getFormat, isFormatId } from '@touming/domain/formats';
import type { Cycle } from '../../providers/types';
import { formatDate } from '../../i18n/format';
import { YesNoField } from '../../common/YesNoField';

export function CycleList() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <List sort={{ field: 'year', order: 'DESC' }} perPage={25} pagination={false} exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <NumberField source="year" options={{ useGrouping: false }} />
        <FunctionField
          source="format"
          render={(c: Cycle) => (isFormatId(c.format) ? `${getFormat(c.format).notice}` : c.format)}
        />
        <FunctionField source="deadline" render={(c: Cycle) => formatDate(c.deadline, locale)} />
        <YesNoField source="requiresPreReview" />
        <FunctionField source="open" render={(c: Cycle) => translate(c.open ? 'touming.cycles.open' : 'touming.cycles.closed')} />
      </Datagrid>
    </List>
  );
}
