/**
 * A confirmation that asks for the user's own password before an act the API treats as a signature
 * (the 保密审查 conclusion): the password goes with the act, never stored.
 */
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { StepUpPasswordField } from './StepUpPasswordField';
import { useWf } from './useWf';

export function StepUpDialog(props: {
  open: boolean;
  title: string;
  hint: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm(password: string): void;
  onClose(): void;
}) {
  const { t } = useWf();
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    props.onClose();
  };
  return (
    <Dialog open={props.open} onClose={close} maxWidth="xs" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2">{props.hint}</Typography>
        <StepUpPasswordField value={password} onChange={setPassword} autoFocus />
        {props.error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="stepup-error">
            {props.error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('cancel')}</Button>
        <Button variant="contained" disabled={props.busy || !password} onClick={() => props.onConfirm(password)} data-testid="stepup-confirm">
          {props.busy ? t('working') : props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
