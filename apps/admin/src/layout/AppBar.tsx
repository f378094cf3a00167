import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, Logout, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import BadgeIcon from '@mui/icons-material/Badge';
import { ROLE_LABELS, type Role } from '@touming/domain/permissions';
import type { ToumingIdentity } from '../providers/authProvider';
import { NotificationBell } from '../notifications/NotificationBell';

function IdentityItem() {
  const identity = useGetIdentity().identity as (ToumingIdentity | undefined);
  const translate = useTranslate();
  if (!identity) return null;
  return (
    <MenuItem disabled sx={{ opacity: '1 !important' }}>
      <ListItemIcon>
        <BadgeIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={`${identity.fullName}（${identity.username}）`}
        secondary={[identity.agencyName, ...identity.roles.map((r: Role) => translate(`touming.roles.${r}`, { _: ROLE_LABELS[r] }))].filter(Boolean).join(' · ')}
      />
    </MenuItem>
  );
}

export function AppBar() {
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={
        <UserMenu>
          <IdentityItem />
          <Logout />
        </UserMenu>
      }
    >
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 1, whiteSpace: 'nowrap' }}>
        {translate('touming.app.short')}
      </Typography>
      <Typography
        variant="body1"
        id="react-admin-title"
        component="span"
        sx={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: { xs: 'none', sm: 'block' } }}
      />
      <Box sx={{ flex: { xs: 1, sm: 0 } }} />
      <NotificationBell />
    </RaAppBar>
  );
}
