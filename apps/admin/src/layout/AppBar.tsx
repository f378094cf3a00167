import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import { AppBar as RaAppBar, Logout, UserMenu, useGetIdentity, useLocaleState, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import BadgeIcon from '@mui/icons-material/Badge';
import { ROLE_LABELS, roleLabelAt, type Role } from '@touming/domain/permissions';
import type { ToumingIdentity } from '../providers/authProvider';
import { NotificationBell } from '../notifications/NotificationBell';

function IdentityItem() {
  const identity = useGetIdentity().identity as (ToumingIdentity | undefined);
  const translate = useTranslate();
  // the supervising role is worded by the user's level in Chinese (县政务公开办, 市政务公开办)
  const [locale] = useLocaleState();
  if (!identity) return null;
  return (
    <MenuItem disabled sx={{ opacity: '1 !important' }}>
      <ListItemIcon>
        <BadgeIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={`${identity.fullName}（${identity.username}）`}
        secondary={[identity.agencyName, ...identity.roles.map((r: Role) => (locale.startsWith('zh') ? roleLabelAt(r, identity.regionLevel) : translate(`touming.roles.${r}`, { _: ROLE_LABELS[r] })))].filter(Boolean).join(' · ')}
      />
    </MenuItem>
  );
}

/** 修改密码 in the user menu */
function ChangePasswordItem() {
  const translate = useTranslate();
  const { onClose } = useUserMenu() ?? {};
  return (
    <MenuItem component={Link} to="/password" onClick={onClose} data-testid="menu-change-password">
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={translate('touming.password.title')} />
    </MenuItem>
  );
}

export function AppBar() {
  const translate = useTranslate();
  const identity = useGetIdentity().identity as ToumingIdentity | undefined;
  // from sm up the menu button shows the user's name: its accessible name must contain that text too
  // (label-content-name-mismatch); on a phone it is an icon, named by the translation key as before
  // (react-admin shows the name from the same breakpoint)
  const showsName = useMediaQuery((theme: Theme) => theme.breakpoints.up('sm'));
  const menuLabel = showsName && identity?.fullName ? `${identity.fullName} · ${translate('ra.auth.user_menu')}` : 'ra.auth.user_menu';
  return (
    <RaAppBar
      userMenu={
        <UserMenu label={menuLabel}>
          <IdentityItem />
          <ChangePasswordItem />
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
        // each screen's title (react-admin writes it here) is the page's one h1
        component="h1"
        sx={{
          flex: 1,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          // on a phone there is no room to show it, but it stays the page's heading for a screen reader
          '@media (max-width: 599.95px)': { position: 'absolute', width: '1px', height: '1px', clip: 'rect(0 0 0 0)' },
        }}
      />
      <Box sx={{ flex: { xs: 1, sm: 0 } }} />
      <NotificationBell />
    </RaAppBar>
  );
}
