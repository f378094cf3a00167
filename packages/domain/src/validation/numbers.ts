/** Number helpers for the rules: decimal-safe amounts and the way numbers appear in messages. */

/** the number of decimal places of a finite number as JavaScript prints it (what the clerk typed) */
export function decimalPlaces(value: number): number {
  const text = String(value);
  const exp = text.indexOf('e');
  if (exp >= 0) {
    const mantissa = text.slice(0, exp);
    const power = Number(text.slice(exp + 1));
    const dot = mantissa.indexOf('.');
    const digits = dot < 0 ? 0 : mantissa.length - dot - 1;
    return Math.max(0, digits - power);
  }
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** an amount in integer units of 10^-decimals (e.g. ten-thousandths of 万元): sums of these are exact */
export function toUnits(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

export function fromUnits(units: number, decimals: number): number {
  // dividing an exact integer by a power of ten gives the double nearest to the decimal
  return units / 10 ** decimals;
}

/** a value as a message shows it: whole numbers plain, decimals without float noise */
export function showNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '空白';
  if (typeof value !== 'number') return `“${String(value)}”`;
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
