/**
 * 质量排名: each published report's score with the reasons for each deduction, and the agencies to
 * follow up. Equal scores share a rank (the API's, 1, 1, 3 …); what the score weighs is listed from
 * the domain's QUALITY_CRITERIA, so the page says how it scores.
 */
import { Alert, Box, Button, Chip, CircularProgress, Link, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { QUALITY_CRITERIA } from '@touming/domain/quality';
import { SECTIONS } from '@touming/domain/formats';
import { QualityRankingDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';
import { reportDownloadUrl } from './download';
import type { QualityItem } from './types';

function Reasons({ item }: { item: QualityItem }) {
  const translate = useTranslate();
  if (!item.reasons.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('touming.county.no_reasons')}
      </Typography>
    );
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {item.reasons.map((r) => (
        <li key={r.id} data-reason={r.id}>
          <Typography variant="body2" component="span">
            {r.message}
          </Typography>{' '}
          <Chip
            size="small"
            variant="outlined"
            color={r.notAssessable ? 'default' : 'warning'}
            label={r.notAssessable ? translate('touming.county.not_assessable') : translate('touming.county.points', { points: r.points })}
          />
          {r.cells.length > 0 && (
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('touming.county.cells', { cells: r.cells.join('、') })}
            </Typography>
          )}
          {r.section && !r.cells.length && (
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('touming.county.section', { section: SECTIONS.find((s) => s.key === r.section)?.title ?? r.section })}
            </Typography>
          )}
        </li>
      ))}
    </Box>
  );
}

/** the reasons about section 五 repeating last year's (only then is the similarity worth showing) */
const repeats = (item: QualityItem) => item.reasons.some((r) => r.id === 'problems.repeated' || r.id.startsWith('rule:s5.similarity'));

function Criteria() {
  const translate = useTranslate();
  return (
    <Box component="details" data-testid="quality-criteria" sx={{ '& summary': { cursor: 'pointer' } }}>
      <Typography component="summary" variant="body2" color="text.secondary">
        {translate('touming.county.criteria_title')}
      </Typography>
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 3 }}>
        {QUALITY_CRITERIA.map((c) => (
          <li key={c.id}>
            <Typography variant="body2" component="span">
              {c.label}：{c.points}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

function RankingTable({ items, testId }: { items: QualityItem[]; testId: string }) {
  const translate = useTranslate();
  const shared = new Set(items.filter((i, _, all) => i.rank !== null && all.some((o) => o !== i && o.rank === i.rank)).map((i) => i.rank));
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('touming.county.rank')}</TableCell>
          <TableCell>{translate('touming.county.agency')}</TableCell>
          <TableCell align="right">{translate('touming.county.score')}</TableCell>
          <TableCell>{translate('touming.county.reasons')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.agencyId} data-agency={item.agencyId} sx={item.followUp ? { background: '#fff8e1' } : undefined}>
            <TableCell data-rank={item.rank ?? undefined}>{item.rank === null ? '—' : shared.has(item.rank) ? translate('touming.county.rank_tied', { rank: item.rank }) : item.rank}</TableCell>
            <TableCell>
              {item.agencyName}
              {item.revisionId && (
                <Link href={reportDownloadUrl(item.revisionId, 'html')} target="_blank" rel="noopener" sx={{ ml: 1, fontSize: 12 }}>
                  {translate('touming.county.open_report')}
                </Link>
              )}
              {item.revisionId && (
                <Link component={RouterLink} to={`/reports/${item.revisionId}/compare`} sx={{ ml: 1, fontSize: 12 }}>
                  {translate('touming.compare.button')}
                </Link>
              )}
              {item.problemsSimilarity !== null && repeats(item) && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('touming.county.similarity', { percent: Math.round(item.problemsSimilarity * 100) })}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>
              {item.score ?? translate('touming.county.not_ranked')}
            </TableCell>
            <TableCell>
              <Reasons item={item} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function RankingTab({ year, regionId = null }: { year: number; regionId?: string | null }) {
  const translate = useTranslate();
  const { data, error, isPending, refetch } = useGraphQLQuery('reports', QualityRankingDocument, { year, regionId });
  const ranking = data?.qualityRanking;
  if (error)
    return (
      <Alert severity="error" action={<Button onClick={() => void refetch()}>{translate('touming.county.retry')}</Button>}>
        {translate('touming.county.error', { message: error.message })}
      </Alert>
    );
  if (!ranking || isPending)
    return (
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }}>
        <CircularProgress size={20} /> {translate('touming.county.loading')}
      </Box>
    );
  if (!ranking.items.length) return <Alert severity="info">{translate('touming.county.ranking_empty')}</Alert>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="county-ranking">
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="county-follow-up">
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('touming.county.follow_up', { count: ranking.followUp.length })}
        </Typography>
        {ranking.followUp.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('touming.county.follow_up_empty')}
          </Typography>
        ) : (
          <RankingTable items={ranking.followUp} testId="county-follow-up-table" />
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Criteria />
        <RankingTable items={ranking.items} testId="county-ranking-table" />
      </Paper>
    </Box>
  );
}

