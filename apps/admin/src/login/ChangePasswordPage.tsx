/**
 * 修改密码: a signed-in user changes their own password (the current one first). The password rule is
 * the domain's (packages/domain/src/passwords), checked here as the user types and again by the API.
 * The API ends every other session; this one continues with the token it returns.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { Title, useGetIdentity, useNotify, useRedirect, useTranslate } from 'react-admin';
import { passwordProblem } from '@touming/domain/passwords';
import { ChangePasswordDocument } from '../gql/graphql';
import { request } from '../providers/graphqlClient';
import { getStoredUser, saveSession } from '../providers/session';
import type { ToumingIdentity } from '../providers/authProvider';

export function ChangePasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const identity = useGetIdentity().identity as ToumingIdentity | undefined;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // signed in with a password an administrator set: this form is all the API allows until it is done
  const forced = Boolean(getStoredUser()?.mustChangePassword);

  const problem = next ? passwordProblem(next, { username: identity?.username, displayName: identity?.fullName }) : null;
  const mismatch = repeat.length > 0 && repeat !== next;
  const ready = current.length > 0 && next.length > 0 && !problem && repeat === next;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const { changePassword } = await request(ChangePasswordDocument, { currentPassword: current, newPassword: next });
      saveSession(changePassword.token, changePassword.user);
      notify('touming.password.changed', { type: 'success' });
      redirect('/');
    } catch (err) {
      setError((err as Error)?.message || translate('touming.password.failed'));
      setBusy(false);
    }
  };

  return (
    <Box sx={{ p: 2, display: 'flex', justifyContent: 'center' }}>
      <Title title={translate('touming.password.title')} />
      <Card sx={{ width: '100%', maxWidth: 480 }} variant="outlined">
        <CardContent component="form" onSubmit={submit} noValidate>
          <Typography variant="h6" component="h1" sx={{ mb: 1 }}>
            {translate('touming.password.title')}
          </Typography>
          {forced && (
            <Alert severity="warning" sx={{ mb: 1 }} data-testid="password-forced">
              {translate('touming.password.forced')}
            </Alert>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('touming.password.hint')}
          </Typography>
          <PasswordField
            label={translate('touming.password.current')}
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
            helperText={undefined}
            testId="password-current"
          />
          <PasswordField
            label={translate('touming.password.new')}
            value={next}
            onChange={setNext}
            autoComplete="new-password"
            error={Boolean(problem)}
            helperText={problem ?? translate('touming.password.rule')}
            testId="password-new"
          />
          <PasswordField
            label={translate('touming.password.repeat')}
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
            error={mismatch}
            helperText={mismatch ? translate('touming.password.mismatch') : ' '}
            testId="password-repeat"
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="password-error">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={busy || !ready} data-testid="password-submit">
            {busy ? translate('touming.password.saving') : translate('touming.password.submit')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  error?: boolean;
  helperText: string | undefined;
  testId: string;
}

/** one of the form's three password inputs: required, full width, named for the browser's password manager */
function PasswordField({ label, value, onChange, autoComplete, error = false, helperText, testId }: PasswordFieldProps) {
  return (
    <TextField
      label={label}
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={autoComplete}
      fullWidth
      required
      margin="dense"
      error={error}
      helperText={helperText}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    />
  );
}
