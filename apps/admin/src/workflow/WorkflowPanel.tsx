/**
 * 签署与公开: the report's workflow in the editor (an EDITOR_PANELS extension). Which buttons show is the
 * API's Report.availableActions for this user (the domain's rules, never re-implemented here); labels
 * come from @touming/domain/workflow. Every signature carries the hash of the content the user saw.
 */
import { useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Divider,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useNotify } from 'ra-core';
import { LinkBase } from 'react-admin';
import { contentHash, DEFAULT_HASH_ALGORITHM, isHashAlgorithm } from '@touming/domain/hash';
import {
  SIGNATURE_STAGE_LABELS,
  WORKFLOW_ACTION_LABELS,
  stageForAction,
  type WorkflowAction,
} from '@touming/domain/workflow';
import {
  PublishReportDocument,
  ReportDocument,
  ReportWorkflowDocument,
  RequestRectificationDocument,
  ReturnReportDocument,
  SignReportDocument,
  StartCorrectionDocument,
  SubmitReportDocument,
  WithdrawReportDocument,
} from '../gql/graphql';
import { request } from '../providers/graphqlClient';
import { graphqlQueryKey, markStale, useGraphQLQuery } from '../providers/useGraphQL';
import type { EditorExtensionProps } from '../editor/extensions';
import { formatDate, formatDateTime } from '../i18n/format';
import type { ReportWorkflow } from './types';
import { SignDialog, TextDialog } from './SignDialog';
import { AdminGrantWarnings } from './AdminGrantWarnings';
import { sectionTitleOf } from './sections';
import { failureMessage, useWf } from './useWf';

const SIGNING: WorkflowAction[] = ['submit', 'review', 'approve', 'preReview'];

type Dialog =
  | null
  | { kind: 'sign'; action: WorkflowAction }
  | { kind: 'return' }
  | { kind: 'withdraw' }
  | { kind: 'publish' }
  | { kind: 'rectify' };

/** one workflow act: the request that performs it and the message when it is done */
interface Act {
  run(): Promise<ReportWorkflow>;
  done: string;
}

