/** A text section of the report (一, 五, 六) with its rule problems shown under it. */
import { Box, TextField, Typography } from '@mui/material';
import { useTranslate } from 'ra-core';
import type { NarrativeKey } from '@touming/domain/formats';
import type { RuleResult } from '@touming/domain/validation';

export interface NarrativeSectionProps {
  sectionKey: NarrativeKey;
  title: string;
  value: string;
  previous?: string | null;
  showPrevious: boolean;
  problems: RuleResult[];
  readOnly: boolean;
  onChange(key: NarrativeKey, text: string): void;
}

export function NarrativeSection({
  sectionKey,
  title,
  value,
  previous,
  showPrevious,
  problems,
  readOnly,
  onChange,
}: NarrativeSectionProps) {
  const translate = useTranslate();
  const chars = value.replace(/\s/g, '').length;
  return (
    <Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <TextField
        multiline
        fullWidth
        minRows={10}
        value={value}
        onChange={(e) => onChange(sectionKey, e.target.value)}
        slotProps={{
          htmlInput: {
            'data-section': sectionKey,
            'data-testid': `section-${sectionKey}`,
            'aria-label': title,
            readOnly,
          },
        }}
        placeholder={translate(`touming.editor.placeholder.${sectionKey}`)}
        error={problems.some((p) => p.severity === 'error')}
        helperText={translate('touming.editor.chars', { count: chars })}
      />
      {problems.map((p) => (
        <div
          key={p.id}
          role={p.severity === 'error' ? 'alert' : 'status'}
          className={p.severity === 'error' ? 'tm-msg tm-msg--error' : 'tm-msg tm-msg--warning'}
          data-rule={p.ruleId}
        >
          {p.severity === 'error' ? '✖ ' : '⚠ '}
          {p.message}
        </div>
      ))}
      {showPrevious && (
        <Box
          sx={{ mt: 2, p: 1.5, bgcolor: '#faf6f0', borderRadius: 1 }}
          data-testid={`previous-section-${sectionKey}`}
        >
          <Typography variant="caption" color="text.secondary">
            {translate('touming.editor.previous_text')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {previous || translate('touming.editor.no_previous_text')}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
