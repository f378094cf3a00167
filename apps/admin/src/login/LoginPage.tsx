/**
 * The sign-in page, in Chinese, with the product's name. When the API runs the demo data (or in
 * development) it lists the demo logins, so a first-time visitor can get in without reading docs.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, useLogin, useLogout, useTranslate } from 'react-admin';
import { getToken } from '../providers/session';

export interface DemoLogin {
  username: string;
  role: string;
}

/** the demo accounts of the seed data (apps/api's seed); password touming-demo */
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', role: 'COUNTY_ADMIN' },
  { username: 'wenlv.preparer', role: 'AGENCY_PREPARER' },
  { username: 'wenlv.reviewer', role: 'AGENCY_REVIEWER' },
  { username: 'wenlv.approver', role: 'AGENCY_APPROVER' },
  { username: 'wenlv.secrecy', role: 'CONFIDENTIALITY_REVIEWER' },
];
export const DEMO_PASSWORD = 'touming-demo';

/** does the API say it runs the demo data? (/healthz may carry { demo: true }) */
function useDemoMode() {
  const [demo, setDemo] = useState<boolean>(import.meta.env.DEV);
  useEffect(() => {
    let alive = true;
    fetch('/healthz', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { demo?: boolean } | null) => {
        if (alive && body && typeof body.demo === 'boolean') setDemo(body.demo || import.meta.env.DEV);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return demo;
}

export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const logout = useLogout();
  const demo = useDemoMode();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // signing in over a previous session: drop its cached identity and data first
      if (getToken()) await logout(undefined, false, false);
      await login({ username, password });
    } catch (err) {
      setError((err as Error)?.message || translate('ra.auth.sign_in_error'));
      setBusy(false);
    }
  };

  return (
    // one landmark holds the whole page, so assistive technology finds the form (axe: region)
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        flexDirection: 'column',
        background: 'linear-gradient(160deg, #8e0000 0%, #b71c1c 45%, #f5f5f5 45%)',
        p: 2,
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8, color: '#fff' }}>
        <LocalesMenuButton />
      </Box>
      <Typography variant="h4" component="h1" sx={{ color: '#fff', fontWeight: 700, mb: 0.5, textAlign: 'center' }}>
        {translate('touming.app.name')}
      </Typography>
      <Typography variant="subtitle1" sx={{ color: '#ffebee', mb: 3, textAlign: 'center' }}>
        {translate('touming.app.subtitle')}
      </Typography>
      <Card sx={{ width: '100%', maxWidth: 420 }} elevation={4}>
        <CardContent component="form" onSubmit={submit} noValidate>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {translate('touming.login.title')}
          </Typography>
          <TextField
            label={translate('ra.auth.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            fullWidth
            required
            margin="dense"
            slotProps={{ htmlInput: { 'data-testid': 'login-username', name: 'username' } }}
          />
          <TextField
            label={translate('ra.auth.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            fullWidth
            required
            margin="dense"
            slotProps={{ htmlInput: { 'data-testid': 'login-password', name: 'password' } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="login-error">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" fullWidth size="large" sx={{ mt: 2 }} disabled={busy || !username || !password} data-testid="login-submit">
            {busy ? <CircularProgress size={22} color="inherit" /> : translate('ra.auth.sign_in')}
          </Button>
        </CardContent>
      </Card>
      {demo && (
        <Card sx={{ width: '100%', maxWidth: 420, mt: 2 }} variant="outlined" data-testid="demo-logins">
          <CardContent>
            <Typography variant="subtitle2">{translate('touming.login.demo_title', { password: DEMO_PASSWORD })}</Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('ra.auth.username')}</TableCell>
                  <TableCell>{translate('touming.login.role')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {DEMO_LOGINS.map((d) => (
                  <TableRow
                    key={d.username}
                    hover
                    sx={{ cursor: 'pointer' }}
                    onClick={() => {
                      setUsername(d.username);
                      setPassword(DEMO_PASSWORD);
                    }}
                  >
                    <TableCell sx={{ fontFamily: 'monospace' }}>{d.username}</TableCell>
                    <TableCell>{translate(`touming.roles.${d.role}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="caption" color="text.secondary">
              {translate('touming.login.demo_hint')}
            </Typography>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
