/** Which agencies the totals count, which have no report, and which have one not yet published. */
import { Box, Chip, Paper, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CountyAgencyStatus } from './types';

function Group({ title, items, color, testId }: { title: string; items: CountyAgencyStatus[]; color: 'success' | 'error' | 'warning'; testId: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1.5 }} data-testid={testId}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('touming.county.none')}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {items.map((a) => {
            const chip = <Chip key={a.agencyId} size="small" variant="outlined" color={color} label={a.agencyName} />;
            return a.note ? (
              <Tooltip key={a.agencyId} title={a.note}>
                {chip}
              </Tooltip>
            ) : (
              chip
            );
          })}
        </Box>
      )}
    </Box>
  );
}

export function AgencyStatusPanel({ included, missing, notPublished }: { included: CountyAgencyStatus[]; missing: CountyAgencyStatus[]; notPublished: CountyAgencyStatus[] }) {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="county-agencies">
      <Group title={translate('touming.county.included', { count: included.length })} items={included} color="success" testId="county-included" />
      <Group title={translate('touming.county.missing', { count: missing.length })} items={missing} color="error" testId="county-missing" />
      <Group title={translate('touming.county.not_published', { count: notPublished.length })} items={notPublished} color="warning" testId="county-not-published" />
    </Paper>
  );
}
