/**
 * 消息: the signed-in user's notifications, newest first, a page at a time; unread ones stand out and
 * are marked read when opened (or one by one, or all at once). Empty states say what will arrive here.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Stack,
  Switch,
  TablePagination,
  Typography,
} from '@mui/material';
import { LinkBase, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@touming/domain/notifications';
import { MarkNotificationsReadDocument, MyNotificationsDocument } from '../gql/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';
import { formatDateTime } from '../i18n/format';

const PAGE_SIZES = [10, 20, 50];

export function MessagesPage() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.messages.${key}`, options);
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [page, setPage] = useState(0);
  const [take, setTake] = useState(20);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useGraphQLQuery('notifications', MyNotificationsDocument, { unreadOnly, options: { skip: page * take, take } });
  const mark = useGraphQLMutation(MarkNotificationsReadDocument, { invalidates: ['notifications'] });

  const data = list.data?.myNotifications;
  const markAll = () =>
    mark.mutate(
      { ids: null },
      { onSuccess: (r) => notify(t('marked', { count: r.markNotificationsRead }), { type: 'info' }), onError: (e) => notify(e.message, { type: 'error' }) },
    );

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 960 }} data-testid="messages-page">
      <Title title={t('title')} />
      <Stack direction="row" useFlexGap sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          {t('title')}
          {data && data.unreadCount > 0 && <Chip size="small" color="error" label={`${t('unread')} ${data.unreadCount}`} sx={{ ml: 1 }} data-testid="messages-unread" />}
        </Typography>
        <FormControlLabel
          control={<Switch checked={unreadOnly} onChange={(e) => { setUnreadOnly(e.target.checked); setPage(0); }} />}
          label={t('unread_only')}
        />
        <Button variant="outlined" onClick={markAll} disabled={!data || data.unreadCount === 0 || mark.isPending} data-testid="messages-mark-all">
          {t('mark_all')}
        </Button>
      </Stack>
      {list.isPending ? (
        <Box sx={{ p: 2, display: 'flex', gap: 1, alignItems: 'center' }}>
          <CircularProgress size={20} /> {t('loading')}
        </Box>
      ) : list.error ? (
        <Alert severity="error" action={<Button onClick={() => void list.refetch()}>{t('retry')}</Button>}>
          {list.error.message}
        </Alert>
      ) : data!.totalItems === 0 ? (
        <Card variant="outlined" data-testid="messages-empty">
          <CardContent>
            <Typography variant="h6" component="p">{unreadOnly ? t('empty_unread') : t('empty')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('empty_hint')}
            </Typography>
          </CardContent>
        </Card>
      ) : (
        <Card variant="outlined">
          <List disablePadding data-testid="messages-list">
            {data!.items.map((n) => {
              const unread = !n.readAt;
              const markOne = () => mark.mutate({ ids: [n.id] });
              return (
                <ListItem
                  key={n.id}
                  divider
                  data-testid="message-item"
                  data-kind={n.kind}
                  data-unread={unread ? 'true' : 'false'}
                  sx={{ alignItems: 'flex-start', bgcolor: unread ? 'action.hover' : undefined, flexWrap: { xs: 'wrap', sm: 'nowrap' }, gap: 1 }}
                >
                  <ListItemText
                    primary={
                      <Stack component="span" direction="row" useFlexGap sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                        {unread && <Chip component="span" size="small" color="error" label={t('unread')} />}
                        <Chip component="span" size="small" variant="outlined" label={NOTIFICATION_KIND_LABELS[n.kind as NotificationKind] ?? n.kind} />
                        <Typography component="span" sx={{ fontWeight: unread ? 700 : 400 }}>
                          {n.title}
                        </Typography>
                      </Stack>
                    }
                    secondary={
                      <>
                        <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-line', mt: 0.5 }} color="text.primary">
                          {n.body}
                        </Typography>
                        <Typography component="span" variant="caption" color="text.secondary">
                          {formatDateTime(n.createdAt, locale)}
                          {n.actorName ? ` · ${n.actorName}` : ''}
                          {n.emailStatus ? ` · ${t(`email.${n.emailStatus}`)}` : ''}
                        </Typography>
                      </>
                    }
                  />
                  <Stack direction="row" sx={{ gap: 1, flexShrink: 0 }}>
                    {n.link && (
                      <Button size="small" variant="contained" component={LinkBase} to={n.link} onClick={unread ? markOne : undefined} data-testid="message-open">
                        {t('open')}
                      </Button>
                    )}
                    {unread && (
                      <Button size="small" onClick={markOne} disabled={mark.isPending} data-testid="message-mark-read">
                        {t('mark_read')}
                      </Button>
                    )}
                  </Stack>
                </ListItem>
              );
            })}
          </List>
          <TablePagination
            component="div"
            count={data!.totalItems}
            page={page}
            rowsPerPage={take}
            rowsPerPageOptions={PAGE_SIZES}
            onPageChange={(_e, p) => setPage(p)}
            onRowsPerPageChange={(e) => { setTake(Number(e.target.value)); setPage(0); }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
            getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
            labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
          />
        </Card>
      )}
    </Box>
  );
}
