/**
 * One county total in the official table: the sum, its change from last year over the agencies
 * published in both years (the hint says how many and the two figures compared), and a click for the
 * breakdown.
 */
import { Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CountyCell } from './types';
import { changeLabel } from './download';
import { VisuallyHidden } from '../layout/VisuallyHidden';

export function SummaryCell({
  cellKey,
  cell,
  comparedAgencies,
  hasError,
  onOpen,
}: {
  cellKey: string;
  cell: CountyCell | undefined;
  comparedAgencies: number;
  hasError: boolean;
  onOpen(key: string): void;
}) {
  const translate = useTranslate();
  const value = cell?.value ?? null;
  const change = changeLabel(cell?.change);
  const hints = [
    change
      ? translate('touming.county.change_hint', { change: change.text, count: comparedAgencies, previous: cell?.previousValue ?? '—', current: cell?.comparableValue ?? '—' })
      : null,
    cell?.blanks ? translate('touming.county.blanks_hint', { count: cell.blanks }) : null,
  ].filter(Boolean);
  const button = (
    <button
      type="button"
      className={hasError ? 'tm-county-cell tm-county-cell--error' : 'tm-county-cell'}
      data-cell={cellKey}
      onClick={() => onOpen(cellKey)}
    >
      {/* the cell's name for a screen reader, before the number it sees: an aria-label in place of
          the content would hide the visible number from the name (label-content-name-mismatch) */}
      <VisuallyHidden>{cell?.label ?? cellKey}：</VisuallyHidden>
      <span className={value === null ? 'tm-county-cell__value tm-county-cell__value--blank' : 'tm-county-cell__value'}>
        {value === null ? '—' : value}
      </span>
      {change && (
        <span className={`tm-county-change tm-county-change--${change.direction}`} data-change={cell?.change ?? undefined} data-compared={comparedAgencies}>
          {change.text}
        </span>
      )}
    </button>
  );
  // describeChild: the hint describes the button (aria-describedby) instead of replacing its name
  return hints.length ? <Tooltip title={hints.join('；')} describeChild>{button}</Tooltip> : button;
}
