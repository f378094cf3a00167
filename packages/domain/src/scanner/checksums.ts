/** Check digits the scanner relies on to tell real identifiers from other long numbers. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** the GB 11643 check character of the first 17 digits of a resident ID number */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

function isPlausibleBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * The shape of a resident ID number without its check: 18 characters, a region code not starting
 * with 0 whose province part is a real one (11–82), a plausible birth date. A number of this shape
 * whose check character fails is most likely an ID number with a typing error.
 */
export function hasResidentIdShape(value: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  if (province < 11 || province > 82) return false;
  return isPlausibleBirthDate(value.slice(6, 14));
}

/**
 * An 18-character resident ID number (GB 11643-1999): 6-digit region code (not starting with 0),
 * 8-digit birth date, 3-digit sequence, check character (digit or X) matching the weighted sum.
 */
export function isResidentIdNumber(value: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  if (!isPlausibleBirthDate(value.slice(6, 14))) return false;
  return residentIdCheckChar(value.slice(0, 17)) === value[17].toUpperCase();
}

/** the Luhn (mod 10) check bank card numbers carry */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
