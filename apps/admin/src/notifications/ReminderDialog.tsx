/**
 * 催报: the county office confirms a reminder to the agencies it selected on the dashboard, with an
 * optional message (the API writes one from the deadline when it is empty). The API refuses agencies
 * whose report is published; the dialog keeps what was typed when a request fails.
 */
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { MAX_REMINDER_MESSAGE } from '@touming/domain/notifications';
import { SendRemindersDocument } from '../gql/graphql';
import { useGraphQLMutation } from '../providers/useGraphQL';

export interface ReminderTarget {
  agencyId: string;
  agencyName: string;
  /** e.g. "逾期 3 天" / "剩余 20 天" */
  standing: string;
}

export function ReminderDialog({ year, targets, open, onClose, onSent }: { year: number; targets: ReminderTarget[]; open: boolean; onClose: () => void; onSent: () => void }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.messages.remind.${key}`, options);
  const notify = useNotify();
  const [message, setMessage] = useState('');
  const send = useGraphQLMutation(SendRemindersDocument, { invalidates: ['notifications', 'audit'] });
  const submit = () =>
    send.mutate(
      { input: { year, agencyIds: targets.map((x) => x.agencyId), message: message.trim() || null } },
      {
        onSuccess: (r) => {
          notify(t('sent', { agencies: r.sendReminders.length, people: r.sendReminders.reduce((s, x) => s + x.recipients, 0) }), { type: 'success' });
          setMessage('');
          onSent();
        },
      },
    );
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="reminder-title">
      <DialogTitle id="reminder-title">{t('title', { count: targets.length })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2">{t('intro')}</Typography>
        <List dense data-testid="reminder-targets">
          {targets.map((x) => (
            <ListItem key={x.agencyId} disableGutters>
              <ListItemText primary={x.agencyName} secondary={x.standing} />
            </ListItem>
          ))}
        </List>
        <TextField
          label={t('message')}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          multiline
          minRows={3}
          fullWidth
          slotProps={{ htmlInput: { maxLength: MAX_REMINDER_MESSAGE, 'data-testid': 'reminder-message' } }}
        />
        {send.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {send.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={send.isPending || targets.length === 0} data-testid="reminder-send">
          {t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
