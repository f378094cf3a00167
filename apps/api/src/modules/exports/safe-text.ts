/**
 * Text from the database on its way into a file format that has rules of its own.
 */

/**
 * What XML 1.0 can hold: tab, line feed, carriage return and U+0020–U+D7FF, U+E000–U+FFFD,
 * U+10000–U+10FFFF. Other control characters, U+FFFE/U+FFFF and unpaired surrogates make a DOCX or
 * XLSX part ill-formed (Word refuses the whole file), so they are dropped: they never carry meaning
 * in a report.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * A cell a spreadsheet program could take for a formula (CSV/formula injection, OWASP): text starting
 * with = + - @ (also their full-width forms, which some locales convert), tab or carriage return is
 * given a leading apostrophe, so Excel, WPS and LibreOffice show it as text. Numbers are never passed
 * here: a negative count stays a number.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text;
}
