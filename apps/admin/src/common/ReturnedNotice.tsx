/**
 * 已退回: a returned draft is not a fresh one. Who sent it back, when, and the comment, in a notice
 * nobody overlooks — on the dashboard, in 待我处理 and in the editor — until it is submitted again
 * (the API's Report.returned, derived by the domain's returnNotice).
 */
import { Alert, AlertTitle, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'ra-core';
import { formatDateTime } from '../i18n/format';

export interface ReturnedInfo {
  returnedByName: string;
  returnedAt: string | Date;
  comment: string;
}

export function ReturnedNotice({ returned, compact = false }: { returned: ReturnedInfo; compact?: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Alert
      severity="warning"
      sx={{ mb: compact ? 0 : 2, border: compact ? 1 : 2, borderColor: 'warning.main' }}
      data-testid="returned-notice"
    >
      <AlertTitle sx={{ fontWeight: 700 }}>{translate('touming.wf.returned.title')}</AlertTitle>
      <Typography variant="body2" component="p" data-testid="returned-by">
        {translate('touming.wf.returned.by', { name: returned.returnedByName, time: formatDateTime(returned.returnedAt, locale) })}
      </Typography>
      <Typography variant={compact ? 'body2' : 'body1'} component="p" sx={{ mt: 0.5, fontWeight: 600, whiteSpace: 'pre-wrap' }} data-testid="returned-comment">
        {translate('touming.wf.returned.comment')}
        {returned.comment}
      </Typography>
    </Alert>
  );
}
