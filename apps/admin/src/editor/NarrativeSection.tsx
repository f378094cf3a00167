/**
 * A text section of the report (一, 五, 六) with its rule problems shown under it.
 *
 * The textarea owns what is on screen: it is set on every keystroke from the input itself and is only
 * replaced from outside when the report's text changed for another reason (an import, a conflict
 * resolved). While an input method composes (pinyin letters underlined, not yet chosen) nothing is
 * passed up and nothing is written into the textarea — rewriting it mid-composition commits the letters
 * — and the chosen characters go up once the composition ends.
 */
import { useEffect, useRef, useState } from 'react';
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
  const [text, setText] = useState(value);
  const composing = useRef(false);
  /** the last text passed up: a value prop equal to it is our own echo, anything else came from outside */
  const sent = useRef(value);
  useEffect(() => {
    if (composing.current || value === sent.current) return;
    sent.current = value;
    setText(value);
  }, [value]);
  const send = (next: string) => {
    if (next === sent.current) return;
    sent.current = next;
    onChange(sectionKey, next);
  };
  const chars = text.replace(/\s/g, '').length;
  return (
    <Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <TextField
        multiline
        fullWidth
        minRows={10}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!composing.current) send(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          const next = (e.target as HTMLTextAreaElement).value;
          setText(next);
          send(next);
        }}
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
