import { useTranslate } from 'react-admin';
import { ROLE_LABELS, ROLES } from '@touming/domain/permissions';

export function useRoleChoices() {
  const translate = useTranslate();
  return ROLES.map((id) => ({ id, name: translate(`touming.roles.${id}`, { _: ROLE_LABELS[id] }) }));
}
