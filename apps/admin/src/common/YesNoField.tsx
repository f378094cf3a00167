/**
 * 是 / 否 as words in a list column. react-admin's BooleanField draws an icon whose accessible name
 * differs from its content (axe: label-content-name-mismatch) and says nothing to a reader scanning
 * the column; a word does both.
 */
import { FunctionField, useTranslate } from 'react-admin';

export function YesNoField({ source }: { source: string; label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      render={(record: Record<string, unknown>) =>
        record[source] == null ? '' : translate(record[source] ? 'ra.boolean.true' : 'ra.boolean.false')
      }
    />
  );
}

// a yes/no column is not sorted by (the Datagrid reads this from the field's type): its header is
// then plain text, named as it reads, not a sort button named 按…排列
YesNoField.sortable = false;
