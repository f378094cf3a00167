/**
 * One number cell of a report table. Keeps the typed text (so "1." or "-" can be typed, and text that is
 * not a number stays on screen marked as an error instead of silently reverting), reports a number, a
 * blank or the unreadable text upward, and shows the computed total and last year's value beside it.
 * Enter and the arrow keys move to the next cell as in a spreadsheet; a block pasted from Excel (tabs
 * and lines) is handed to the table to spread over the cells.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CellValue } from '@touming/domain/report';
import type { CellDefinition } from '@touming/domain/formats';
import { parseCellText } from './draft';
import { isBlock, type Direction } from './grid';
import type { CellProblems } from './problems';

export interface CellInputProps {
  def: CellDefinition;
  value: CellValue;
  /** text typed or pasted into the cell that is not a number (the cell's value is then blank) */
  invalidText?: string;
  /** the cell the domain ranks most likely mistyped */
  suspect?: boolean;
  /** for total cells: the sum of the parts (domain's computedTotals) */
  computed?: number | null;
  previous?: CellValue;
  showPrevious: boolean;
  problems?: CellProblems;
  edited: boolean;
  readOnly: boolean;
  /** one of the cells assigned to this contributor (marked, the rest of the table read-only) */
  assigned?: boolean;
  onChange(key: string, value: CellValue): void;
  onInvalid?(key: string, text: string): void;
  /** a copied block (more than one value) pasted into this cell */
  onPasteBlock?(key: string, text: string): void;
  onNavigate?(key: string, direction: Direction): void;
  labels: { computed: string; previous: string; blank: string; mismatch: string };
}

function showValue(v: CellValue | undefined) {
  return v === null || v === undefined ? '' : String(v);
}

function CellInputInner({
  def,
  value,
  invalidText,
  suspect,
  computed,
  previous,
  showPrevious,
  problems,
  edited,
  readOnly,
  assigned = false,
  onChange,
  onInvalid,
  onPasteBlock,
  onNavigate,
  labels,
}: CellInputProps) {
  const [text, setText] = useState(invalidText ?? showValue(value));
  /** what this cell last reported upward: props equal to it are its own echo, others came from outside */
  const sent = useRef<{ value: CellValue; invalid: string | undefined }>({ value, invalid: invalidText });
  useEffect(() => {
    if (sent.current.value === value && sent.current.invalid === invalidText) return;
    sent.current = { value, invalid: invalidText };
    setText(invalidText ?? showValue(value));
  }, [value, invalidText]);
  const parsedText = parseCellText(text);
  const parseError = parsedText.ok ? null : parsedText.message;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!onNavigate || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const input = e.currentTarget;
    // a caret (or a selection) touching the edge of the text: the whole number selected after moving in
    // lets the arrows go on, a caret inside the number moves within it
    const atStart = input.selectionStart === 0;
    const atEnd = input.selectionEnd === input.value.length;
    let direction: Direction | null = null;
    if (e.key === 'Enter') direction = e.shiftKey ? 'up' : 'down';
    else if (e.key === 'ArrowDown') direction = 'down';
    else if (e.key === 'ArrowUp') direction = 'up';
    else if (e.key === 'ArrowLeft' && atStart) direction = 'left';
    else if (e.key === 'ArrowRight' && atEnd) direction = 'right';
    if (!direction) return;
    e.preventDefault();
    onNavigate(def.key, direction);
  };

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
    suspect ? 'tm-cell--suspect' : '',
    assigned ? 'tm-cell--assigned' : '',
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
        data-suspect={suspect || undefined}
        data-assigned={assigned || undefined}
        title={titles.join('\n') || def.label}
        inputMode={def.kind === 'count' ? 'numeric' : 'decimal'}
        placeholder={problems?.blank ? labels.blank : ''}
        value={text}
        readOnly={readOnly}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // "1." becomes "1"; text that is not a number stays as typed
          if (parsedText.ok) setText(showValue(parsedText.value));
        }}
        onPaste={(e) => {
          if (readOnly || !onPasteBlock) return;
          const pasted = e.clipboardData.getData('text/plain');
          if (!isBlock(pasted)) return;
          e.preventDefault();
          onPasteBlock(def.key, pasted);
        }}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const parsed = parseCellText(next);
          if (parsed.ok) {
            sent.current = { value: parsed.value, invalid: undefined };
            if (parsed.value !== value || invalidText !== undefined) onChange(def.key, parsed.value);
          } else if (onInvalid) {
            sent.current = { value: null, invalid: next };
            onInvalid(def.key, next);
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
