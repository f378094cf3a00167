/**
 * The per-agency values of one county total, largest first ("which agencies refused most on 国家秘密
 * grounds"), in the API's order (@touming/domain/aggregate compareAgencyCellValues), a page at a time.
 */
import { useEffect, useId, useState } from 'react';
import { Box, Drawer, IconButton, LinearProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography, Alert } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslate } from 'react-admin';
import { CountyCellBreakdownByScopeDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import type { CountyScope } from './types';

/** rows per page: a county fits on one; a province's thousands of agencies go page by page */
const PAGE_SIZE = 100;

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
  const titleId = useId();
  const [page, setPage] = useState(0);
  // another cell, year or scope starts at its first page
  useEffect(() => setPage(0), [cellKey, year, scope]);
  const { data, error, isFetching } = useGraphQLQuery(
    'reports',
    CountyCellBreakdownByScopeDocument,
    { year, key: cellKey ?? '', scope, offset: page * PAGE_SIZE, limit: PAGE_SIZE },
    { enabled: cellKey !== null },
  );
  const breakdown = data?.countyCellBreakdown;
  const items = breakdown?.items ?? [];
  return (
    // the drawer's paper is a dialog: its title names it for screen readers
    <Drawer anchor="right" open={cellKey !== null} onClose={onClose} slotProps={{ paper: { 'aria-labelledby': titleId } }}>
      <Box sx={{ width: { xs: '100vw', sm: 460 }, p: 2 }} data-testid="county-breakdown">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }} id={titleId}>
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
            {/* above the rows: where the page is, without scrolling past a hundred of them */}
            {breakdown.itemCount > PAGE_SIZE && (
              <TablePagination
                component="div"
                count={breakdown.itemCount}
                page={Math.floor(breakdown.offset / PAGE_SIZE)}
                rowsPerPage={PAGE_SIZE}
                rowsPerPageOptions={[PAGE_SIZE]}
                onPageChange={(_, next) => setPage(next)}
                labelDisplayedRows={({ from, to, count }) => translate('touming.county.breakdown_rows', { from, to, count })}
                getItemAriaLabel={(type) => translate(type === 'next' ? 'touming.county.breakdown_next' : type === 'previous' ? 'touming.county.breakdown_previous' : type === 'first' ? 'touming.county.breakdown_first' : 'touming.county.breakdown_last')}
                data-testid="breakdown-pages"
              />
            )}
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
