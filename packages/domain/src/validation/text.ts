/** Text helpers for the narrative rules: normalising, counting, similarity. */

const FULLWIDTH_ZERO = 0xff10;

/**
 * The text the number patterns read: full-width digits and commas made ASCII, every kind of whitespace
 * removed (published reports put spaces around numbers: "2020 年度", "新收 12 件").
 */
export function normalizeForNumbers(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULLWIDTH_ZERO && code <= FULLWIDTH_ZERO + 9) out += String.fromCharCode(code - FULLWIDTH_ZERO + 48);
    else if (!isWhitespace(code)) out += text[i];
  }
  return out;
}

function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0x3000 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b);
}

/** characters that are not whitespace (how 字数 is counted) */
export function countNonWhitespace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // a surrogate pair is one character
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (!isWhitespace(code)) n++;
  }
  return n;
}

function bigrams(text: string): Set<number> {
  const set = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    if (prev >= 0) set.add(prev * 65536 + code);
    prev = code;
  }
  return set;
}

/** Dice coefficient of the two texts' character-bigram sets: 1 = same bigrams, 0 = none shared */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 && y.size === 0) return normalizeForNumbers(a) === normalizeForNumbers(b) ? 1 : 0;
  let shared = 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** "1,234" → 1234 */
export function parseStatedNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** a clause of a narrative: what repeats from one year to the next */
export interface RepeatedPassage {
  /** the clause in this year's text, as written */
  text: string;
  /** its Dice similarity with the closest clause of last year's text */
  similarity: number;
}

/** leading enumeration (一是 / 1. / （二）…): not part of what a clause says */
const ENUMERATION = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)/;
/** clause boundaries: sentence ends, semicolons, colons and line breaks */
const CLAUSE = /([^。；;！？!?：:\n]+)([。；;！？!?：:\n]*)/g;
/** clauses shorter than this (after the enumeration and digits are dropped) say too little to count */
const MIN_CLAUSE_CHARS = 8;

/**
 * The clauses of a text that say something: a clause ending in a colon only introduces a list
 * ("……但仍存在一些问题：", "……将重点做好以下工作：") and is left out, as is a short one.
 */
export function clausesOf(text: string): { text: string; core: string }[] {
  const clauses: { text: string; core: string }[] = [];
  for (const m of text.matchAll(CLAUSE)) {
    if (/[：:]/.test(m[2])) continue;
    const clause = m[1].trim();
    const core = normalizeForNumbers(clause).replace(ENUMERATION, '').replace(/\d+/g, '');
    if (countNonWhitespace(core) >= MIN_CLAUSE_CHARS) clauses.push({ text: clause, core });
  }
  return clauses;
}

/**
 * The clauses of `now` that repeat a clause of `before` (Dice similarity ≥ `threshold` — the same
 * measure as the whole-section rule s5.similarity, applied clause by clause; years and other numbers,
 * the enumeration 一是/二是 and the clauses that only introduce a list are ignored), and the share of `now`'s characters they make up.
 * A section can stay below the whole-text threshold while repeating last year's problems item by item.
 */
export function repeatedPassages(now: string, before: string, threshold: number): { passages: RepeatedPassage[]; share: number } {
  const current = clausesOf(now);
  const previous = clausesOf(before);
  const total = current.reduce((n, c) => n + countNonWhitespace(c.core), 0);
  if (total === 0 || previous.length === 0) return { passages: [], share: 0 };
  const passages: RepeatedPassage[] = [];
  let repeated = 0;
  for (const clause of current) {
    let best = 0;
    for (const old of previous) best = Math.max(best, textSimilarity(clause.core, old.core));
    if (best >= threshold) {
      passages.push({ text: clause.text, similarity: best });
      repeated += countNonWhitespace(clause.core);
    }
  }
  return { passages, share: repeated / total };
}
