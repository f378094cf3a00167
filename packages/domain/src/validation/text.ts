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
