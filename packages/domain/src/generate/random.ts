/** A small seeded PRNG (mulberry32) and the draws the generator needs: same seed, same report. */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to mix the seed with the year and agency */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** a whole number in [min, max] */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** a count with the given mean, most often small (exponential, floored) */
  count(mean: number): number {
    if (mean <= 0) return 0;
    return Math.floor(-Math.log(1 - this.next()) * mean);
  }
  /** k distinct items in random order */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }
  /** split n into parts by weights (a multinomial draw) */
  split(n: number, weights: readonly number[]): number[] {
    const parts = weights.map(() => 0);
    let total = 0;
    for (const w of weights) total += w;
    for (let u = 0; u < n; u++) {
      let r = this.next() * total;
      let i = 0;
      while (i < weights.length - 1 && r >= weights[i]) r -= weights[i++];
      parts[i]++;
    }
    return parts;
  }
}
