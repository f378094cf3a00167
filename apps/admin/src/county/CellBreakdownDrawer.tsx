/** The per-agency values of one county total, largest first ("which agencies refused most on 国家秘密 grounds"). */
import { Box, Drawer, IconButton, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography, Alert } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslate } from 'react-admin';
import { CountyCellBreakdownByScopeDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import type { CountyScope } from './types';

/** largest first; blanks last (blank is not zero, but it is not "most" either) */
export function sortBreakdown<T extends { value: number | null; agencyName: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return b.value - a.value || a.agencyName.localeCompare(b.agencyName, 'zh-CN');
  });
}

export function CellBreakdownDrawer({
  year,
  scope,
  cellKey,
  onClose,
}: {
  year: number;
  scope: CountyScope;
  cellKey: string | null;
  onClose(): void;
}) {
  const translate = useTranslate();
  const { data, error, isFetching } = useGraphQLQuery(
    'reports',
    CountyCellBreakdownByScopeDocument,
    { year, key: cellKey ?? '', scope },
    { enabled: cellKey !== null },
  );
  const breakdown = data?.countyCellBreakdown;
  const items = breakdown ? sortBreakdown(breakdown.items) : [];
  return (
    <Drawer anchor="right" open={cellKey !== null} onClose={onClose}>
      <Box sx={{ width: { xs: '100vw', sm: 460 }, p: 2 }} data-testid="county-breakdown">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('touming.county.breakdown_title')}
          </Typography>
          <IconButton onClick={onClose} aria-label={translate('touming.county.close')}>
            <CloseIcon />
          </IconButton>
        </Box>
        {isFetching && <LinearProgress sx={{ my: 1 }} />}
        {error && <Alert severity="error">{translate('touming.county.error', { message: error.message })}</Alert>}
        {breakdown && breakdown.key === cellKey && (
          <>
            {/* the cell by its name in the official layout; its key (t2.normativeDocs.repealed) is for machines */}
            <Typography variant="body2" sx={{ mb: 1, fontWeight: 600 }} data-testid="breakdown-label" data-key={cellKey}>
              {breakdown.label}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('touming.county.breakdown_total', { total: breakdown.total ?? '—' })}
            </Typography>
            {items.length === 0 ? (
              <Alert severity="info">{translate('touming.county.breakdown_empty')}</Alert>
            ) : (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('touming.county.agency')}</TableCell>
                    <TableCell align="right">{translate('touming.county.value')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {items.map((item) => (
                    <TableRow key={item.agencyId} data-agency={item.agencyId}>
                      <TableCell>{item.agencyName}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {item.value === null ? translate('touming.county.blank') : item.value}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </Box>
    </Drawer>
  );
}
