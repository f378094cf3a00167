/**
 * The parts of a report assigned to 股室/下属单位 users: what, to whom, the due date (overdue marked),
 * the state (已分配/已交付/已接受/已退回), a send-back's comment, what the contributor changed, and
 * the moves the signed-in user may make (the API's availableActs).
 */
import { Alert, Box, Button, Chip, List, ListItem, Stack, Typography } from '@mui/material';
import { CONTRIBUTION_STATUS_LABELS, contributionStatusOf, type ContributionAct } from '@touming/domain/contributions';
import type { ContributionRowFragment } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { targetLabel } from '../todo/queues';
import { useWf } from '../workflow/useWf';

const STATUS_COLORS = { ASSIGNED: 'default', DELIVERED: 'info', ACCEPTED: 'success', RETURNED: 'warning' } as const;

/** a text change is shown by its first characters: the editor shows the whole text */
const clip = (v: string | null, n = 80) => (v == null || v === '' ? '（空）' : v.length > n ? `${v.slice(0, n)}……` : v);

export interface ContributionListProps {
  items: readonly ContributionRowFragment[];
  format: string;
  /** the preparer's view: whose part it is */
  showAssignee: boolean;
  /** the preparer's view: what the contributor changed */
  showChanges: boolean;
  /** no buttons (the 分配 dialog's overview) */
  readOnly?: boolean;
  busy?: boolean;
  /** unsaved edits: delivering would hand over what the API has not got */
  deliverBlocked?: boolean;
  onAct?: (part: ContributionRowFragment, act: ContributionAct) => void;
}

export function ContributionList({ items, format, showAssignee, showChanges, readOnly, busy, deliverBlocked, onAct }: ContributionListProps) {
  const { t, locale } = useWf();
  return (
    <List dense disablePadding>
      {items.map((c) => {
        const status = contributionStatusOf(c);
        const acts = readOnly ? [] : (c.availableActs as ContributionAct[]);
        return (
          <ListItem
            key={c.id}
            divider
            data-testid="contribution-item"
            data-target={c.target}
            data-status={status}
            data-delivered={status === 'DELIVERED' || status === 'ACCEPTED' || undefined}
            sx={{ display: 'block', px: 0 }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {targetLabel(format, c.target)}
              {showAssignee && c.assignee ? ` · ${c.assignee.displayName}` : ''}
            </Typography>
            <Stack direction="row" useFlexGap sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5, alignItems: 'center' }}>
              <Chip size="small" color={STATUS_COLORS[status]} label={CONTRIBUTION_STATUS_LABELS[status]} data-testid="contribution-status" />
              <Chip size="small" variant="outlined" label={t('contrib.due', { date: formatDate(c.dueDate, locale) })} />
              {c.overdue && <Chip size="small" color="error" label={t('contrib.overdue')} data-testid="contribution-overdue" />}
              {c.deliveredAt && status !== 'ASSIGNED' && (
                <Typography component="span" variant="caption" color="text.secondary">
                  {t('contrib.delivered_at', { date: formatDateTime(c.deliveredAt, locale) })}
                </Typography>
              )}
            </Stack>
            {c.note && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {t('contrib.note', { note: c.note })}
              </Typography>
            )}
            {status === 'RETURNED' && c.reviewComment && (
              <Alert severity="warning" sx={{ mt: 1 }} data-testid="contribution-return-comment">
                {t('contrib.return_comment', { comment: c.reviewComment })}
              </Alert>
            )}
            {showChanges && status !== 'ASSIGNED' && (
              <Box sx={{ mt: 1 }} data-testid="contribution-changes">
                <Typography variant="caption" color="text.secondary">
                  {c.changes.length ? t('contrib.changes', { count: c.changes.length }) : t('contrib.no_changes')}
                </Typography>
                {c.changes.length > 0 && (
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {c.changes.slice(0, 12).map((x) => (
                      <Typography component="li" variant="body2" key={x.key} sx={{ overflowWrap: 'anywhere' }}>
                        {x.kind === 'section' ? `${x.label}：${clip(x.after)}` : `${x.label}：${clip(x.before, 20)} → ${clip(x.after, 20)}`}
                      </Typography>
                    ))}
                  </Box>
                )}
              </Box>
            )}
            {acts.length > 0 && (
              <Stack direction="row" useFlexGap sx={{ gap: 1, mt: 1, flexWrap: 'wrap' }}>
                {acts.includes('deliver') && (
                  <Button
                    variant="contained"
                    size="small"
                    disabled={busy || deliverBlocked}
                    title={deliverBlocked ? t('contrib.unsaved') : undefined}
                    onClick={() => onAct?.(c, 'deliver')}
                    data-testid="contribution-deliver"
                  >
                    {status === 'RETURNED' ? t('contrib.redeliver') : t('contrib.deliver')}
                  </Button>
                )}
                {acts.includes('accept') && (
                  <Button variant="contained" color="success" size="small" disabled={busy} onClick={() => onAct?.(c, 'accept')} data-testid="contribution-accept">
                    {t('contrib.accept')}
                  </Button>
                )}
                {acts.includes('return') && (
                  <Button variant="outlined" color="warning" size="small" disabled={busy} onClick={() => onAct?.(c, 'return')} data-testid="contribution-return">
                    {t('contrib.return')}
                  </Button>
                )}
              </Stack>
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
