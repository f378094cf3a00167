/**
 * 比对报告 of one report against another of its agency (last year's by default, ?before= another): the
 * summary first, then the tables' changes (unusual ones first, highlighted), the carry-over, the
 * narrative's numbers, last year's promises and the text paragraph by paragraph. Everything shown is
 * the API's comparison, which is the domain's; downloads are the same comparison as DOCX or HTML.
 */
import { useState } from 'react';
import { useParams, useSearchParams, Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useNotify, useTranslate } from 'react-admin';
import { percentText } from '@touming/domain/compare';
import { ReportComparisonDocument, type ReportComparisonQuery } from '../gql/graphql';
import { saveDownload } from '../county/download';
import { useGraphQLQuery } from '../providers/useGraphQL';

type Comparison = ReportComparisonQuery['reportComparison'];
type Side = Comparison['before'];

export const comparisonUrl = (after: string, before: string | null | undefined, ext: 'docx' | 'html') =>
  `/download/compare/${after}.${ext}${before ? `?before=${encodeURIComponent(before)}` : ''}`;

function useT() {
  const translate = useTranslate();
  return (key: string, options?: Record<string, unknown>) => translate(`touming.compare.${key}`, options);
}

function sideText(t: ReturnType<typeof useT>, s: Side) {
  return s.kind === 'revision' ? t('side_revision', { year: s.year, no: s.revisionNo }) : t('side_report', { year: s.year });
}

