/** A report's workflow state as a coloured chip, labelled from the domain (or the English pack). */
import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'ra-core';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@touming/domain/workflow';

const COLORS: Record<ReportStatus, ChipProps['color']> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  REVIEWED: 'info',
  APPROVED: 'primary',
  PRE_REVIEWED: 'primary',
  PUBLISHED: 'success',
};

/** `returned`: a draft sent back by a signer reads 已退回, not 草稿 (until it is submitted again) */
export function StatusChip({ status, size = 'small', returned = false }: { status: ReportStatus; size?: ChipProps['size']; returned?: boolean }) {
  const translate = useTranslate();
  const isReturned = returned && status === 'DRAFT';
  return (
    <Chip
      size={size}
      color={isReturned ? 'warning' : (COLORS[status] ?? 'default')}
      label={isReturned ? translate('touming.wf.returned.chip') : translate(`touming.status.${status}`, { _: REPORT_STATUS_LABELS[status] ?? status })}
      data-testid="report-status"
      data-status={status}
      data-returned={isReturned ? 'true' : undefined}
    />
  );
}