export function WorkflowPanel({ report, content, hasUnsavedEdits, onReportChanged }: EditorExtensionProps) {
  const { t, locale } = useWf();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const variables = { id: report.id };
  // fetched again whenever the editor's report changes revision or state (a save voids signatures)
  const dependsOn = [report.revision, report.status];
  const { data, error, isPending, refetch } = useGraphQLQuery('reports', ReportWorkflowDocument, variables, {
    dependsOn,
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const wfReport = data?.report ?? null;
  // the hash of exactly what the user sees (equal to the server's once every edit is saved), with the
  // algorithm the server made the report's hash with (sha256, or SM3 where HASH_ALGORITHM=sm3)
  const algorithm = wfReport && isHashAlgorithm(wfReport.hashAlgorithm) ? wfReport.hashAlgorithm : DEFAULT_HASH_ALGORITHM;
  const shownHash = useMemo(() => contentHash(content, algorithm), [content, algorithm]);

  const acting = useMutation({
    mutationFn: (act: Act) => act.run(),
    onSuccess: async (updated, act) => {
      queryClient.setQueryData([...graphqlQueryKey('reports', ReportWorkflowDocument, variables), ...dependsOn], { report: updated });
      setDialog(null);
      notify(act.done, { type: 'success' });
      // lists, queues and dashboards show the new state when next shown
      markStale(queryClient, ['reports', 'audit']);
      // the editor shows the report as the server now has it (status, revision)
      const full = await request(ReportDocument, { id: report.id });
      if (full.report) onReportChanged(full.report);
    },
    onError: () => void refetch(),
  });
  const act = (run: Act['run'], done: string) => acting.mutate({ run, done });
  const busy = acting.isPending;
  const failure = acting.error ? failureMessage(acting.error, t) : null;

  if (isPending && !wfReport) {
    return (
      <Paper variant="outlined" sx={{ p: 2, mt: 2, display: 'flex', gap: 1, alignItems: 'center' }}>
        <CircularProgress size={16} /> <Typography variant="body2">{t('loading')}</Typography>
      </Paper>
    );
  }
  if (error || !wfReport) {
    return (
      <Alert severity="error" sx={{ mt: 2 }} action={<Button onClick={() => void refetch()}>{t('retry')}</Button>}>
        {error?.message ?? t('error')}
      </Alert>
    );
  }

  const actions = wfReport.availableActions;
  const signActions = SIGNING.filter((a) => actions.includes(a));
  const isCorrection = wfReport.revisions.length > 0;
  const blockers = wfReport.publicationBlockers;
  const signing = dialog?.kind === 'sign' ? dialog.action : null;
  const openFindings = wfReport.confidentiality.findings.filter((f) => f.status === 'OPEN');

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} data-testid="workflow-panel">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('panel.title')}
      </Typography>
      <Typography variant="body2" color={wfReport.deadline.overdue ? 'error' : 'text.secondary'}>
        {t('panel.deadline', { date: formatDate(wfReport.deadline.deadline, locale) })}
        {wfReport.deadline.overdue
          ? ` · ${t('panel.overdue', { days: wfReport.deadline.daysOverdue })}`
          : wfReport.deadline.daysLeft != null && !wfReport.deadline.published
            ? ` · ${t('panel.days_left', { days: wfReport.deadline.daysLeft })}`
            : ''}
      </Typography>
      <Tooltip title={shownHash}>
        <Typography variant="caption" sx={{ fontFamily: 'monospace', display: 'block' }} data-testid="content-hash">
          {t('sign.hash')}：{shownHash.slice(0, 16)}…
        </Typography>
      </Tooltip>

      {hasUnsavedEdits && (signActions.length > 0 || actions.includes('publish')) && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('sign.save_first')}
        </Alert>
      )}
      {failure && !dialog && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="workflow-error">
          {failure}
        </Alert>
      )}

      {actions.includes('submit') &&
        wfReport.submissionWarnings.map((w) => (
          <Alert key={w.code} severity="warning" sx={{ mt: 1 }} data-testid="submission-warning">
            {w.message}
          </Alert>
        ))}

      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mt: 1 }}>
        {signActions.map((a) => (
          <Button
            key={a}
            variant="contained"
            disabled={hasUnsavedEdits || busy}
            onClick={() => {
              acting.reset();
              setDialog({ kind: 'sign', action: a });
            }}
            data-testid={a === 'submit' ? 'submit-button' : 'sign-button'}
            data-action={a}
          >
            {a === 'submit' ? t('sign.submit') : t('sign.sign_as', { label: WORKFLOW_ACTION_LABELS[a] })}
          </Button>
        ))}
        {actions.includes('return') && (
          <Button color="warning" variant="outlined" disabled={busy} onClick={() => setDialog({ kind: 'return' })} data-testid="return-button">
            {WORKFLOW_ACTION_LABELS.return}
          </Button>
        )}
        {actions.includes('withdraw') && (
          <Button
            color="warning"
            variant="outlined"
            disabled={busy}
            onClick={() => {
              acting.reset();
              setDialog({ kind: 'withdraw' });
            }}
            data-testid="withdraw-button"
          >
            {t('withdraw.button')}
          </Button>
        )}
        {actions.includes('publish') && (
          <Button
            color="success"
            variant="contained"
            disabled={busy || hasUnsavedEdits || blockers.length > 0}
            onClick={() => setDialog({ kind: 'publish' })}
            data-testid="publish-button"
          >
            {t('publish.button')}
          </Button>
        )}
        {actions.includes('startCorrection') && (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() => act(async () => (await request(StartCorrectionDocument, { id: report.id })).startCorrection, t('done.correction'))}
            data-testid="start-correction-button"
          >
            {WORKFLOW_ACTION_LABELS.startCorrection}
          </Button>
        )}
        {actions.includes('requestRectification') && (
          <Button variant="outlined" disabled={busy} onClick={() => setDialog({ kind: 'rectify' })} data-testid="rectify-button">
            {WORKFLOW_ACTION_LABELS.requestRectification}
          </Button>
        )}
        <Button component={LinkBase} to={`/reports/${report.id}/confidentiality`} data-testid="confidentiality-link">
          {t('panel.confidentiality')}
          {wfReport.confidentiality.cleared ? ` ✓` : ''}
        </Button>
        <Button component={LinkBase} to={`/audit?filter=${encodeURIComponent(JSON.stringify({ reportId: report.id }))}`}>
          {t('panel.audit')}
        </Button>
      </Stack>

      {wfReport.status !== 'PUBLISHED' && blockers.length > 0 && (
        <Box sx={{ mt: 2 }} data-testid="publication-blockers">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('panel.blockers')}
          </Typography>
          <List dense disablePadding>
            {blockers.map((b, i) => (
              <ListItem key={`${b.code}-${b.ref ?? i}`} disableGutters sx={{ py: 0 }}>
                <ListItemText primary={`· ${b.message}`} slotProps={{ primary: { variant: 'body2' } }} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}

      <AdminGrantWarnings signatures={wfReport.signatures} review={wfReport.confidentiality.review} />

      {wfReport.rectifications.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {t('panel.rectifications')}
          {wfReport.rectifications.map((r) => (
            <div key={r.id}>
              {formatDate(r.requestedAt, locale)}：{r.comment}
            </div>
          ))}
        </Alert>
      )}

      <Divider sx={{ my: 2 }} />
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('panel.signatures')}
      </Typography>
      {wfReport.signatures.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('panel.no_signatures')}
        </Typography>
      ) : (
        <List dense disablePadding data-testid="signature-list">
          {wfReport.signatures.map((s) => (
            <ListItem key={s.id} disableGutters sx={{ py: 0.5, alignItems: 'flex-start' }} data-testid="signature" data-voided={s.voidedAt ? 'true' : 'false'}>
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <span style={s.voidedAt ? { textDecoration: 'line-through' } : undefined}>
                      {SIGNATURE_STAGE_LABELS[s.stage]} · {s.signerName}
                    </span>
                    <Chip size="small" color={s.voidedAt ? 'default' : 'success'} label={s.voidedAt ? t('panel.voided') : t('panel.valid')} />
                  </Stack>
                }
                secondary={
                  <>
                    {formatDateTime(s.signedAt, locale)}
                    {s.comment ? ` · ${s.comment}` : ''}
                    {s.voidedAt ? ` · ${t('panel.void_reason', { reason: s.voidReason ?? '' })}` : ''}
                    {s.acknowledgedFindings?.length ? ` · ${t('panel.acknowledged', { count: s.acknowledgedFindings.length })}` : ''}
                    {s.adminGrantWarning && !s.voidedAt && (
                      <Typography component="span" variant="body2" color="warning.dark" sx={{ display: 'block' }} data-testid="signature-admin-grant">
                        ⚠ {s.adminGrantWarning}
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}

      {wfReport.revisions.length > 0 && (
        <>
          <Divider sx={{ my: 2 }} />
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('panel.revisions')}
          </Typography>
          <List dense disablePadding data-testid="revision-list">
            {wfReport.revisions.map((r) => (
              <ListItem key={r.id} disableGutters sx={{ py: 0.5 }}>
                <ListItemText
                  primary={`${t('panel.revision_no', { no: r.revisionNo })}${r.isCurrent ? ` · ${t('panel.current')}` : ''}`}
                  secondary={`${formatDateTime(r.publishedAt, locale)}${r.correctionNote ? ` · ${t('publish.note')}：${r.correctionNote}` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}

      {signing && (
        <SignDialog
          open
          title={signing === 'submit' ? t('sign.submit') : t('sign.sign_as', { label: WORKFLOW_ACTION_LABELS[signing] })}
          confirmLabel={t('sign.confirm')}
          content={content}
          hash={shownHash}
          busy={busy}
          error={failure}
          leader={signing === 'submit' ? null : { reportId: report.id, stage: stageForAction(signing)! }}
          openFindings={openFindings}
          sectionTitle={(key) => sectionTitleOf(content.format, key)}
          onClose={() => setDialog(null)}
          onConfirm={(comment, password, acknowledgeFindings) => {
            const stage = stageForAction(signing);
            const ack = acknowledgeFindings || null;
            act(async () => {
              if (signing === 'submit') {
                return (await request(SubmitReportDocument, { id: report.id, contentHash: shownHash, comment: comment || null, acknowledgeFindings: ack })).submitReport;
              }
              return (await request(SignReportDocument, { id: report.id, stage: stage!, contentHash: shownHash, comment: comment || null, password, acknowledgeFindings: ack })).signReport;
            }, t('done.signed'));
          }}
        />
      )}
      <TextDialog
        open={dialog?.kind === 'return'}
        title={t('return.title')}
        label={t('return.label')}
        hint={t('return.hint')}
        required
        confirmLabel={WORKFLOW_ACTION_LABELS.return}
        busy={busy}
        error={failure}
        testId="return"
        onClose={() => setDialog(null)}
        onConfirm={(comment) => act(async () => (await request(ReturnReportDocument, { id: report.id, comment })).returnReport, t('done.returned'))}
      />
      <Dialog open={dialog?.kind === 'withdraw'} onClose={() => setDialog(null)} maxWidth="xs" fullWidth aria-labelledby="withdraw-title">
        <DialogTitle id="withdraw-title">{t('withdraw.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('withdraw.hint')}</DialogContentText>
          {failure && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{t('cancel')}</Button>
          <Button
            variant="contained"
            color="warning"
            disabled={busy}
            onClick={() => act(async () => (await request(WithdrawReportDocument, { id: report.id })).withdrawReport, t('done.withdrawn'))}
            data-testid="withdraw-confirm"
          >
            {busy ? t('working') : t('withdraw.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
      <TextDialog
        open={dialog?.kind === 'publish'}
        title={t('publish.title')}
        label={t('publish.note')}
        hint={isCorrection ? t('publish.hint_correction') : t('publish.hint')}
        // a 更正说明 belongs to corrections only: a first publication is a plain confirmation
        withText={isCorrection}
        required={isCorrection}
        confirmLabel={t('publish.button')}
        busy={busy}
        error={failure}
        testId="publish"
        onClose={() => setDialog(null)}
        onConfirm={(note) =>
          act(async () => (await request(PublishReportDocument, { id: report.id, correctionNote: note || null })).publishReport, t('done.published'))
        }
      />
      <TextDialog
        open={dialog?.kind === 'rectify'}
        title={WORKFLOW_ACTION_LABELS.requestRectification}
        label={t('rectify.label')}
        required
        confirmLabel={WORKFLOW_ACTION_LABELS.requestRectification}
        busy={busy}
        error={failure}
        testId="rectify"
        onClose={() => setDialog(null)}
        onConfirm={(comment) =>
          act(async () => {
            await request(RequestRectificationDocument, { id: report.id, comment });
            return (await request(ReportWorkflowDocument, { id: report.id })).report!;
          }, t('done.rectify'))
        }
      />
    </Paper>
  );
}
