/**
 * The header's 消息 button: the unread count as a badge (refreshed every minute and whenever a
 * notification is marked read), opening the 消息 list.
 */
import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { LinkBase, useTranslate } from 'react-admin';
import { UnreadNotificationCountDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';

/** read by screen readers, not shown */
const HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

export function NotificationBell() {
  const translate = useTranslate();
  const unread = useGraphQLQuery('notifications', UnreadNotificationCountDocument, {}, { refetchInterval: 60_000 });
  const count = unread.data?.unreadNotificationCount ?? 0;
  const label = count > 0 ? translate('touming.messages.bell', { count }) : translate('touming.messages.bell_none');
  return (
    <Tooltip title={label} describeChild>
      {/* named by its content (a hidden label, then the visible count), not by aria-label: axe's
          label-content-name-mismatch wants the visible count inside the accessible name — so the
          tooltip describes the button (describeChild) instead of setting its aria-label */}
      <IconButton color="inherit" component={LinkBase} to="/messages" data-testid="notification-bell" data-unread={count}>
        <span style={HIDDEN}>{label}</span>
        <Badge badgeContent={count || undefined} color="error" max={99}>
          <NotificationsIcon aria-hidden />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
