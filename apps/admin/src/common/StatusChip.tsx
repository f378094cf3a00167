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

export function StatusChip({ status, size = 'small' }: { status: ReportStatus; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={COLORS[status] ?? 'default'}
      label={translate(`touming.status.${status}`, { _: REPORT_STATUS_LABELS[status] ?? status })}
      data-testid="report-status"
      data-status={status}
    />
  );
}
