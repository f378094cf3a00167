/** 与上年对比 in the editor's header (an EDITOR_ACTIONS extension): opens the 比对报告 of this report. */
import { Button } from '@mui/material';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { EditorExtensionProps } from '../editor/extensions';

export function CompareButton({ report }: EditorExtensionProps) {
  const translate = useTranslate();
  return (
    <Button component={RouterLink} to={`/reports/${report.id}/compare`} startIcon={<CompareArrowsIcon />} data-testid="compare-button">
      {translate('touming.compare.button')}
    </Button>
  );
}
