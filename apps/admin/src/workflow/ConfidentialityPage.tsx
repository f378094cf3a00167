/**
 * 保密审查 of one report (route /reports/:id/confidentiality): the seven checks (两秘密一隐私, 三安全一稳定)
 * with a conclusion and note each, the overall conclusion, 公开属性 and basis, saved against the content
 * hash the reviewer is looking at; and the scanner's findings, each highlighted in its own text, to be
 * fixed in the report (then rescanned), sent to the preparer (请修改, with a comment: the preparer is
 * notified and the link opens the editor at the span) or dismissed with a reason. The review may be
 * given as soon as the preparer submits, alongside the leaders. Check keys and labels: the domain's.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { LinkBase, Title, useNotify, useParams, usePermissions } from 'react-admin';
import { can } from '@touming/domain/permissions';
import type { Permissions } from '../providers/authProvider';
import {
  CHECK_CONCLUSIONS,
  CHECK_CONCLUSION_LABELS,
  CONFIDENTIALITY_CHECKS,
  DEFAULT_REPORT_DISCLOSURE,
  DISCLOSURE_ATTRIBUTES,
  DISCLOSURE_ATTRIBUTE_LABELS,
  REVIEW_BASES,
  REVIEW_BASIS_LABELS,
  REVIEW_CONCLUSIONS,
  REVIEW_CONCLUSION_LABELS,
  findingEditorLink,
  suggestedConclusion,
  type CheckConclusion,
} from '@touming/domain/confidentiality';
import { FINDING_CONFIDENCE_LABELS, type FindingConfidence } from '@touming/domain/scanner';
import {
  DismissFindingDocument,
  ReportForReviewDocument,
  RequestFindingChangeDocument,
  SaveConfidentialityReviewDocument,
  ScanReportDocument,
} from '../gql/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';
import { formatDateTime } from '../i18n/format';
import type { Finding, ReportForReview } from './types';
import { TextDialog } from './SignDialog';
import { StepUpDialog } from './StepUpDialog';
import { failureMessage, useWf } from './useWf';

interface CheckState {
  conclusion: CheckConclusion | '';
  note: string;
}

function initialChecks(report: ReportForReview | null): Record<string, CheckState> {
  const review = report?.confidentiality.review;
  const current = review && !review.voidedAt && review.contentHash === report?.contentHash ? review : null;
  return Object.fromEntries(
    CONFIDENTIALITY_CHECKS.map((c) => {
      const saved = current?.checks.find((x) => x.key === c.key);
      return [c.key, { conclusion: (saved?.conclusion as CheckConclusion) ?? '', note: saved?.note ?? '' }];
    }),
  );
}

/** the finding's exact span marked in its section text, with a little context either side */
export function FindingExcerpt({ text, finding }: { text: string; finding: Pick<Finding, 'start' | 'end' | 'match'> }) {
  const ok = text.slice(finding.start, finding.end) === finding.match;
  const start = ok ? finding.start : text.indexOf(finding.match);
  if (start < 0) return <mark>{finding.match}</mark>;
  const end = start + finding.match.length;
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return (
    <Typography variant="body2" component="div" sx={{ bgcolor: 'grey.50', p: 1, borderRadius: 1, whiteSpace: 'pre-wrap' }}>
      {from > 0 && '…'}
      {text.slice(from, start)}
      <mark style={{ background: '#ffe082', fontWeight: 600 }} data-testid="finding-match">
        {text.slice(start, end)}
      </mark>
      {text.slice(end, to)}
      {to < text.length && '…'}
    </Typography>
  );
}

