/**
 * Key statistics across years and agencies, from the API's county aggregates (countySummary and
 * countyCellBreakdown sum the published revisions in SQL). Lazy-loaded: recharts stays out of the
 * initial bundle.
 */
import { useMemo } from 'react';
import { useLevelWords } from '../regions/useLevelWords';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { formatForYear, isReportYear } from '@touming/domain/formats';
import { CountyCellBreakdownByScopeDocument, CountySummaryCellsDocument, type CountySummaryCellsQuery } from '../gql/graphql';
import { useGraphQLQuery, useGraphQLQueryOptions } from '../providers/useGraphQL';

/** bars in the chart of new requests by agency (260 px high: about 15 names stay legible); beyond, the largest */
const BY_AGENCY_BARS = 15;

const YEARS = 5;

/** the 办理结果 groups of table 3, from the format definition: （一）…（六） with their row keys */
function outcomeGroups(year: number) {
  const t3 = formatForYear(year).tables.find((t) => t.id === 't3')!;
  const groups = new Map<string, string[]>();
  for (const row of t3.blocks[0].rows) {
    if (row.isTotal || row.groups.length === 0) continue;
    const name = row.groups[1] ?? row.label.replace(/（区分.*$/, '');
    groups.set(name, [...(groups.get(name) ?? []), `t3.${row.id}.total`]);
  }
  return [...groups.entries()];
}

interface YearData {
  year: number;
  reportCount: number;
  cells: Map<string, number | null>;
}

/** every year's totals once all have arrived; the first failure, if any */
function combineYears(results: UseQueryResult<CountySummaryCellsQuery>[]) {
  const error = results.find((r) => r.error)?.error ?? null;
  if (!results.every((r) => r.data)) return { years: null, error };
  const years: YearData[] = results.map((r) => {
    const s = r.data!.countySummary;
    return { year: s.year, reportCount: s.reportCount, cells: new Map(s.cells.map((c) => [c.key, c.value])) };
  });
  return { years, error };
}

function sum(cells: Map<string, number | null>, keys: string[]) {
  let total = 0;
  for (const k of keys) total += cells.get(k) ?? 0;
  return total;
}

export default function CountyCharts({ year }: { year: number }) {
  const translate = useTranslate();
  const words = useLevelWords();
  const optionsFor = useGraphQLQueryOptions();
  const wanted = useMemo(() => Array.from({ length: YEARS }, (_, i) => year - YEARS + 1 + i).filter(isReportYear), [year]);
  const { years, error: yearsError } = useQueries({
    queries: wanted.map((y) => optionsFor('reports', CountySummaryCellsDocument, { year: y })),
    combine: combineYears,
  });
  // the latest year with published reports, per agency
  const latestYear = years ? [...years].reverse().find((d) => d.reportCount > 0)?.year : undefined;
  const byAgency = useGraphQLQuery(
    'reports',
    CountyCellBreakdownByScopeDocument,
    // the breakdown comes largest first: the chart shows the top of it, readable as bars
    { key: 't3.new.total', year: latestYear ?? 0, scope: { kind: 'ALL' }, limit: BY_AGENCY_BARS },
    { enabled: latestYear !== undefined },
  );
  const breakdown = useMemo(
    () =>
      byAgency.data?.countyCellBreakdown.items
        .filter((i) => i.value !== null)
        .map((i) => ({ name: i.agencyName.replace(/^.*?县/, ''), value: i.value ?? 0 })) ?? null,
    [byAgency.data],
  );
  const error = (yearsError ?? byAgency.error)?.message ?? null;

  if (error) return <Alert severity="warning" sx={{ mt: 2 }}>{translate('touming.charts.failed', { message: error })}</Alert>;
  if (!years) return <CircularProgress sx={{ m: 2 }} />;
  if (years.every((y) => y.reportCount === 0)) return <Alert severity="info" sx={{ mt: 2 }}>{translate('touming.charts.empty')}</Alert>;

  const applications = years.map((y) => ({
    year: String(y.year),
    [translate('touming.charts.received')]: y.cells.get('t3.new.total') ?? 0,
    [translate('touming.charts.carried')]: y.cells.get('t3.carried.total') ?? 0,
    [translate('touming.charts.handled')]: y.cells.get('t3.total.total') ?? 0,
  }));
  const latest = [...years].reverse().find((y) => y.reportCount > 0)!;
  const outcomes = outcomeGroups(latest.year).map(([name, keys]) => ({ name: name.replace(/^（.）/, ''), value: sum(latest.cells, keys) }));
  const disputes = years.map((y) => ({
    year: String(y.year),
    [translate('touming.charts.reconsideration')]: y.cells.get('t4.reconsideration.total') ?? 0,
    [translate('touming.charts.litigation')]: (y.cells.get('t4.litigationDirect.total') ?? 0) + (y.cells.get('t4.litigationAfterReconsideration.total') ?? 0),
  }));
  const colors = ['#1a4f8b', '#a31515', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];

  const chart = (title: string, testid: string, body: React.ReactElement) => (
    <Card variant="outlined" data-testid={testid}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
          {title}
        </Typography>
        <Box sx={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            {body}
          </ResponsiveContainer>
        </Box>
      </CardContent>
    </Card>
  );

  const keysOf = (rows: Record<string, unknown>[]) => Object.keys(rows[0] ?? {}).filter((k) => k !== 'year');
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('touming.charts.title', { ...words })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('touming.charts.note')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {chart(
          translate('touming.charts.applications'),
          'chart-applications',
          <BarChart data={applications}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {keysOf(applications).map((k, i) => (
              <Bar key={k} dataKey={k} fill={colors[i]} />
            ))}
          </BarChart>,
        )}
        {chart(
          translate('touming.charts.outcomes', { year: latest.year }),
          'chart-outcomes',
          <BarChart data={outcomes} layout="vertical" margin={{ left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={90} />
            <Tooltip />
            <Bar dataKey="value" name={translate('touming.charts.count')} fill={colors[0]} />
          </BarChart>,
        )}
        {chart(
          translate('touming.charts.disputes'),
          'chart-disputes',
          <BarChart data={disputes}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {keysOf(disputes).map((k, i) => (
              <Bar key={k} dataKey={k} fill={colors[i + 1]} />
            ))}
          </BarChart>,
        )}
        {breakdown &&
          chart(
            byAgency.data && byAgency.data.countyCellBreakdown.itemCount > byAgency.data.countyCellBreakdown.items.length
              ? translate('touming.charts.by_agency_top', { year: latest.year, shown: byAgency.data.countyCellBreakdown.items.length, count: byAgency.data.countyCellBreakdown.itemCount })
              : translate('touming.charts.by_agency', { year: latest.year }),
            'chart-by-agency',
            <BarChart data={breakdown} layout="vertical" margin={{ left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={110} interval={0} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="value" name={translate('touming.charts.received')} fill={colors[2]} />
            </BarChart>,
          )}
      </Box>
    </Box>
  );
}
