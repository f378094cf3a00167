/**
 * The password policy (等保 2.0 三级: 身份鉴别 — complexity, a bounded length, common passwords
 * refused; the failure policy is the API's login throttle). Checked wherever a password is set: the
 * API's createUser/updateUser, the CLI's `touming users create`, and the console may show it live.
 * The demo seed's password (`touming-demo`, documented) is stored as a hash directly and never passes
 * through here.
 */
import { COMMON_PASSWORDS } from './common';

/** at least this many characters, from at least PASSWORD_MIN_CLASSES of the four classes … */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_CLASSES = 3;
/** … or a passphrase at least this long (any characters: length makes up for variety) */
export const PASSPHRASE_MIN_LENGTH = 20;
/** longer than any passphrase a person types; keeps hashing and request sizes bounded */
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULE_TEXT =
  `密码须为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符，且包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类` +
  `（或使用不少于 ${PASSPHRASE_MIN_LENGTH} 个字符的口令短语），不能是常见密码，也不能包含用户名`;

/** the character classes a password draws from: lower, upper, digit, other (symbols, CJK, spaces) */
export function passwordClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** lower case without separators and trailing digits/symbols: "Password-2024!" and "password" meet here */
function commonForm(password: string): string {
  return password.toLowerCase().replace(/[\s._@#!$%^&*+=~-]+/g, '');
}

const COMMON = new Set(COMMON_PASSWORDS.map(commonForm));

function isCommon(password: string): boolean {
  const form = commonForm(password);
  if (COMMON.has(form)) return true;
  // a common word with digits or symbols stuck on ("qwertyuiop123", "admin@123456")
  const stem = form.replace(/\d+$/, '');
  return stem !== form && stem.length >= 4 && COMMON.has(stem) && /^\d+$/.test(form.slice(stem.length));
}

/** a string that is one character or one short piece repeated ("aaaaaaaaaaaa", "abcabcabcabc") */
function isRepetition(password: string): boolean {
  for (let period = 1; period <= 4; period++) {
    if (password.length >= period * 3 && password === password.slice(0, period).repeat(Math.ceil(password.length / period)).slice(0, password.length)) return true;
  }
  return false;
}

export interface PasswordContext {
  username?: string | null;
  displayName?: string | null;
}

/**
 * Why `password` may not be set, in Chinese; null when it meets the policy. Every reason names the
 * rule, so a clerk knows what to change.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length;
  if (length > PASSWORD_MAX_LENGTH) return `密码过长（最多 ${PASSWORD_MAX_LENGTH} 个字符）`;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (password.trim() !== password) return '密码不能以空格开头或结尾';
  if (length < PASSPHRASE_MIN_LENGTH && passwordClasses(password) < PASSWORD_MIN_CLASSES) {
    return `密码须包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类（或使用不少于 ${PASSPHRASE_MIN_LENGTH} 个字符的口令短语）`;
  }
  if (isRepetition(password)) return '密码不能由同一段字符重复组成';
  if (isCommon(password)) return '该密码属于常见密码，容易被猜中，请换一个';
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) return '密码不能包含用户名';
  const name = context.displayName?.trim();
  if (name && name.length >= 2 && password.includes(name)) return '密码不能包含姓名';
  return null;
}
