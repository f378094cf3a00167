/** 汇总表: totals in the official layout, validation of the totals, agencies counted or not, downloads. */
import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { useNavigate } from 'react-router-dom';
import { useNotify, useTranslate } from 'react-admin';
import { CountySummaryDocument, GenerateCountyReportDocument } from '../gql/graphql';
import { errorCodeOf, type ToumingErrorBody } from '../providers/graphqlClient';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';
import { AgencyStatusPanel } from './AgencyStatusPanel';
import { RegionCountsPanel } from './RegionCountsPanel';
import { CellBreakdownDrawer } from './CellBreakdownDrawer';
import { countySummaryUrl, openDataUrl, saveDownload } from './download';
import type { CountyScope } from './types';
import { SummaryTables } from './SummaryTables';
import { useLevelWords } from '../regions/useLevelWords';
import { COMPILATION_EXTENT_LABELS } from '@touming/domain/regions';

function DownloadButtons({ year, scope }: { year: number; scope: CountyScope }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (id: string, url: string, name: string) => async () => {
    setBusy(id);
    try {
      await saveDownload(url, name);
    } catch (e) {
      notify(translate('touming.county.download_failed', { message: (e as Error).message }), { type: 'error' });
    } finally {
      setBusy(null);
    }
  };
  const button = (id: string, label: string, url: string, name: string, testId?: string) => (
    <Button
      key={id}
      size="small"
      variant={id === 'xlsx' ? 'contained' : 'outlined'}
      startIcon={busy === id ? <CircularProgress size={16} /> : <DownloadIcon />}
      disabled={busy !== null}
      onClick={run(id, url, name)}
      data-testid={testId}
    >
      {translate(label)}
    </Button>
  );
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      {button('xlsx', 'touming.county.download_xlsx', countySummaryUrl(year, 'xlsx', scope), `汇总表-${year}.xlsx`, 'county-download-xlsx')}
      {button('csv', 'touming.county.download_csv', countySummaryUrl(year, 'csv', scope), `汇总表-${year}.csv`, 'county-download-csv')}
      {button('od-csv', 'touming.county.open_data_csv', openDataUrl(year, 'csv'), `开放数据-${year}.csv`, 'county-open-data-csv')}
      {button('od-json', 'touming.county.open_data_json', openDataUrl(year, 'json'), `开放数据-${year}.json`, 'county-open-data-json')}
      <Typography variant="caption" color="text.secondary">
        {translate('touming.county.downloads_note')}
      </Typography>
    </Box>
  );
}

function GenerateButton({ year }: { year: number }) {
  const translate = useTranslate();
  const words = useLevelWords();
  const notify = useNotify();
  const navigate = useNavigate();
  const generate = useGraphQLMutation(GenerateCountyReportDocument, {
    // a new draft: the report lists and queues show it when next shown; this page moves to it
    marksStale: ['reports'],
    onSuccess: (r) => {
      notify(translate('touming.county.generated', { ...words }), { type: 'success' });
      navigate(`/reports/${encodeURIComponent(r.generateCountyReport.id)}`);
    },
    onError: (e) => {
      // the draft exists already: the API names it, so open it instead of only refusing
      const existing = (e as { body?: ToumingErrorBody }).body?.extensions?.reportId;
      notify(e.message, { type: existing ? 'info' : 'error' });
      if (errorCodeOf(e) === 'CONFLICT' && typeof existing === 'string') navigate(`/reports/${encodeURIComponent(existing)}`);
    },
  });
  const busy = generate.isPending;
  return (
    <Button variant="contained" color="secondary" startIcon={busy ? <CircularProgress size={16} /> : <NoteAddIcon />} disabled={busy} onClick={() => generate.mutate({ year })} data-testid="county-generate-report">
      {translate(busy ? 'touming.county.generating' : 'touming.county.generate', { ...words })}
    </Button>
  );
}

export function SummaryTab({
  year,
  scope,
  agencyName,
  onOpenRegion,
}: {
  year: number;
  scope: CountyScope;
  agencyName?: string | null;
  /** down to a child region (the region picker's drill-down) */
  onOpenRegion: (regionId: string) => void;
}) {
  const translate = useTranslate();
  const { data, error, isPending, refetch } = useGraphQLQuery('reports', CountySummaryDocument, { year, scope });
  const [openCell, setOpenCell] = useState<string | null>(null);
  // the data of this year and scope (each is its own query)
  const current = data?.countySummary;

  if (error)
    return (
      <Alert severity="error" action={<Button onClick={() => void refetch()}>{translate('touming.county.retry')}</Button>}>
        {translate('touming.county.error', { message: error.message })}
      </Alert>
    );
  if (!current || isPending)
    return (
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }}>
        <CircularProgress size={20} /> {translate('touming.county.loading')}
      </Box>
    );
  const errors = current.validation.errors.length;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {current.regionName && (
        <Typography variant="subtitle1" data-testid="county-compiled">
          {scope.kind === 'LIST'
            ? translate('touming.county.agency_line', { agency: agencyName ?? [...current.included, ...current.notPublished, ...current.missing][0]?.agencyName ?? '' })
            : translate('touming.county.region_line', { region: current.regionName, extent: COMPILATION_EXTENT_LABELS[current.extent] })}
        </Typography>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', justifyContent: 'space-between' }}>
        <DownloadButtons year={year} scope={scope} />
        {/* the government's own report is drafted from the office's own region, not from a drill-down */}
        {!scope.regionId && scope.kind !== 'LIST' && <GenerateButton year={year} />}
      </Box>
      {/* stretched on a phone: a column sized to its content would be as wide as the tables, clipped by the card, and never scroll */}
      <Box sx={{ display: 'flex', gap: 2, alignItems: { xs: 'stretch', lg: 'flex-start' }, flexDirection: { xs: 'column', lg: 'row-reverse' } }}>
        <Box sx={{ width: { xs: '100%', lg: 300 }, flexShrink: 0 }}>
          {/* a county's agencies one by one; a city's or a province's (too many to list) counted by child region */}
          {current.agenciesListed ? (
            <AgencyStatusPanel included={current.included} missing={current.missing} notPublished={current.notPublished} />
          ) : (
            <RegionCountsPanel summary={current} onOpenRegion={onOpenRegion} />
          )}
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {current.reportCount === 0 ? (
            <Alert severity="info" data-testid="county-empty">
              {translate('touming.county.empty')}
            </Alert>
          ) : (
            <>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 1 }}>
                <Alert severity="info" sx={{ py: 0 }}>
                  {translate('touming.county.report_count', { count: current.reportCount, format: current.format })}
                </Alert>
                {/* what every arrow compares: the agencies published in both years, never last year's whole county */}
                <Alert severity={current.comparison.agencyCount < current.reportCount ? 'warning' : 'info'} sx={{ py: 0 }} data-testid="county-comparison">
                  {current.comparison.description}
                </Alert>
                <Alert severity={errors ? 'error' : 'success'} sx={{ py: 0 }} data-testid="county-validation">
                  {errors ? translate('touming.county.totals_errors', { count: errors }) : translate('touming.county.totals_valid')}
                </Alert>
              </Box>
              <SummaryTables summary={current} onOpenCell={setOpenCell} comparedAgencies={current.comparison.agencyCount} />
            </>
          )}
        </Box>
      </Box>
      <CellBreakdownDrawer year={year} scope={scope} cellKey={openCell} onClose={() => setOpenCell(null)} />
    </Box>
  );
}
