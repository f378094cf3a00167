/**
 * An address that points into the report — `?focus=t3.new.natural` (a cell) or
 * `?focus=section:problems&start=12&end=23` (a span of a text section, as a 请修改 notification and
 * the 保密审查 page link it) — opens the editor on the right tab with the cell focused or the span
 * selected and scrolled into view. Followed once per address: moving on in the editor keeps the
 * user's own place.
 */
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface LinkedFocus {
  key: string;
  range?: { start: number; end: number };
}

export function linkedFocusOf(params: URLSearchParams): LinkedFocus | null {
  const key = params.get('focus');
  if (!key) return null;
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const range = params.has('start') && params.has('end') && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start ? { start, end } : undefined;
  return range ? { key, range } : { key };
}

/** `jump` selects the tab and focuses the target (ReportEditorView's), with the span when there is one */
export function useLinkedFocus(jump: (key: string, range?: { start: number; end: number }) => void) {
  const [params] = useSearchParams();
  const followed = useRef<string | null>(null);
  const address = params.toString();
  useEffect(() => {
    if (followed.current === address) return;
    followed.current = address;
    const target = linkedFocusOf(params);
    if (target) jump(target.key, target.range);
  }, [address, params, jump]);
}
