/**
 * One 责任追究 case as both sides work on it: its readable title, type, responsible person and agency,
 * 整改期限, the facts with the report and the linked audit entries, the agency's 整改情况 and the
 * office's 处理结果. What the signed-in user may do comes from the API (the domain's caseActions): the
 * agency answers, the office closes the case or asks for further rectification.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Divider, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { Link, Title, useNotify } from 'react-admin';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, type CaseKind, type CaseStatus } from '@touming/domain/accountability';
import { AccountabilityCaseDocument, RespondToAccountabilityCaseDocument, UpdateAccountabilityCaseDocument } from '../../gql/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../../providers/useGraphQL';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useWf } from '../../workflow/useWf';

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '8em 1fr' }, gap: { xs: 0, sm: 2 }, py: 0.75 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary" component="div">
        {label}
      </Typography>
      <Box sx={{ whiteSpace: 'pre-line' }}>{children}</Box>
    </Box>
  );
}

export function AccountabilityShow() {
  const { id = '' } = useParams();
  const { t, translate, locale } = useWf();
  const f = (field: string) => translate(`resources.accountability.fields.${field}`);
  const notify = useNotify();
  const query = useGraphQLQuery('accountability', AccountabilityCaseDocument, { id });
  const [response, setResponse] = useState('');
  const [outcome, setOutcome] = useState('');
  const respond = useGraphQLMutation(RespondToAccountabilityCaseDocument, {
    invalidates: ['accountability', 'notifications'],
    onSuccess: () => {
      setResponse('');
      notify(t('acc.responded'), { type: 'success' });
    },
  });
  const update = useGraphQLMutation(UpdateAccountabilityCaseDocument, { invalidates: ['accountability', 'notifications'] });

  if (query.isPending) return <CircularProgress sx={{ m: 4 }} />;
  if (query.error) {
    return (
      <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={() => void query.refetch()}>{t('retry')}</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  const c = query.data!.accountabilityCase;
  if (!c) return <Alert severity="warning" sx={{ m: 2 }}>未找到该案件</Alert>;
  const actions = c.availableActions;
  const status = c.status as CaseStatus;
  const failure = respond.error ?? update.error;

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 960 }} data-testid="case-show" data-status={c.status}>
      <Title title={c.title} />
      <Stack direction="row" useFlexGap sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }} data-testid="case-title">
          {c.title}
        </Typography>
        <Chip color={status === 'CLOSED' ? 'default' : status === 'ANSWERED' ? 'primary' : 'error'} label={CASE_STATUS_LABELS[status] ?? status} data-testid="case-status" />
      </Stack>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Row label={f('kind')}>{CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind}</Row>
          <Row label={f('agencyId')}>{c.agency.name}</Row>
          <Row label={f('responsiblePerson')} testId="case-person">{c.responsiblePerson ?? '—'}</Row>
          <Row label={f('rectifyBy')} testId="case-rectify-by">{c.rectifyBy ? formatDate(c.rectifyBy, locale) : '—'}</Row>
          <Row label={f('openedAt')}>{formatDateTime(c.openedAt, locale)}</Row>
          <Divider sx={{ my: 1 }} />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('acc.facts')}
          </Typography>
          <Row label={f('description')} testId="case-facts">{c.description}</Row>
          <Row label={f('reportId')}>
            {c.report ? (
              <Button component={Link} to={`/reports/${c.report.id}`} size="small" data-testid="case-report-link">
                {`${c.report.agencyName} ${c.report.year} 年度报告 · ${t('acc.report_link')}`}
              </Button>
            ) : (
              '—'
            )}
          </Row>
          <Row label={f('auditEntryIds')}>
            {c.auditEntries.length === 0 ? (
              t('acc.no_entries')
            ) : (
              <List dense disablePadding data-testid="case-audit-entries">
                {c.auditEntries.map((e) => (
                  <ListItem key={e.id} disableGutters>
                    <ListItemText primary={`${e.actionLabel}${e.actorName ? ` · ${e.actorName}` : ''}`} secondary={`#${e.id} · ${formatDateTime(e.at, locale)}`} />
                  </ListItem>
                ))}
              </List>
            )}
          </Row>
        </CardContent>
      </Card>

      <Card variant="outlined" sx={{ mb: 2 }} data-testid="case-response">
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('acc.respond_title')}
          </Typography>
          {c.response ? (
            <>
              <Typography sx={{ whiteSpace: 'pre-line', mt: 1 }} data-testid="case-response-text">
                {c.response}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {t('acc.responded_by', { name: c.respondedByName ?? '', at: formatDateTime(c.respondedAt, locale) })}
              </Typography>
            </>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('acc.no_response')}
            </Typography>
          )}
          {actions.includes('respond') && (
            <Box sx={{ mt: 2 }}>
              <TextField
                label={t('acc.respond_title')}
                helperText={t('acc.respond_hint')}
                value={response}
                onChange={(e) => setResponse(e.target.value)}
                multiline
                minRows={3}
                fullWidth
                slotProps={{ htmlInput: { 'data-testid': 'case-response-input', maxLength: 5000 } }}
              />
              <Button
                variant="contained"
                sx={{ mt: 1 }}
                disabled={!response.trim() || respond.isPending}
                onClick={() => respond.mutate({ id: c.id, response })}
                data-testid="case-respond"
              >
                {t('acc.respond')}
              </Button>
            </Box>
          )}
        </CardContent>
      </Card>

      <Card variant="outlined" data-testid="case-outcome">
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {f('outcome')}
          </Typography>
          {c.outcome ? (
            <Typography sx={{ whiteSpace: 'pre-line', mt: 1 }} data-testid="case-outcome-text">
              {c.outcome}
            </Typography>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              —
            </Typography>
          )}
          {c.closedAt && (
            <Typography variant="caption" color="text.secondary">
              {f('closedAt')}：{formatDateTime(c.closedAt, locale)}
            </Typography>
          )}
          {(actions.includes('close') || actions.includes('rectify')) && (
            <Box sx={{ mt: 2 }}>
              <TextField
                label={f('outcome')}
                helperText={t('acc.close_hint')}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value)}
                multiline
                minRows={2}
                fullWidth
                slotProps={{ htmlInput: { 'data-testid': 'case-outcome-input', maxLength: 5000 } }}
              />
              <Stack direction="row" sx={{ gap: 1, mt: 1 }}>
                {actions.includes('close') && (
                  <Button
                    variant="contained"
                    disabled={!outcome.trim() || update.isPending}
                    onClick={() =>
                      update.mutate(
                        { id: c.id, input: { status: 'CLOSED', outcome } },
                        { onSuccess: () => notify(t('acc.closed'), { type: 'success' }) },
                      )
                    }
                    data-testid="case-close"
                  >
                    {t('acc.close')}
                  </Button>
                )}
                {actions.includes('rectify') && (
                  <Button
                    disabled={update.isPending}
                    onClick={() => update.mutate({ id: c.id, input: { status: 'RECTIFYING' } }, { onSuccess: () => notify(t('acc.rectify_sent'), { type: 'info' }) })}
                    data-testid="case-rectify"
                  >
                    {t('acc.rectify')}
                  </Button>
                )}
              </Stack>
            </Box>
          )}
        </CardContent>
      </Card>
      {failure && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {failure.message}
        </Alert>
      )}
    </Box>
  );
}