const signed = (n: number | null | undefined, text: (n: number) => string = String) => (n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${text(n)}`);

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId} component="section">
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function CellChanges({ c }: { c: Comparison }) {
  const t = useT();
  return (
    <Section title={t('cells')} testId="compare-cells">
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {t('cells_hint', {
          changed: c.changedCells.length,
          unchanged: c.unchangedCells,
          notComparable: c.notComparable.length ? t('not_comparable', { count: c.notComparable.length }) : '',
        })}
      </Typography>
      {c.changedCells.length === 0 ? (
        <Typography variant="body2">{t('no_cell_changes')}</Typography>
      ) : (
        <TableContainer sx={{ maxHeight: 480 }}>
          <Table size="small" stickyHeader sx={{ minWidth: 600 }}>
            <TableHead>
              <TableRow>
                {['col_cell', 'col_before', 'col_after', 'col_change', 'col_percent', 'col_note'].map((k) => (
                  <TableCell key={k}>{t(k)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {c.changedCells.map((x) => (
                <TableRow key={x.key} data-cell={x.key} data-unusual={x.unusual ?? undefined} sx={x.unusual ? { bgcolor: '#fff4d6' } : undefined}>
                  <TableCell component="th" scope="row" sx={{ minWidth: 200 }}>
                    {x.label}
                  </TableCell>
                  <TableCell align="right">{x.before ?? '空白'}</TableCell>
                  <TableCell align="right">{x.after ?? '空白'}</TableCell>
                  <TableCell align="right">{signed(x.change)}</TableCell>
                  <TableCell align="right">{signed(x.percent, percentText)}</TableCell>
                  <TableCell>{x.unusualLabel ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}

function Paragraphs({ section }: { section: Comparison['sections'][number] }) {
  const t = useT();
  const edits = section.paragraphs.filter((p) => p.change !== 'same');
  return (
    <Box component="section" sx={{ mt: 2 }} data-testid={`compare-section-${section.key}`}>
      <Typography variant="subtitle1" component="h3">
        {section.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('section_head', {
          similarity: percentText(section.similarity),
          same: section.paragraphs.filter((p) => p.change === 'same').length,
          changed: section.paragraphs.filter((p) => p.change === 'changed').length,
          added: section.paragraphs.filter((p) => p.change === 'added').length,
          removed: section.paragraphs.filter((p) => p.change === 'removed').length,
        })}
      </Typography>
      {edits.length === 0 && <Typography variant="body2">{t('section_same')}</Typography>}
      {edits.map((p, i) => (
        <Box key={i} data-change={p.change} sx={{ my: 1, pl: 1.5, borderLeft: 4, borderColor: p.change === 'added' ? 'success.main' : p.change === 'removed' ? 'error.main' : 'warning.main' }}>
          <Typography variant="caption" component="div" sx={{ fontWeight: 'bold' }}>
            {t(p.change)}
            {p.change === 'changed' && p.similarity !== null ? `（${percentText(p.similarity)}）` : ''}
          </Typography>
          {p.before && (
            <Typography variant="body2" component="p" sx={{ m: 0, color: 'text.secondary', textDecoration: p.change === 'removed' ? 'line-through' : 'none' }}>
              {p.change === 'changed' ? `前：${p.before}` : p.before}
            </Typography>
          )}
          {p.after && (
            <Typography variant="body2" component="p" sx={{ m: 0 }}>
              {p.change === 'changed' ? `后：${p.after}` : p.after}
            </Typography>
          )}
        </Box>
      ))}
      {section.copied.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid={`compare-copied-${section.key}`}>
          {t('copied', { share: percentText(section.copiedShare) })}
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {section.copied.map((p, i) => (
              <li key={i}>“{p.text}”</li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}

export function ComparePage() {
  const t = useT();
  const notify = useNotify();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const before = search.get('before');
  const [busy, setBusy] = useState<'docx' | 'html' | null>(null);
  const { data, error, isPending } = useGraphQLQuery('reports', ReportComparisonDocument, { after: id, before });

  const download = async (ext: 'docx' | 'html') => {
    setBusy(ext);
    try {
      if (ext === 'html') await saveDownload(comparisonUrl(id, before, 'html'), `${t('title')}.html`);
      else await saveDownload(comparisonUrl(id, before, 'docx'), `${t('title')}.docx`);
      notify(t('downloaded', { name: ext.toUpperCase() }), { type: 'info' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  if (isPending) {
    return (
      <Stack direction="row" spacing={1} alignItems="center" sx={{ p: 3 }} role="status">
        <CircularProgress size={20} />
        <Typography>{t('loading')}</Typography>
      </Stack>
    );
  }
  if (error || !data) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="error" data-testid="compare-error">
          {error?.message}
        </Alert>
      </Box>
    );
  }
  const c = data.reportComparison;
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1100 }} data-testid="compare-page">
      <Title title={t('title')} />
      <Box>
        <Typography variant="h5" component="h1">
          {t('title')}
        </Typography>
        <Typography variant="body1" data-testid="compare-sides">
          {t('sides', { agency: c.after.agency, before: sideText(t, c.before), after: sideText(t, c.after) })}
        </Typography>
      </Box>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <Button variant="contained" startIcon={busy === 'docx' ? <CircularProgress size={16} /> : <DownloadIcon />} disabled={busy !== null} onClick={() => void download('docx')} data-testid="compare-docx">
          {t('download_docx')}
        </Button>
        <Button variant="outlined" disabled={busy !== null} onClick={() => void download('html')}>
          {t('download_html')}
        </Button>
        <Button component={RouterLink} to={`/reports/${c.after.reportId}`}>
          {t('back')}
        </Button>
      </Stack>
      <Section title={t('summary')} testId="compare-summary">
        <Box component="ol" sx={{ m: 0, pl: 3 }}>
          {c.summary.map((line, i) => (
            <li key={i}>
              <Typography variant="body1">{line}</Typography>
            </li>
          ))}
        </Box>
      </Section>
      <CellChanges c={c} />
      <Section title={t('carry_over')} testId="compare-carry-over">
        {!c.carryOverApplicable ? (
          <Typography variant="body2">{c.carryOverNote}</Typography>
        ) : c.carryOverFailures.length === 0 ? (
          <Typography variant="body2">{t('carry_over_ok')}</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {c.carryOverFailures.map((r) => (
              <li key={r.id}>{r.message}</li>
            ))}
          </Box>
        )}
      </Section>
      <Section title={t('narrative')} testId="compare-narrative">
        {c.narrativeNumbers.length === 0 ? (
          <Typography variant="body2">{t('narrative_ok')}</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {c.narrativeNumbers.map((r) => (
              <li key={r.id}>{r.message}</li>
            ))}
          </Box>
        )}
      </Section>
      <Section title={t('promises')} testId="compare-promises">
        {c.promises.length === 0 ? (
          <Typography variant="body2">{t('promises_none')}</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {c.promises.map((p, i) => (
              <li key={i}>
                <Chip size="small" color={p.reportedAs ? 'success' : 'warning'} variant="outlined" label={p.reportedAs ? t('promise_reported') : t('promise_missing')} sx={{ mr: 1 }} />
                {p.promise}
                {p.reportedAs && (
                  <Typography variant="caption" component="div" color="text.secondary">
                    {t('promise_as', { text: p.reportedAs })}
                  </Typography>
                )}
              </li>
            ))}
          </Box>
        )}
      </Section>
      <Section title={t('sections')} testId="compare-sections">
        {c.sections.map((s) => (
          <Paragraphs key={s.key} section={s} />
        ))}
      </Section>
    </Stack>
  );
}