export function ConfidentialityPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, locale } = useWf();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions | null>();
  const { data, error, isPending, refetch } = useGraphQLQuery('reports', ReportForReviewDocument, { id });
  const report = data?.report ?? null;
  const [checks, setChecks] = useState<Record<string, CheckState>>(() => initialChecks(null));
  const [conclusion, setConclusion] = useState('');
  const [disclosure, setDisclosure] = useState<string>(DEFAULT_REPORT_DISCLOSURE);
  const [bases, setBases] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [asking, setAsking] = useState<Finding | null>(null);
  // each saves against the report on screen; the report (findings, review, cleared) is fetched again
  // after, and lists, queues and dashboards showing it go stale
  const onError = (e: Error) => setFailure(failureMessage(e, t));
  // the conclusion is confirmed with the reviewer's own password (step-up), asked in its own dialog
  const [confirming, setConfirming] = useState(false);
  const saveReview = useGraphQLMutation(SaveConfidentialityReviewDocument, {
    invalidates: ['reports'],
    onSuccess: () => {
      setConfirming(false);
      notify(t('done.saved'), { type: 'success' });
    },
    onError,
  });
  const scan = useGraphQLMutation(ScanReportDocument, { invalidates: ['reports'], onError });
  const dismiss = useGraphQLMutation(DismissFindingDocument, {
    invalidates: ['reports'],
    onSuccess: () => setDismissing(null),
    onError,
  });
  const askChange = useGraphQLMutation(RequestFindingChangeDocument, {
    invalidates: ['reports'],
    onSuccess: () => {
      setAsking(null);
      notify(t('conf.change_sent'), { type: 'success' });
    },
    onError,
  });
  const busy = saveReview.isPending || scan.isPending || dismiss.isPending || askChange.isPending;

  // a loaded (or reloaded) report resets the form to its review on the current content
  useEffect(() => {
    if (!report) return;
    setChecks(initialChecks(report));
    const review = report.confidentiality.review;
    const current = review && !review.voidedAt && review.contentHash === report.contentHash;
    setConclusion(current ? (review.conclusion ?? '') : '');
    setDisclosure(current ? (review.disclosure ?? DEFAULT_REPORT_DISCLOSURE) : DEFAULT_REPORT_DISCLOSURE);
    setBases(current ? review.bases : []);
    setNote(current ? (review.note ?? '') : '');
  }, [report]);

  const suggested = useMemo(() => {
    const concluded = Object.fromEntries(
      Object.entries(checks).flatMap(([key, c]) => (c.conclusion ? [[key, { conclusion: c.conclusion, note: c.note }]] : [])),
    );
    return suggestedConclusion(concluded as Parameters<typeof suggestedConclusion>[0]);
  }, [checks]);

  if (isPending && !report) {
    return (
      <Box sx={{ p: 3, display: 'flex', gap: 1, alignItems: 'center' }}>
        <CircularProgress size={20} /> {t('loading')}
      </Box>
    );
  }
  if (error || !report) {
    return (
      <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={() => void refetch()}>{t('retry')}</Button>}>
        {error?.message ?? t('error')}
      </Alert>
    );
  }

  const conf = report.confidentiality;
  const review = conf.review;
  const stale = review && (review.voidedAt || review.contentHash !== report.contentHash);
  // the form is offered to whoever the domain lets review this agency's report; the API checks again
  const canReview = permissions ? can(permissions, 'confidentiality.review', report.agencyId) : false;
  // who may edit the report goes to the editor to fix a finding; the reviewer sees it there read-only
  const canEdit = permissions ? can(permissions, 'report.edit', report.agencyId) : false;
  const textOf = (section: string) => report.sections.find((s) => s.key === section)?.text ?? '';
  const sectionTitle = (section: string) => report.sections.find((s) => s.key === section)?.title ?? section;
  const allConcluded = Object.values(checks).every((c) => c.conclusion);

  function save(password: string) {
    if (!report) return;
    setFailure(null);
    saveReview.mutate({
      reportId: report.id,
      contentHash: report.contentHash,
      password,
      input: {
        checks: CONFIDENTIALITY_CHECKS.map((c) => ({ key: c.key, conclusion: checks[c.key].conclusion, note: checks[c.key].note || null })),
        conclusion: conclusion || null,
        disclosure,
        bases,
        note: note || null,
      },
    });
  }

  function rescan(expectGone?: Finding) {
    setFailure(null);
    scan.mutate(
      { id: report!.id },
      {
        onSuccess: ({ scanReport: found }) => {
          if (expectGone && found.some((f) => f.id === expectGone.id && f.status === 'OPEN')) setFailure(t('conf.still_there'));
        },
      },
    );
  }

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1100 }} data-testid="confidentiality-page">
      <Title title={`${t('conf.title')} · ${report.agencyName}${report.year}年度`} />
      <Stack direction="row" useFlexGap sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h6" component="h2">
          {t('conf.title')} · {report.agencyName} {report.year}
        </Typography>
        <Chip color={conf.cleared ? 'success' : 'warning'} label={conf.cleared ? t('conf.cleared') : t('conf.not_cleared')} data-testid="confidentiality-status" />
        <Button component={LinkBase} to={`/reports/${report.id}`}>
          {t('conf.back')}
        </Button>
      </Stack>
      <Typography variant="caption" sx={{ fontFamily: 'monospace', display: 'block', wordBreak: 'break-all' }}>
        {t('conf.hash_bound', { hash: report.contentHash })}
      </Typography>
      {stale && <Alert severity="warning" sx={{ my: 1 }}>{t('conf.stale')}</Alert>}
      {review && !stale && (
        <Typography variant="body2" color="text.secondary">
          {t('conf.reviewed_by', { name: review.reviewerName, time: formatDateTime(review.reviewedAt, locale) })}
        </Typography>
      )}
      {review && !stale && review.adminGrantWarning && (
        <Alert severity="warning" sx={{ my: 1 }} data-testid="review-admin-grant">
          {review.adminGrantWarning}
        </Alert>
      )}
      {!canReview && <Alert severity="info" sx={{ my: 1 }}>{t('conf.read_only')}</Alert>}
      {canReview && (
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }} data-testid="confidentiality-parallel">
          {t('conf.parallel_hint')}
        </Typography>
      )}
      {conf.blockers.length > 0 && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {conf.blockers.map((b, i) => (
            <div key={i}>· {b.message}</div>
          ))}
        </Alert>
      )}

      <Card variant="outlined" sx={{ my: 2 }}>
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {t('conf.findings')}
          </Typography>
          {conf.findings.length === 0 && <Typography variant="body2">{t('conf.no_findings')}</Typography>}
          {conf.findings.map((f) => (
            <Box key={f.id} sx={{ mb: 2, pb: 1, borderBottom: 1, borderColor: 'divider' }} data-testid={`finding-${f.id}`} data-status={f.status}>
              <Stack direction="row" useFlexGap sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
                <Chip size="small" color={f.status === 'OPEN' ? 'error' : 'default'} label={f.status === 'OPEN' ? t('conf.open') : t('conf.dismissed', { reason: f.dismissReason ?? '' })} />
                <Typography variant="body2">{f.message}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('conf.in_section', { section: sectionTitle(f.section) })}
                </Typography>
                {f.confidence === 'LOW' && (
                  <Chip size="small" variant="outlined" label={t('conf.confidence', { level: FINDING_CONFIDENCE_LABELS[f.confidence as FindingConfidence] })} />
                )}
              </Stack>
              <FindingExcerpt text={textOf(f.section)} finding={f} />
              {f.changeRequestComment && (
                <Typography variant="body2" sx={{ mt: 0.5 }} data-testid={`finding-request-${f.id}`}>
                  {t('conf.change_requested', { comment: f.changeRequestComment })}
                  {f.changeRequestedByName && f.changeRequestedAt
                    ? t('conf.change_requested_by', { name: f.changeRequestedByName, time: formatDateTime(f.changeRequestedAt, locale) })
                    : ''}
                </Typography>
              )}
              {f.status === 'OPEN' && canEdit && !canReview && (
                <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                  <Button size="small" variant="outlined" component={LinkBase} to={findingEditorLink(report.id, f)} data-testid={`finding-edit-${f.id}`}>
                    {t('conf.edit_report')}
                  </Button>
                </Stack>
              )}
              {f.status === 'OPEN' && canReview && (
                <Stack direction="row" useFlexGap sx={{ mt: 1, gap: 1, flexWrap: 'wrap' }}>
                  <Button size="small" component={LinkBase} to={findingEditorLink(report.id, f)} data-testid={`finding-show-${f.id}`}>
                    {canEdit ? t('conf.edit_report') : t('conf.show_in_report')}
                  </Button>
                  <Button size="small" variant="contained" disabled={busy} onClick={() => setAsking(f)} data-testid={`finding-request-change-${f.id}`}>
                    {t('conf.request_change')}
                  </Button>
                  <Button size="small" variant="outlined" disabled={busy} onClick={() => rescan(f)} title={t('conf.fixed_hint')} data-testid={`finding-fixed-${f.id}`}>
                    {t('conf.fixed')}
                  </Button>
                  <Button size="small" color="warning" disabled={busy} onClick={() => setDismissing(f)} data-testid={`finding-dismiss-${f.id}`}>
                    {t('conf.dismiss')}
                  </Button>
                </Stack>
              )}
            </Box>
          ))}
          {canReview && (
            <Button size="small" disabled={busy} onClick={() => rescan()} data-testid="rescan-button">
              {t('conf.rescan')}
            </Button>
          )}
        </CardContent>
      </Card>

      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {t('conf.checks')}
          </Typography>
          {CONFIDENTIALITY_CHECKS.map((c) => (
            <Box key={c.key} sx={{ mb: 2 }} data-testid={`check-${c.key}`}>
              <FormControl disabled={!canReview}>
                <FormLabel sx={{ fontWeight: 600, color: 'text.primary', '&.Mui-disabled': { color: 'text.secondary' } }}>{c.label}</FormLabel>
                <Typography variant="caption" color="text.secondary">
                  {c.question}
                </Typography>
                <RadioGroup
                  row
                  value={checks[c.key]?.conclusion ?? ''}
                  onChange={(e) => setChecks((s) => ({ ...s, [c.key]: { ...s[c.key], conclusion: e.target.value as CheckConclusion } }))}
                >
                  {CHECK_CONCLUSIONS.map((v) => (
                    <FormControlLabel key={v} value={v} control={<Radio size="small" />} label={CHECK_CONCLUSION_LABELS[v]} data-testid={`check-${c.key}-${v}`} />
                  ))}
                </RadioGroup>
              </FormControl>
              <TextField
                fullWidth
                size="small"
                disabled={!canReview}
                label={t('conf.item_note')}
                value={checks[c.key]?.note ?? ''}
                onChange={(e) => setChecks((s) => ({ ...s, [c.key]: { ...s[c.key], note: e.target.value } }))}
              />
            </Box>
          ))}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
            <TextField
              select
              disabled={!canReview}
              label={t('conf.conclusion')}
              value={conclusion}
              onChange={(e) => setConclusion(e.target.value)}
              helperText={suggested ? `${REVIEW_CONCLUSION_LABELS[suggested]}` : ' '}
              sx={{ minWidth: 200 }}
              slotProps={{ htmlInput: { 'data-testid': 'review-conclusion' } }}
            >
              {REVIEW_CONCLUSIONS.map((v) => (
                <MenuItem key={v} value={v}>
                  {REVIEW_CONCLUSION_LABELS[v]}
                </MenuItem>
              ))}
            </TextField>
            <TextField select disabled={!canReview} label={t('conf.disclosure')} value={disclosure} onChange={(e) => setDisclosure(e.target.value)} sx={{ minWidth: 200 }}>
              {DISCLOSURE_ATTRIBUTES.map((v) => (
                <MenuItem key={v} value={v}>
                  {DISCLOSURE_ATTRIBUTE_LABELS[v]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              disabled={!canReview}
              label={t('conf.bases')}
              value={bases}
              onChange={(e) => setBases(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]))}
              slotProps={{ select: { multiple: true } }}
              sx={{ minWidth: 240 }}
            >
              {REVIEW_BASES.map((v) => (
                <MenuItem key={v} value={v}>
                  {REVIEW_BASIS_LABELS[v]}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField fullWidth multiline minRows={2} sx={{ mt: 2 }} disabled={!canReview} label={t('conf.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          {failure && !confirming && <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert>}
          {canReview && (
            <Button
              sx={{ mt: 2 }}
              variant="contained"
              disabled={busy || !allConcluded}
              onClick={() => {
                setFailure(null);
                setConfirming(true);
              }}
              data-testid="confidentiality-save"
            >
              {allConcluded ? t('conf.save') : t('conf.fill_all')}
            </Button>
          )}
          {/* mounted only while asking: the typed password does not outlive the dialog */}
          {confirming && (
          <StepUpDialog
            open
            title={t('stepup.review_title')}
            hint={t('stepup.review_hint')}
            confirmLabel={t('stepup.review_confirm')}
            busy={saveReview.isPending}
            error={failure}
            onConfirm={save}
            onClose={() => setConfirming(false)}
          />
          )}
        </CardContent>
      </Card>

      <TextDialog
        key={asking?.id ?? 'none'}
        open={asking !== null}
        title={t('conf.request_change_title')}
        label={t('conf.request_change_label')}
        hint={asking ? `${asking.message} · ${t('conf.request_change_hint')}` : undefined}
        required
        confirmLabel={t('conf.request_change')}
        busy={busy}
        error={failure}
        testId="request-change"
        onClose={() => setAsking(null)}
        onConfirm={(comment) => {
          if (asking) askChange.mutate({ id: asking.id, comment });
        }}
      />
      <TextDialog
        open={dismissing !== null}
        title={t('conf.dismiss_title')}
        label={t('conf.dismiss_reason')}
        hint={dismissing?.message}
        required
        confirmLabel={t('conf.dismiss')}
        busy={busy}
        error={failure}
        testId="dismiss"
        onClose={() => setDismissing(null)}
        onConfirm={(reason) => {
          if (dismissing) dismiss.mutate({ id: dismissing.id, reason });
        }}
      />
    </Box>
  );
}
