/**
 * The open scanner findings of the content being signed, in every sign dialog (submission and each
 * leader's signature): the signer sees what the scanner flagged (personal data, secret markings) and,
 * to sign anyway, ticks that they have seen it — the API refuses the signature otherwise and records
 * the acknowledgement with it. The 保密审查 decides on the findings; publication waits for it.
 */
import { Alert, AlertTitle, Box, Checkbox, Chip, FormControlLabel, List, ListItem, Typography } from '@mui/material';
import { FINDING_CONFIDENCE_LABELS, type FindingConfidence } from '@touming/domain/scanner';
import type { Finding } from './types';
import { useWf } from './useWf';

export interface SignFindingsProps {
  /** the open findings of the content (the caller filters status OPEN) */
  findings: readonly Pick<Finding, 'id' | 'message' | 'confidence' | 'section' | 'changeRequestComment'>[];
  sectionTitle(section: string): string;
  acknowledged: boolean;
  onAcknowledged(value: boolean): void;
}

export function SignFindings({ findings, sectionTitle, acknowledged, onAcknowledged }: SignFindingsProps) {
  const { t } = useWf();
  if (findings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="sign-findings-none">
        {t('sign.findings_none')}
      </Typography>
    );
  }
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="sign-findings">
      <AlertTitle>{t('sign.findings_title', { count: findings.length })}</AlertTitle>
      <List dense disablePadding>
        {findings.map((f) => (
          <ListItem key={f.id} disableGutters sx={{ py: 0, display: 'block' }} data-testid="sign-finding">
            <Typography variant="body2" component="span">
              · {f.message}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
              {t('conf.in_section', { section: sectionTitle(f.section) })}
            </Typography>
            {f.confidence === 'LOW' && (
              <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={t('conf.confidence', { level: FINDING_CONFIDENCE_LABELS[f.confidence as FindingConfidence] })} />
            )}
            {f.changeRequestComment && (
              <Box component="span" sx={{ display: 'block', pl: 1.5 }}>
                <Typography variant="caption">{t('conf.change_requested', { comment: f.changeRequestComment })}</Typography>
              </Box>
            )}
          </ListItem>
        ))}
      </List>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('sign.findings_hint')}
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={acknowledged} onChange={(e) => onAcknowledged(e.target.checked)} data-testid="sign-acknowledge" />}
        label={t('sign.findings_acknowledge')}
      />
    </Alert>
  );
}
