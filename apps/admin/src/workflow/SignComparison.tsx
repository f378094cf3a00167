/**
 * 与上次签署版本对比, in the sign dialog: what changed since the content this signer last signed (or,
 * on a first signature, since the previous stage signed) — the cells with their old and new values and
 * the reworded, added or removed paragraphs. The API serves the base content; the comparison is the
 * domain's compareReports, the same one the 比对报告 uses.
 */
import { useMemo } from 'react';
import { Alert, Box, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { compareReports, type ReportComparison } from '@touming/domain/compare';
import type { FormatId } from '@touming/domain/formats';
import type { ReportContent } from '@touming/domain/report';
import { SIGNATURE_STAGE_LABELS, type SignatureStage } from '@touming/domain/workflow';
import { SignComparisonBaseDocument, type SignComparisonBaseQuery } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { useGraphQLQuery } from '../providers/useGraphQL';
import { useWf } from './useWf';

type Base = NonNullable<NonNullable<SignComparisonBaseQuery['report']>['signComparisonBase']>;

/** the base as a ReportContent beside the current one (same agency and year: the same report) */
function baseContent(base: Base, current: ReportContent): ReportContent {
  return {
    format: base.format as FormatId,
    year: current.year,
    agency: current.agency,
    cells: Object.fromEntries(base.cells.map((c) => [c.key, c.value ?? null])),
    sections: { ...current.sections, ...Object.fromEntries(base.sections.map((s) => [s.key, s.text])) } as ReportContent['sections'],
  };
}

const showValue = (v: unknown) => (v === null || v === undefined ? '（空）' : String(v));

function Changes({ comparison }: { comparison: ReportComparison }) {
  const { t } = useWf();
  const sections = comparison.sections.filter((s) => s.paragraphs.some((p) => p.change !== 'same'));
  if (comparison.changedCells.length === 0 && sections.length === 0) {
    return <Typography variant="body2">{t('diff.no_changes')}</Typography>;
  }
  return (
    <>
      {comparison.changedCells.length > 0 && (
        <Table size="small" aria-label={t('diff.cells')} data-testid="sign-diff-cells">
          <TableHead>
            <TableRow>
              <TableCell>{t('diff.cell')}</TableCell>
              <TableCell align="right">{t('diff.before')}</TableCell>
              <TableCell align="right">{t('diff.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {comparison.changedCells.map((c) => (
              <TableRow key={c.key}>
                <TableCell>{c.label}</TableCell>
                <TableCell align="right">{showValue(c.before)}</TableCell>
                <TableCell align="right">{showValue(c.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {sections.map((s) => (
        <Box key={s.key} sx={{ mt: 1 }} data-testid="sign-diff-section">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {s.title}
          </Typography>
          {s.paragraphs
            .filter((p) => p.change !== 'same')
            .map((p, i) => (
              <Box key={i} sx={{ my: 0.5, pl: 1, borderLeft: 3, borderColor: p.change === 'removed' ? 'error.main' : p.change === 'added' ? 'success.main' : 'warning.main' }}>
                <Typography variant="caption" color="text.secondary">
                  {t(`diff.${p.change}`)}
                </Typography>
                {p.before !== undefined && p.change !== 'added' && (
                  <Typography variant="body2" sx={{ textDecoration: 'line-through', color: 'text.secondary' }}>
                    {p.before}
                  </Typography>
                )}
                {p.after !== undefined && p.change !== 'removed' && <Typography variant="body2">{p.after}</Typography>}
              </Box>
            ))}
        </Box>
      ))}
    </>
  );
}

export function SignComparison({ reportId, stage, content }: { reportId: string; stage: SignatureStage; content: ReportContent }) {
  const { t, locale } = useWf();
  const { data, isPending, error } = useGraphQLQuery('reports', SignComparisonBaseDocument, { id: reportId, stage });
  const base = data?.report?.signComparisonBase ?? null;
  const comparison = useMemo(() => (base && base.available && !base.same ? compareReports(baseContent(base, content), content) : null), [base, content]);

  let body;
  if (isPending) body = <CircularProgress size={16} />;
  else if (error) body = <Alert severity="warning">{error.message}</Alert>;
  else if (!base) body = <Typography variant="body2">{t('diff.none')}</Typography>;
  else {
    const who = t('diff.base', { label: base.label, stage: SIGNATURE_STAGE_LABELS[base.stage], signer: base.signerName, at: formatDateTime(base.signedAt, locale) });
    body = (
      <>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          {who}
        </Typography>
        {base.same ? (
          <Typography variant="body2">{t('diff.same')}</Typography>
        ) : !base.available ? (
          <Typography variant="body2">{t('diff.unavailable')}</Typography>
        ) : (
          comparison && <Changes comparison={comparison} />
        )}
      </>
    );
  }
  return (
    <Box component="section" aria-label={t('diff.title')} sx={{ mb: 2, p: 1, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="sign-diff">
      <Typography variant="subtitle2" component="h3">
        {t('diff.title')}
      </Typography>
      {body}
    </Box>
  );
}
