/**
 * The written explanation (说明) a warning needs before the report can be submitted — as statistical
 * reporting systems ask. Saved with the report through the API's explainWarning.
 */
import { useState } from 'react';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'ra-core';
import type { RuleResult } from '@touming/domain/validation';
import { ExplainWarningDocument } from '../gql/graphql';
import { request } from '../providers/graphqlClient';
import type { Report } from '../providers/types';

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
  const [busy, setBusy] = useState(false);

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
          disabled={busy || !text.trim()}
          data-testid={`explain-save-${result.ruleId}`}
          onClick={async () => {
            setBusy(true);
            try {
              const { explainWarning } = await request(ExplainWarningDocument, {
                id: reportId,
                ruleId: result.ruleId,
                text: text.trim(),
              });
              onSaved(explainWarning);
              setEditing(false);
              notify('touming.editor.explain.saved', { type: 'success' });
            } catch (e) {
              notify((e as Error).message, { type: 'error' });
            } finally {
              setBusy(false);
            }
          }}
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
