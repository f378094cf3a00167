/**
 * 预览: the report as it will be published (the domain's renderHtml in a sandboxed iframe), with
 * 打印 opening it alone in a new window.
 */
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { dateInChina, renderHtml } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import { PreviewPanel } from './PreviewPanel';

export interface PreviewDialogProps {
  open: boolean;
  /** what the user sees, unsaved edits included */
  content: ReportContent;
  onClose(): void;
}

/** a separate window prints just the report (the iframe is sandboxed without scripts) */
function openPrintable(content: ReportContent) {
  const url = URL.createObjectURL(
    new Blob([renderHtml(content, { standalone: true, date: dateInChina(new Date()) })], { type: 'text/html;charset=utf-8' }),
  );
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function PreviewDialog({ open, content, onClose }: PreviewDialogProps) {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth scroll="paper">
      <DialogTitle>{translate('touming.editor.preview')}</DialogTitle>
      <DialogContent dividers>
        {open && <PreviewPanel content={content} title={translate('touming.editor.preview')} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => openPrintable(content)} data-testid="preview-open">
          {translate('touming.editor.print')}
        </Button>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
