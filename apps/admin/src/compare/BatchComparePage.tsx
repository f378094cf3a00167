/**
 * 各单位报告与上年比对 (county office): every agency's published report of a year against its previous
 * year's, fetched a batch of agencies at a time so the page shows real progress, then ordered by the
 * API's concern score with shared ranks (the domain's competitionRanks). Each row opens the agency's
 * 比对报告; the whole ranking downloads as XLSX.
 */
import { useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Title, useNotify, useTranslate } from 'react-admin';
import { percentText } from '@touming/domain/compare';
import { REPORT_YEARS } from '@touming/domain/formats';
import { competitionRanks } from '@touming/domain/quality';
import { ComparisonBatchDocument, type ComparisonBatchQuery } from '../gql/graphql';
import { saveDownload } from '../county/download';
import { useGraphQLQueryOptions } from '../providers/useGraphQL';

type Item = ComparisonBatchQuery['comparisonBatch']['items'][number];

const BATCH = 10;

/** most concern first, the uncomparable last in name order */
export function orderBatch(items: readonly Item[]): { item: Item; rank: number | null }[] {
  const sorted = [...items].sort((a, b) => (b.concernScore ?? -1) - (a.concernScore ?? -1) || a.agencyName.localeCompare(b.agencyName, 'zh-CN'));
  const ranks = competitionRanks(sorted.map((i) => i.concernScore ?? null));
  return sorted.map((item, i) => ({ item, rank: ranks[i] }));
}

export function BatchComparePage() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.compare.${key}`, options);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const optionsFor = useGraphQLQueryOptions();
  const years = Array.from({ length: REPORT_YEARS.to - REPORT_YEARS.from + 1 }, (_, i) => REPORT_YEARS.to - i).filter((y) => y <= new Date().getFullYear());
  const [year, setYear] = useState(years.find((y) => y < new Date().getFullYear()) ?? years[0]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = useRef(0);

  const start = async () => {
    const mine = ++run.current;
    setRunning(true);
    setError(null);
    setItems([]);
    setProgress(null);
    try {
      const all: Item[] = [];
      for (let offset = 0; ; offset += BATCH) {
        const data = await queryClient.fetchQuery(optionsFor('reports', ComparisonBatchDocument, { year, offset, limit: BATCH }));
        if (run.current !== mine) return;
        all.push(...data.comparisonBatch.items);
        const total = data.comparisonBatch.totalAgencies;
        setProgress({ done: Math.min(offset + BATCH, total), total });
        setItems([...all]);
        if (offset + BATCH >= total) break;
      }
    } catch (e) {
      if (run.current === mine) setError((e as Error).message);
    } finally {
      if (run.current === mine) setRunning(false);
    }
  };

  const exportXlsx = async () => {
    try {
      await saveDownload(`/download/comparisons/${year}.xlsx`, `${year}.xlsx`);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  const ordered = items ? orderBatch(items) : [];
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1200 }} data-testid="compare-batch-page">
      <Title title={t('batch_title')} />
      <Typography variant="h5" component="h1">
        {t('batch_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('batch_hint')}
      </Typography>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <TextField select size="small" label={t('year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 120 }} data-testid="compare-batch-year">
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" onClick={() => void start()} disabled={running} data-testid="compare-batch-start">
          {items ? t('restart') : t('start')}
        </Button>
        <Button variant="outlined" onClick={() => void exportXlsx()} disabled={running || !items?.length} data-testid="compare-batch-xlsx">
          {t('download_xlsx')}
        </Button>
      </Stack>
      {progress && (
        <Box role="status" aria-live="polite">
          <Typography variant="body2" data-testid="compare-batch-progress">
            {t('progress', progress)}
          </Typography>
          <LinearProgress variant="determinate" value={progress.total ? (100 * progress.done) / progress.total : 100} aria-label={t('progress', progress)} />
        </Box>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {!items && <Typography color="text.secondary">{t('batch_empty')}</Typography>}
      {items && items.length > 0 && (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" data-testid="compare-batch-table">
              <TableHead>
                <TableRow>
                  {['col_rank', 'col_agency', 'col_score', 'col_similarity', 'col_reasons', 'open'].map((k) => (
                    <TableCell key={k}>{t(k)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {ordered.map(({ item, rank }) => (
                  <TableRow key={item.agencyId} data-agency={item.agencyName}>
                    <TableCell>{rank ?? '—'}</TableCell>
                    <TableCell component="th" scope="row">
                      {item.agencyName}
                      {item.copiedProblems && <Chip size="small" color="warning" label={t('copied_chip')} sx={{ ml: 1 }} />}
                    </TableCell>
                    <TableCell>{item.concernScore ?? '—'}</TableCell>
                    <TableCell>{item.problemsSimilarity === null || item.problemsSimilarity === undefined ? '—' : percentText(item.problemsSimilarity)}</TableCell>
                    <TableCell>{item.note ?? (item.reasons.length ? item.reasons.join('；') : t('no_reason'))}</TableCell>
                    <TableCell>
                      {item.revisionId && item.previousRevisionId && (
                        <Button size="small" component={RouterLink} to={`/reports/${item.revisionId}/compare?before=${item.previousRevisionId}`}>
                          {t('open')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}
    </Stack>
  );
}
