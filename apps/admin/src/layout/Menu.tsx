import { Menu as RaMenu, usePermissions, useTranslate } from 'react-admin';
import { can } from '@touming/domain/permissions';
import type { Permissions } from '../providers/authProvider';
import { MENU_ENTRIES } from './menuItems';
import { useLevelWords } from '../regions/useLevelWords';

/** role-aware: an entry shows only when the domain's permissions allow its action */
export function Menu() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const words = useLevelWords();
  return (
    <RaMenu>
      {MENU_ENTRIES.filter((e) => !e.action || (permissions && can(permissions, e.action))).map((e) => (
        <RaMenu.Item key={e.to} to={e.to} primaryText={translate(e.label, { ...words })} leftIcon={e.icon} data-testid={`menu-${e.to.replace('/', '') || 'dashboard'}`} />
      ))}
    </RaMenu>
  );
}
