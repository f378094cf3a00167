import { Box, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { can } from '@touming/domain/permissions';
import type { Permissions } from '../providers/authProvider';
import { CountyDashboard } from './CountyDashboard';
import { AgencyDashboard } from './AgencyDashboard';

/** the start page: the county overview for the county office, "my report" for agency users */
export function Dashboard() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const { identity } = useGetIdentity();
  const county = Boolean(permissions && can(permissions, 'county.summary'));
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('touming.dashboard.title')} />
      <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
        {translate('touming.dashboard.greeting', { name: identity?.fullName ?? '', agency: (identity as { agencyName?: string } | undefined)?.agencyName ?? '' })}
      </Typography>
      {permissions ? county ? <CountyDashboard /> : <AgencyDashboard /> : null}
    </Box>
  );
}
