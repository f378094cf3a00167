/**
 * 县级汇总 (county office only): the county totals in the official layout for a year and scope, with
 * drill-down to agencies, downloads and the county government's draft; and the quality ranking.
 * The year defaults to the latest year with a published report.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Card, CardContent, MenuItem, Tab, Tabs, TextField, Typography } from '@mui/material';
import { Title, useGetList, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useCurrentCycle } from '../common/useCurrentCycle';
import type { ReportSummary } from '../providers/types';
import type { CountyScope, CountyScopeKind } from './types';
import { COMPILATION_EXTENTS, COMPILATION_EXTENT_LABELS, type CompilationExtent } from '@touming/domain/regions';
import { RegionPicker, type RegionPick } from '../regions/RegionPicker';
import { useLevelWords } from '../regions/useLevelWords';
import { RankingTab } from './RankingTab';
import { SummaryTab } from './SummaryTab';

const SCOPES: { kind: CountyScopeKind; label: string }[] = [
  { kind: 'ALL', label: 'touming.county.scope_all' },
  { kind: 'DEPARTMENTS', label: 'touming.county.scope_departments' },
  { kind: 'TOWNSHIPS', label: 'touming.county.scope_townships' },
];

/** the latest year with a published report, else the current cycle's year */
function useDefaultYear() {
  const { cycle, cycles, isPending } = useCurrentCycle();
  const published = useGetList<ReportSummary & { id: string }>('reports', {
    filter: { status: 'PUBLISHED' },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'year', order: 'DESC' },
  });
  const latest = published.data?.[0]?.year ?? null;
  const ready = !isPending && !published.isPending;
  return { year: ready ? (latest ?? cycle?.year ?? null) : null, cycles, ready };
}

export function CountyPage() {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const { year: defaultYear, cycles, ready } = useDefaultYear();
  const [year, setYear] = useState<number | null>(params.get('year') ? Number(params.get('year')) : null);
  const tab = params.get('tab') === 'ranking' ? 'ranking' : 'summary';
  const scopeKind = (SCOPES.find((s) => s.kind === params.get('scope'))?.kind ?? 'ALL') as CountyScopeKind;
  // where the compilation looks: a region below the office's own, one agency of it, 本级 or the subtree
  const pick: RegionPick = { regionId: params.get('region'), agencyId: params.get('agency') };
  const extent = (params.get('extent') === 'OWN_LEVEL' ? 'OWN_LEVEL' : 'SUBTREE') as CompilationExtent;
  const scope = useMemo<CountyScope>(
    () => (pick.agencyId ? { kind: 'LIST', agencyIds: [pick.agencyId], regionId: pick.regionId } : { kind: scopeKind, regionId: pick.regionId, extent }),
    [scopeKind, pick.regionId, pick.agencyId, extent],
  );
  const [agencyName, setAgencyName] = useState<string | null>(null);
  const words = useLevelWords();

  useEffect(() => {
    if (year === null && defaultYear !== null) setYear(defaultYear);
  }, [year, defaultYear]);

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const choose = (next: RegionPick, name: string | null) => {
    const p = new URLSearchParams(params);
    for (const [key, value] of [['region', next.regionId], ['agency', next.agencyId]] as const) {
      if (value) p.set(key, value);
      else p.delete(key);
    }
    setAgencyName(name);
    setParams(p, { replace: true });
  };
  const years = [...new Set([...cycles.map((c) => c.year), ...(year ? [year] : [])])].sort((a, b) => b - a);

  return (
    <Card sx={{ mt: 1 }} data-testid="county-summary">
      <Title title={translate('touming.county.title', { ...words })} />
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 1 }}>
          <Typography variant="h5" component="h2" sx={{ mr: 2 }}>
            {translate('touming.county.title', { ...words })}
          </Typography>
          <TextField
            select
            fullWidth={false}
            size="small"
            label={translate('touming.county.year')}
            value={year ?? ''}
            onChange={(e) => {
              setYear(Number(e.target.value));
              update('year', e.target.value);
            }}
            sx={{ minWidth: 120 }}
            slotProps={{ htmlInput: { 'data-testid': 'county-year' } }}
          >
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          {tab === 'summary' && !pick.agencyId && (
            <TextField
              select
              fullWidth={false}
              size="small"
              label={translate('touming.county.extent')}
              value={extent}
              onChange={(e) => update('extent', e.target.value)}
              sx={{ minWidth: 140 }}
              slotProps={{ htmlInput: { 'data-testid': 'county-extent' } }}
            >
              {COMPILATION_EXTENTS.map((x) => (
                <MenuItem key={x} value={x}>
                  {COMPILATION_EXTENT_LABELS[x]}
                </MenuItem>
              ))}
            </TextField>
          )}
          {tab === 'summary' && !pick.agencyId && (
            <TextField
              select
              fullWidth={false}
              size="small"
              label={translate('touming.county.scope')}
              value={scopeKind}
              onChange={(e) => update('scope', e.target.value)}
              sx={{ minWidth: 140 }}
              slotProps={{ htmlInput: { 'data-testid': 'county-scope' } }}
            >
              {SCOPES.map((s) => (
                <MenuItem key={s.kind} value={s.kind}>
                  {translate(s.label, { ...words })}
                </MenuItem>
              ))}
            </TextField>
          )}
        </Box>
        <RegionPicker value={pick} onChange={choose} withAgency={tab === 'summary'} />
        <Tabs value={tab} onChange={(_, v: string) => update('tab', v)} sx={{ mb: 2 }}>
          <Tab value="summary" label={translate('touming.county.tab_summary')} data-testid="county-tab-summary" />
          <Tab value="ranking" label={translate('touming.county.tab_ranking')} data-testid="county-tab-ranking" />
        </Tabs>
        {ready && year === null && <Alert severity="info">{translate('touming.county.no_cycles')}</Alert>}
        {year !== null && (tab === 'summary' ? <SummaryTab year={year} scope={scope} agencyName={agencyName} onOpenRegion={(regionId) => choose({ regionId, agencyId: null }, null)} /> : <RankingTab year={year} regionId={pick.regionId} />)}
      </CardContent>
    </Card>
  );
}
