import type { ReactNode } from 'react';

/**
 * Text for screen readers only (a column's name, a cell's label before its number). It is placed
 * absolutely, so its nearest positioned ancestor must lie inside any scroll box around it — give the
 * cell or button that holds it `position: relative`. Placed against the page instead, it sits where the
 * text would have been, and at the far right of a wide table it widened the whole page on a phone.
 */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={VISUALLY_HIDDEN}>{children}</span>;
}

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
