/**
 * The written explanation (说明) a warning needs before the report can be submitted — as statistical
 * reporting systems ask. Saved with the report through the API's explainWarning.
 */
import { useState } from 'react';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'ra-core';
import type { RuleResult } from '@touming/domain/validation';
import { ExplainWarningDocument } from '../gql/graphql';
import type { Report } from '../providers/types';
import { useGraphQLMutation } from '../providers/useGraphQL';

export interface ExplainWarningProps {
  reportId: string;
  result: RuleResult;
  explanation?: string;
  canExplain: boolean;
  onSaved(report: Report): void;
}

export function ExplainWarning({ reportId, result, explanation, canExplain, onSaved }: ExplainWarningProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(explanation ?? '');
  const explain = useGraphQLMutation(ExplainWarningDocument, {
    // the editor shows the returned report; lists (warnings explained) fetch again when shown
    marksStale: ['reports'],
    onSuccess: ({ explainWarning }) => {
      onSaved(explainWarning);
      setEditing(false);
      notify('touming.editor.explain.saved', { type: 'success' });
    },
    onError: (e) => notify(e.message, { type: 'error' }),
  });

  if (!editing) {
    return (
      <Box sx={{ pl: 2, pb: 1 }} data-testid={`explanation-${result.ruleId}`}>
        {explanation ? (
          <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
            {translate('touming.editor.summary.explained')}：{explanation}
          </Typography>
        ) : (
          <Typography variant="caption" sx={{ display: 'block', color: 'warning.dark' }}>
            {translate('touming.editor.explain.missing')}
          </Typography>
        )}
        {canExplain && (
          <Button size="small" onClick={() => setEditing(true)} data-testid={`explain-${result.ruleId}`}>
            {translate(explanation ? 'touming.editor.explain.edit' : 'touming.editor.explain.add')}
          </Button>
        )}
      </Box>
    );
  }
  return (
    <Box sx={{ pl: 2, pr: 1, pb: 1 }}>
      <TextField
        multiline
        fullWidth
        minRows={2}
        size="small"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={translate('touming.editor.explain.placeholder')}
        slotProps={{
          htmlInput: {
            'data-testid': `explain-text-${result.ruleId}`,
            'aria-label': translate('touming.editor.explain.add'),
          },
        }}
      />
      <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>
        <Button
          size="small"
          variant="contained"
          disabled={explain.isPending || !text.trim()}
          data-testid={`explain-save-${result.ruleId}`}
          onClick={() => explain.mutate({ id: reportId, ruleId: result.ruleId, text: text.trim() })}
        >
          {translate('ra.action.save')}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {translate('ra.action.cancel')}
        </Button>
      </Box>
    </Box>
  );
}
