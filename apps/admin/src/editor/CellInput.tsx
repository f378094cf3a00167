/**
 * One number cell of a report table. Keeps the typed text while focused (so "1." or "-" can be typed),
 * reports a number or blank upward, and shows the computed total and last year's value beside it.
 */
import { memo, useEffect, useState } from 'react';
import type { CellValue } from '@touming/domain/report';
import type { CellDefinition } from '@touming/domain/formats';
import { parseCellText } from './draft';
import type { CellProblems } from './problems';

export interface CellInputProps {
  def: CellDefinition;
  value: CellValue;
  /** for total cells: the sum of the parts (domain's computedTotals) */
  computed?: number | null;
  previous?: CellValue;
  showPrevious: boolean;
  problems?: CellProblems;
  edited: boolean;
  readOnly: boolean;
  onChange(key: string, value: CellValue): void;
  labels: { computed: string; previous: string; blank: string; mismatch: string };
}

function showValue(v: CellValue | undefined) {
  return v === null || v === undefined ? '' : String(v);
}

function CellInputInner({
  def,
  value,
  computed,
  previous,
  showPrevious,
  problems,
  edited,
  readOnly,
  onChange,
  labels,
}: CellInputProps) {
  const [text, setText] = useState(showValue(value));
  const [focused, setFocused] = useState(false);
  const [parseError, setParseError] = useState<string | null>(null);

  useEffect(() => {
    if (!focused) {
      setText(showValue(value));
      setParseError(null);
    }
  }, [value, focused]);

  const hasError = Boolean(parseError || problems?.errors.length);
  const hasWarning = !hasError && Boolean(problems?.warnings.length);
  const isTotal = computed !== undefined;
  const mismatch = isTotal && computed !== null && value !== null && computed !== value;
  const titles = [
    parseError,
    ...(problems?.errors ?? []).map((r) => r.message),
    ...(problems?.warnings ?? []).map((r) => r.message),
  ].filter(Boolean);
  const className = [
    'tm-cell',
    hasError ? 'tm-cell--error' : '',
    hasWarning ? 'tm-cell--warning' : '',
    problems?.blank && !hasError ? 'tm-cell--blank' : '',
    edited ? 'tm-cell--edited' : '',
    isTotal ? 'tm-cell--total' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="tm-cellwrap">
      <input
        className={className}
        data-cell={def.key}
        data-testid={`cell-${def.key}`}
        aria-label={def.label}
        aria-invalid={hasError || undefined}
        title={titles.join('\n') || def.label}
        inputMode={def.kind === 'count' ? 'numeric' : 'decimal'}
        placeholder={problems?.blank ? labels.blank : ''}
        value={text}
        readOnly={readOnly}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          const parsed = parseCellText(text);
          if (parsed.ok) setText(showValue(parsed.value));
        }}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const parsed = parseCellText(next);
          if (parsed.ok) {
            setParseError(null);
            if (parsed.value !== value) onChange(def.key, parsed.value);
          } else {
            setParseError(parsed.message);
          }
        }}
      />
      {parseError && <div className="tm-cell-msg tm-cell-msg--error">{parseError}</div>}
      {isTotal && (
        <div
          className={mismatch ? 'tm-computed tm-computed--mismatch' : 'tm-computed'}
          data-testid={`computed-${def.key}`}
          title={mismatch ? labels.mismatch : labels.computed}
        >
          {labels.computed} {computed === null ? '—' : computed}
          {mismatch ? ' ≠' : ''}
        </div>
      )}
      {showPrevious && (
        <div className="tm-previous" data-testid={`previous-${def.key}`}>
          {labels.previous} {previous === null || previous === undefined ? '—' : previous}
        </div>
      )}
    </div>
  );
}

export const CellInput = memo(CellInputInner);
