/**
 * What a signer signs: the official layout of the report exactly as it stands (the domain's renderHtml in
 * a sandboxed iframe) and its content hash. The hash sent with the signature is the one shown here, so a
 * change made meanwhile by someone else makes the API answer CONFLICT instead of signing unseen content.
 * The open scanner findings of that content are listed above it (SignFindings): signing with any
 * open needs the signer's acknowledgement, sent with the signature.
 */
import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ReportContent } from '@touming/domain/report';
import type { SignatureStage } from '@touming/domain/workflow';
import { PreviewPanel } from '../editor/PreviewPanel';
import { SignComparison } from './SignComparison';
import { StepUpPasswordField } from './StepUpPasswordField';
import { SignFindings, type SignFindingsProps } from './SignFindings';
import { useWf } from './useWf';

export interface SignDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  content: ReportContent;
  hash: string;
  busy: boolean;
  error: string | null;
  /**
   * a leader's signature (not the submission): the dialog shows 与上次签署版本对比 for the report and
   * asks for the signer's own password (step-up)
   */
  leader?: { reportId: string; stage: SignatureStage } | null;
  /** the open scanner findings of the content being signed */
  openFindings: SignFindingsProps['findings'];
  sectionTitle: SignFindingsProps['sectionTitle'];
  onConfirm(comment: string, password: string | null, acknowledgeFindings: boolean): void;
  onClose(): void;
}

export function SignDialog({ open, title, confirmLabel, content, hash, busy, error, leader, openFindings, sectionTitle, onConfirm, onClose }: SignDialogProps) {
  const { t } = useWf();
  const [comment, setComment] = useState('');
  const [password, setPassword] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const unacknowledged = openFindings.length > 0 && !acknowledged;
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth fullScreen={phone} scroll="paper">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {t('sign.what')}
        </Typography>
        <Box sx={{ mb: 1, p: 1, bgcolor: 'grey.100', borderRadius: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {t('sign.hash')}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="sign-hash">
            {hash}
          </Typography>
        </Box>
        <SignFindings findings={openFindings} sectionTitle={sectionTitle} acknowledged={acknowledged} onAcknowledged={setAcknowledged} />
        {open && leader && <SignComparison reportId={leader.reportId} stage={leader.stage} content={content} />}
        {open && <PreviewPanel content={content} title={title} />}
        <TextField
          fullWidth
          multiline
          minRows={2}
          sx={{ mt: 2 }}
          label={t('sign.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'sign-comment' } }}
        />
        {leader && <StepUpPasswordField value={password} onChange={setPassword} />}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="sign-error">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || unacknowledged || (Boolean(leader) && !password)}
          onClick={() => onConfirm(comment.trim(), leader ? password : null, openFindings.length > 0 && acknowledged)}
          data-testid="sign-confirm"
        >
          {busy ? t('working') : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * a dialog that asks for one text (退回意见, 更正说明, 整改意见) before acting; `withText` false makes
 * it a plain confirmation (a first publication has nothing to explain)
 */
export function TextDialog(props: {
  open: boolean;
  title: string;
  label: string;
  withText?: boolean;
  hint?: string;
  required: boolean;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  testId: string;
  onConfirm(text: string): void;
  onClose(): void;
}) {
  const { t } = useWf();
  const [text, setText] = useState('');
  const withText = props.withText ?? true;
  const missing = withText && props.required && !text.trim();
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.hint && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {props.hint}
          </Typography>
        )}
        {withText && (
          <TextField
            fullWidth
            multiline
            minRows={3}
            required={props.required}
            label={props.label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            helperText={missing ? t('required') : ' '}
            slotProps={{ htmlInput: { 'data-testid': `${props.testId}-text` } }}
          />
        )}
        {props.error && <Alert severity="error">{props.error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('cancel')}</Button>
        <Button
          variant="contained"
          disabled={props.busy || missing}
          onClick={() => props.onConfirm(withText ? text.trim() : '')}
          data-testid={`${props.testId}-confirm`}
        >
          {props.busy ? t('working') : props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
