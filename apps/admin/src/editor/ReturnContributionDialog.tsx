/** 退回 a delivered part: the preparer says what to change; the contributor sees it in 待我处理 and the editor. */
import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useNotify } from 'react-admin';
import { MAX_CONTRIBUTION_COMMENT } from '@touming/domain/contributions';
import { ReturnContributionDocument, type ContributionRowFragment } from '../gql/graphql';
import { useGraphQLMutation } from '../providers/useGraphQL';
import { targetLabel } from '../todo/queues';
import { useWf } from '../workflow/useWf';

export function ReturnContributionDialog({ part, format, onClose }: { part: ContributionRowFragment | null; format: string; onClose: () => void }) {
  const { t } = useWf();
  const notify = useNotify();
  const [comment, setComment] = useState('');
  const send = useGraphQLMutation(ReturnContributionDocument, {
    invalidates: ['contributions', 'reports', 'notifications'],
    onSuccess: () => {
      notify(t('contrib.returned'), { type: 'success' });
      onClose();
    },
  });
  useEffect(() => {
    if (part) setComment('');
  }, [part]);
  return (
    <Dialog open={Boolean(part)} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="contribution-return-title">
      <DialogTitle id="contribution-return-title">{t('contrib.return_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {part ? t('contrib.return_intro', { target: targetLabel(format, part.target), name: part.assignee?.displayName ?? '' }) : ''}
        </DialogContentText>
        <TextField
          autoFocus
          label={t('contrib.return_label')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          multiline
          minRows={3}
          fullWidth
          required
          slotProps={{ htmlInput: { maxLength: MAX_CONTRIBUTION_COMMENT, 'data-testid': 'contribution-return-text' } }}
        />
        {send.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {send.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('contrib.cancel')}</Button>
        <Button
          variant="contained"
          color="warning"
          disabled={send.isPending || !comment.trim()}
          onClick={() => part && send.mutate({ id: part.id, comment: comment.trim() })}
          data-testid="contribution-return-confirm"
        >
          {t('contrib.return_confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
