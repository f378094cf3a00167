/**
 * Paragraph-level comparison of one narrative section in two reports: which paragraphs are the same,
 * which were added or removed, and which were reworded (paired by similarity), plus the passages of the
 * newer text that repeat the older one clause by clause.
 */
import { countNonWhitespace, normalizeForNumbers, repeatedPassages, textSimilarity, type RepeatedPassage } from '../validation/text';

export type ParagraphChange = 'same' | 'added' | 'removed' | 'changed';

export interface ParagraphDiff {
  change: ParagraphChange;
  /** the paragraph in the older report (absent for an added one) */
  before?: string;
  /** the paragraph in the newer report (absent for a removed one) */
  after?: string;
  /** Dice similarity of the pair (1 for the same paragraph, absent for added/removed) */
  similarity?: number;
}

export interface SectionTextComparison {
  /** Dice similarity of the whole section (1 = same wording; both empty counts as 1) */
  similarity: number;
  paragraphs: ParagraphDiff[];
  counts: Record<ParagraphChange, number>;
  /** clauses of the newer text repeating a clause of the older one (numbers and enumeration ignored) */
  copied: RepeatedPassage[];
  /** the share of the newer text's characters those clauses make up */
  copiedShare: number;
}

export const TEXT_DIFF_THRESHOLDS = {
  /** two paragraphs at or above this similarity are one paragraph reworded, below it a removal and an addition */
  pairParagraphs: 0.5,
  /** a clause at or above this similarity to one of last year's counts as copied */
  copiedClause: 0.8,
} as const;

/** the paragraphs of a section as written: one per non-empty line */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => countNonWhitespace(p) > 0);
}

/** paragraphs compared without whitespace and with full-width digits as ASCII */
function sameParagraph(a: string, b: string): boolean {
  return normalizeForNumbers(a) === normalizeForNumbers(b);
}

/**
 * Longest common subsequence of equal paragraphs (quadratic in paragraph counts, which stay in the tens
 * for a report section), then in each gap between two anchors the removed and added paragraphs are paired
 * greedily by similarity, best pair first, so a reworded paragraph reads as changed, not as two edits.
 */
export function compareSectionText(before: string, after: string): SectionTextComparison {
  const a = paragraphsOf(before);
  const b = paragraphsOf(after);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = sameParagraph(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const paragraphs: ParagraphDiff[] = [];
  let gapA: string[] = [];
  let gapB: string[] = [];
  const flush = () => {
    paragraphs.push(...pairGap(gapA, gapB));
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && sameParagraph(a[i], b[j])) {
      flush();
      paragraphs.push({ change: 'same', before: a[i], after: b[j], similarity: 1 });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      gapB.push(b[j++]);
    } else {
      gapA.push(a[i++]);
    }
  }
  flush();
  const counts: Record<ParagraphChange, number> = { same: 0, added: 0, removed: 0, changed: 0 };
  for (const p of paragraphs) counts[p.change]++;
  const { passages, share } = repeatedPassages(after, before, TEXT_DIFF_THRESHOLDS.copiedClause);
  const similarity = a.length === 0 && b.length === 0 ? 1 : round(textSimilarity(before, after));
  return { similarity, paragraphs, counts, copied: passages.map((p) => ({ ...p, similarity: round(p.similarity) })), copiedShare: round(share) };
}

/** pairs a gap's removed and added paragraphs by similarity; keeps the newer text's order */
function pairGap(removed: string[], added: string[]): ParagraphDiff[] {
  const candidates: { r: number; a: number; s: number }[] = [];
  for (let r = 0; r < removed.length; r++) {
    for (let x = 0; x < added.length; x++) {
      const s = textSimilarity(removed[r], added[x]);
      if (s >= TEXT_DIFF_THRESHOLDS.pairParagraphs) candidates.push({ r, a: x, s });
    }
  }
  candidates.sort((p, q) => q.s - p.s || p.a - q.a);
  const pairOfAdded = new Map<number, { r: number; s: number }>();
  const usedRemoved = new Set<number>();
  for (const c of candidates) {
    if (usedRemoved.has(c.r) || pairOfAdded.has(c.a)) continue;
    usedRemoved.add(c.r);
    pairOfAdded.set(c.a, { r: c.r, s: c.s });
  }
  const out: ParagraphDiff[] = removed.flatMap((text, r) => (usedRemoved.has(r) ? [] : [{ change: 'removed' as const, before: text }]));
  added.forEach((text, x) => {
    const pair = pairOfAdded.get(x);
    out.push(pair ? { change: 'changed', before: removed[pair.r], after: text, similarity: round(pair.s) } : { change: 'added', after: text });
  });
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
