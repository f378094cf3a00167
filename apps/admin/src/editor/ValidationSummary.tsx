/**
 * Every problem the domain's rules find in the report being edited, grouped as the workflow treats
 * them: errors block submission, blank cells are errors too (空白不等于0), warnings need a 说明,
 * and rules that could not be checked are said, not hidden. Each entry jumps to its cell or tab.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Collapse,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Typography,
} from '@mui/material';
import { useTranslate } from 'ra-core';
import type { RuleResult, ValidationResult } from '@touming/domain/validation';
import { BLANK_RULE } from './problems';

export interface ValidationSummaryProps {
  validation: ValidationResult;
  /** explanations already recorded on the server, by ruleId */
  explanations: Record<string, string>;
  onJump(key: string): void;
  /** the workflow's explain-a-warning box (说明) plugs in here */
  renderWarningExtra?: (result: RuleResult) => React.ReactNode;
  /** above the tables on narrower screens: the counts always, the lists on demand */
  compact?: boolean;
}

function ResultList({
  results,
  onJump,
  testid,
  extra,
}: {
  results: RuleResult[];
  onJump(key: string): void;
  testid: string;
  extra?: (r: RuleResult) => React.ReactNode;
}) {
  return (
    <List dense disablePadding data-testid={testid}>
      {results.map((r) => (
        <Box key={r.id}>
          <ListItemButton
            onClick={() => r.cells[0] && onJump(r.cells[0])}
            data-testid={`summary-${r.id}`}
            data-rule={r.ruleId}
            sx={{ alignItems: 'flex-start', py: 0.5 }}
          >
            <ListItemText primary={r.message} slotProps={{ primary: { variant: 'body2' } }} />
          </ListItemButton>
          {extra?.(r)}
        </Box>
      ))}
    </List>
  );
}

export function ValidationSummary({
  validation,
  explanations,
  onJump,
  renderWarningExtra,
  compact,
}: ValidationSummaryProps) {
  const translate = useTranslate();
  const [expanded, setExpanded] = useState(!compact);
  const [showBlank, setShowBlank] = useState(false);
  const [showNa, setShowNa] = useState(false);
  const errors = validation.errors.filter((r) => r.ruleId !== BLANK_RULE);
  const blanks = validation.errors.filter((r) => r.ruleId === BLANK_RULE);
  const { warnings, notAssessable } = validation;
  const clean = !errors.length && !blanks.length && !warnings.length;

  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5 }}
      data-testid="validation-summary"
      aria-label={translate('touming.editor.summary.title')}
    >
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: expanded ? 1 : 0 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mr: 1 }}>
          {translate('touming.editor.summary.title')}
        </Typography>
        <Chip
          size="small"
          color={errors.length ? 'error' : 'default'}
          label={translate('touming.editor.summary.errors', { count: errors.length })}
          data-testid="summary-error-count"
        />
        <Chip
          size="small"
          color={blanks.length ? 'warning' : 'default'}
          label={translate('touming.editor.summary.blanks', { count: blanks.length })}
          data-testid="summary-blank-count"
        />
        <Chip
          size="small"
          color={warnings.length ? 'warning' : 'default'}
          variant="outlined"
          label={translate('touming.editor.summary.warnings', { count: warnings.length })}
          data-testid="summary-warning-count"
        />
        {compact && (
          <Button
            size="small"
            onClick={() => setExpanded((v) => !v)}
            data-testid="summary-toggle"
            sx={{ ml: 'auto' }}
          >
            {translate(expanded ? 'touming.editor.summary.hide' : 'touming.editor.summary.show_all')}
          </Button>
        )}
      </Box>
      <Collapse in={expanded}>
        <Box sx={compact ? { maxHeight: 260, overflowY: 'auto' } : undefined}>
          {clean && (
            <Alert severity="success" sx={{ mb: 1 }}>
              {translate('touming.editor.summary.clean')}
            </Alert>
          )}
          {errors.length > 0 && (
            <>
              <Typography variant="caption" color="error" component="h3">
                {translate('touming.editor.summary.errors_title')}
              </Typography>
              <ResultList results={errors} onJump={onJump} testid="summary-errors" />
            </>
          )}
          {blanks.length > 0 && (
            <Box sx={{ my: 1 }}>
              <Typography variant="body2">
                {translate('touming.editor.summary.blanks_hint', { count: blanks.length })}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => onJump(blanks[0].cells[0])}
                  data-testid="jump-first-blank"
                >
                  {translate('touming.editor.summary.first_blank')}
                </Button>
                <Button size="small" onClick={() => setShowBlank((v) => !v)}>
                  {translate(showBlank ? 'touming.editor.summary.hide' : 'touming.editor.summary.show')}
                </Button>
              </Box>
              <Collapse in={showBlank} unmountOnExit>
                <ResultList results={blanks} onJump={onJump} testid="summary-blanks" />
              </Collapse>
            </Box>
          )}
          {warnings.length > 0 && (
            <>
              <Typography variant="caption" sx={{ color: 'warning.dark' }} component="h3">
                {translate('touming.editor.summary.warnings_title')}
              </Typography>
              <ResultList
                results={warnings}
                onJump={onJump}
                testid="summary-warnings"
                extra={(r) =>
                  renderWarningExtra?.(r) ??
                  (explanations[r.ruleId] ? (
                    <Typography variant="caption" sx={{ display: 'block', pl: 2, color: 'text.secondary' }}>
                      {translate('touming.editor.summary.explained')}：{explanations[r.ruleId]}
                    </Typography>
                  ) : null)
                }
              />
            </>
          )}
          {notAssessable.length > 0 && (
            <Box sx={{ mt: 1 }}>
              <Button size="small" onClick={() => setShowNa((v) => !v)} data-testid="toggle-not-assessable">
                {translate('touming.editor.summary.not_assessable', { count: notAssessable.length })}
              </Button>
              <Collapse in={showNa} unmountOnExit>
                <ResultList results={notAssessable} onJump={onJump} testid="summary-not-assessable" />
              </Collapse>
            </Box>
          )}
        </Box>
      </Collapse>
    </Paper>
  );
}
