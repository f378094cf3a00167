import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { deadlineStatus } from '@touming/domain/deadlines';

/** days left or overdue, computed by the domain in China time */
export function DeadlineBadge({ deadline, publishedAt, today = new Date() }: { deadline: string; publishedAt?: string | null; today?: Date }) {
  const translate = useTranslate();
  const s = deadlineStatus({ deadline, publishedAt: publishedAt ?? null, today });
  if (s.published) {
    return s.overdue ? (
      <Chip size="small" color="warning" label={translate('touming.deadline.published_late', { days: s.daysOverdue })} data-testid="deadline" data-overdue="true" />
    ) : (
      <Chip size="small" color="success" variant="outlined" label={translate('touming.deadline.published_on_time')} data-testid="deadline" />
    );
  }
  if (s.overdue) {
    return <Chip size="small" color="error" label={translate('touming.deadline.overdue', { days: s.daysOverdue })} data-testid="deadline" data-overdue="true" />;
  }
  return (
    <Chip
      size="small"
      color={s.daysLeft !== null && s.daysLeft <= 7 ? 'warning' : 'default'}
      variant="outlined"
      label={s.daysLeft === 0 ? translate('touming.deadline.today') : translate('touming.deadline.days_left', { days: s.daysLeft })}
      data-testid="deadline"
    />
  );
}
