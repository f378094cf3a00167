/**
 * The agencies of a city's or a province's compilation, too many to list one by one: how many are
 * counted, missing and not yet published, in all and by child region (and the region's own agencies),
 * each child a step down the drill-down the region picker offers (down to a county, where they are listed).
 */
import { Box, Link, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CountySummary } from './types';

export function RegionCountsPanel({ summary, onOpenRegion }: { summary: CountySummary; onOpenRegion: (regionId: string) => void }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.county.${key}`, options);
  const { agencyCounts: all, regions } = summary;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="county-agencies">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('by_region', { count: all.agencies })}
      </Typography>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mb: 1 }}>
        <Typography variant="subtitle2" data-testid="county-included">
          {t('included', { count: all.included })}
        </Typography>
        <Typography variant="subtitle2" data-testid="county-missing">
          {t('missing', { count: all.missing })}
        </Typography>
        <Typography variant="subtitle2" data-testid="county-not-published">
          {t('not_published', { count: all.notPublished })}
        </Typography>
      </Box>
      {regions.length > 0 && (
        <Table size="small" data-testid="county-regions">
          <TableHead>
            <TableRow>
              <TableCell>{t('region')}</TableCell>
              <TableCell align="right">{t('col_included')}</TableCell>
              <TableCell align="right">{t('col_missing')}</TableCell>
              <TableCell align="right">{t('col_not_published')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {regions.map((r) => (
              <TableRow key={`${r.regionId ?? ''}-${r.ownLevel}`} data-testid={`county-region-${r.regionCode ?? 'own'}`}>
                <TableCell>
                  {r.ownLevel || !r.regionId ? (
                    t('own_level', { region: r.regionName ?? '' })
                  ) : (
                    <Link component="button" type="button" underline="hover" onClick={() => onOpenRegion(r.regionId!)} aria-label={t('open_region', { region: r.regionName ?? '' })}>
                      {r.regionName}
                    </Link>
                  )}
                </TableCell>
                <TableCell align="right">{r.counts.included}</TableCell>
                <TableCell align="right">{r.counts.missing}</TableCell>
                <TableCell align="right">{r.counts.notPublished}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
