/**
 * What the scanner reads instead of the raw text: people (and copy-paste from Word and web pages)
 * write numbers in full-width digits (１３８…), put zero-width characters or soft hyphens inside them,
 * or space them out ("6403 2319 9001 0112 34"). Each view keeps, for every UTF-16 unit of its text,
 * the span of the original text it came from, so a finding made on a view is reported on the exact
 * original characters (the console highlights them, a fix removes them).
 */

export interface ScanView {
  text: string;
  /** per UTF-16 unit of `text`: where its source starts in the original text */
  starts: number[];
  /** per UTF-16 unit of `text`: where its source ends in the original text (exclusive) */
  ends: number[];
}

/** invisible characters that split a number or a word without showing: ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen, MVS */
const INVISIBLE = /^[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]$/;

/** a base character with its combining marks (NFKC composes within such a cluster), or stray marks */
const CLUSTER = /[^\p{M}]\p{M}*|\p{M}+/gsu;

/**
 * NFKC per cluster (full-width digits, letters, ＠ and the ideographic space become ASCII), invisible
 * characters removed.
 */
export function normalizedView(original: string): ScanView {
  const view: ScanView = { text: '', starts: [], ends: [] };
  const parts: string[] = [];
  for (const m of original.matchAll(CLUSTER)) {
    const cluster = m[0];
    if (INVISIBLE.test(cluster)) continue;
    const start = m.index;
    const end = start + cluster.length;
    const normalized = cluster.normalize('NFKC');
    parts.push(normalized);
    for (let i = 0; i < normalized.length; i++) {
      view.starts.push(start);
      view.ends.push(end);
    }
  }
  view.text = parts.join('');
  return view;
}

/** the view without the spaces and tabs that stand between two digits ("138 0013 8000" → "13800138000") */
export function digitsJoinedView(view: ScanView): ScanView {
  const out: ScanView = { text: '', starts: [], ends: [] };
  const parts: string[] = [];
  const { text } = view;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === ' ' || ch === '\t') && /\d/.test(text[i - 1] ?? '')) {
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (/\d/.test(text[j] ?? '')) {
        i = j - 1;
        continue;
      }
    }
    parts.push(ch);
    out.starts.push(view.starts[i]);
    out.ends.push(view.ends[i]);
  }
  out.text = parts.join('');
  return out;
}

/** the original span of [start, end) of a view */
export function originalSpan(view: ScanView, start: number, end: number): { start: number; end: number } {
  return { start: view.starts[start], end: view.ends[end - 1] };
}
