import { useTranslate } from 'react-admin';
import { AGENCY_KINDS } from '@touming/domain/agencies';

export function useAgencyKindChoices() {
  const translate = useTranslate();
  return AGENCY_KINDS.map((id) => ({ id, name: translate(`touming.agency_kinds.${id}`) }));
}
