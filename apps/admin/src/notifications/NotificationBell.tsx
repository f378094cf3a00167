/**
 * The header's 消息 button: the unread count as a badge (refreshed every minute and whenever a
 * notification is marked read), opening the 消息 list.
 */
import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { LinkBase, useTranslate } from 'react-admin';
import { UnreadNotificationCountDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';

export function NotificationBell() {
  const translate = useTranslate();
  const unread = useGraphQLQuery('notifications', UnreadNotificationCountDocument, {}, { refetchInterval: 60_000 });
  const count = unread.data?.unreadNotificationCount ?? 0;
  const label = count > 0 ? translate('touming.messages.bell', { count }) : translate('touming.messages.bell_none');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={LinkBase} to="/messages" aria-label={label} data-testid="notification-bell" data-unread={count}>
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
