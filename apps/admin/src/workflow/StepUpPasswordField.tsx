/**
 * The signer's own password, asked again at the moment of signing (step-up): the API refuses a
 * signature or a confidentiality conclusion without it, so a session left open — or an account whose
 * password an administrator knows — cannot sign for its owner. A wrong password counts as a failed login.
 */
import { TextField } from '@mui/material';
import { useWf } from './useWf';

export function StepUpPasswordField({ value, onChange, autoFocus }: { value: string; onChange(value: string): void; autoFocus?: boolean }) {
  const { t } = useWf();
  return (
    <TextField
      fullWidth
      required
      type="password"
      autoComplete="current-password"
      autoFocus={autoFocus}
      sx={{ mt: 2 }}
      label={t('stepup.password')}
      helperText={t('stepup.hint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { 'data-testid': 'stepup-password' } }}
    />
  );
}
