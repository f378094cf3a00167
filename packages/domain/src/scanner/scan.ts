/**
 * The confidentiality scanner: flags personal data and secret markings in a report's texts. It errs
 * toward precision on numbers (a checksum or a digit-run boundary must hold) so that clerks are not
 * buried in false alarms, and toward recall on markings (a dismissal with a reason is cheap).
 */
import { NARRATIVE_KEYS } from '../formats';
import type { ReportContent } from '../report';
import { hasResidentIdShape, isResidentIdNumber, luhnValid } from './checksums';
import { digitsJoinedView, normalizedView, originalSpan, type ScanView } from './normalize';
import { FINDING_KIND_LABELS, type Finding, type FindingKind } from './types';

/** keep the first and last characters of a number, mask the middle (messages end up in logs) */
export function maskValue(value: string): string {
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length <= 7) return compact;
  return `${compact.slice(0, 3)}${'*'.repeat(compact.length - 7)}${compact.slice(-4)}`;
}

interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
  message: string;
}

function* matches(text: string, re: RegExp): Generator<RegExpExecArray> {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let m: RegExpExecArray | null;
  while ((m = global.exec(text)) !== null) {
    if (m[0].length === 0) global.lastIndex++;
    yield m;
  }
}

// 17 digits + digit/X, not part of a longer run of digits
const ID_RE = /(?<!\d)\d{17}[\dXx](?![\dXx])/;

function findIdNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(text, ID_RE)) {
    if (!isResidentIdNumber(m[0])) continue;
    out.push({ kind: 'idNumber', start: m.index, end: m.index + m[0].length, message: `疑似${FINDING_KIND_LABELS.idNumber}“${maskValue(m[0])}”` });
  }
  return out;
}

/**
 * An ID-shaped number whose check digit fails (lower confidence): run after the bank cards, so an
 * 18-digit card number that passes Luhn stays a card.
 */
function findSuspectedIdNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(text, ID_RE)) {
    if (isResidentIdNumber(m[0]) || !hasResidentIdShape(m[0])) continue;
    out.push({
      kind: 'suspectedIdNumber',
      start: m.index,
      end: m.index + m[0].length,
      message: `${FINDING_KIND_LABELS.suspectedIdNumber}“${maskValue(m[0])}”（校验位不符，可能是录错的身份证号）`,
    });
  }
  return out;
}

// 16–19 digits, contiguous or in groups of four separated by one space or dash; not inside a longer run.
// Card numbers issued in China start with 3, 4, 5, 6 or 9 (UnionPay 62, Visa 4, Mastercard 5, JCB 3,
// older domestic 9); restricting the first digit keeps order and document numbers out.
const CARD_RE = /(?<!\d[ -]?)[3-69](?:\d{15,18}|\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?![ -]?\d)/;

function findBankCards(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(text, CARD_RE)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) continue;
    if (digits.length === 18 && isResidentIdNumber(digits)) continue;
    out.push({ kind: 'bankCard', start: m.index, end: m.index + m[0].length, message: `疑似${FINDING_KIND_LABELS.bankCard}“${maskValue(m[0])}”` });
  }
  return out;
}

// 1[3-9]x xxxx xxxx, optionally +86 / 86 / (+86) before it, spaces or dashes between the groups
const MOBILE_RE = /(?<![\d+])(?:(?:\+86|\(\+86\)|（\+86）|86)[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![ -]?\d)/;

function findMobiles(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(text, MOBILE_RE)) {
    out.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, message: `疑似${FINDING_KIND_LABELS.mobile}“${maskValue(m[0])}”` });
  }
  return out;
}

const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/;

function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(text, EMAIL_RE)) {
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, message: `疑似${FINDING_KIND_LABELS.email}“${m[0]}”` });
  }
  return out;
}

/**
 * Secret markings (密级标志) and 内部 notices. Words that merely talk about secrecy are not markings:
 * 国家秘密 (table 3's label, art. 14), 两秘密一隐私, 保守国家秘密法, 保密审查, 泄密 — so a bare 秘密 is
 * never flagged, only 秘密 with ★; 机密 is skipped where it names a category (国家机密, 商业机密).
 */
const MARKING_PATTERNS: ReadonlyArray<{ re: RegExp; accept?: (text: string, m: RegExpExecArray) => boolean }> = [
  // 绝密★启用前, 机密★10年, 秘密 ★ 长期 — the level with its star and (optional) period
  { re: /(?:绝密|机密|秘密)[ \u3000]*★(?:[ \u3000]*(?:\d+年|[一二三四五六七八九十]+年|长期|启用前))?/ },
  // a star not right after a level word (the level may have been cut off)
  { re: /★/, accept: (text, m) => !/(?:绝密|机密|秘密)[ \u3000]*$/.test(text.slice(Math.max(0, m.index - 4), m.index)) },
  // 绝密 on its own (followed by a star it is already matched above)
  { re: /绝密(?![ \u3000]*★)/ },
  {
    re: /机密(?![ \u3000]*★)/,
    accept: (text, m) =>
      !/(?:国家|商业|工作|军事|经济)$/.test(text.slice(Math.max(0, m.index - 2), m.index)) && !/^[性级]/.test(text.slice(m.index + 2)),
  },
  { re: /内部资料|内部文件|内部使用|内部传阅|仅供内部|不宜公开|注意保密|不得外传/ },
  // 涉密, but not 非涉密 / 不涉密 (which say the opposite)
  { re: /涉密/, accept: (text, m) => !/[非不无未]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) },
];

function findMarkings(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { re, accept } of MARKING_PATTERNS) {
    for (const m of matches(text, re)) {
      if (accept && !accept(text, m)) continue;
      out.push({ kind: 'secretMarking', start: m.index, end: m.index + m[0].length, message: `疑似${FINDING_KIND_LABELS.secretMarking}“${m[0]}”` });
    }
  }
  return out;
}

const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

/** a view's candidates on the original text's span (messages keep the view's normalised digits) */
function onOriginal(view: ScanView, found: Candidate[]): Candidate[] {
  return found.map((c) => ({ ...c, ...originalSpan(view, c.start, c.end) }));
}

/**
 * Scan one text. It is read normalised (NFKC: full-width digits, letters and ＠ as ASCII; zero-width
 * characters and soft hyphens removed), and for numbers also with the spaces between digits removed;
 * findings are reported on the original text's exact span. Where number findings overlap, the more
 * specific wins (an ID number is not also a bank card or holds a phone number; an e-mail address made
 * of a phone number is an e-mail address).
 */
export function scanText(text: string, section: string): Finding[] {
  if (!text) return [];
  const normalized = normalizedView(text);
  const joined = digitsJoinedView(normalized);
  const numberViews = joined.text === normalized.text ? [normalized] : [normalized, joined];
  const accepted: Candidate[] = [];
  const finders: Array<(t: string) => Candidate[]> = [findIdNumbers, findBankCards, findSuspectedIdNumbers, findEmails, findMobiles];
  for (const find of finders) {
    const views = find === findEmails ? [normalized] : numberViews;
    for (const view of views) {
      for (const c of onOriginal(view, find(view.text))) if (!accepted.some((a) => overlaps(a, c))) accepted.push(c);
    }
  }
  const markings: Candidate[] = [];
  for (const c of onOriginal(normalized, findMarkings(normalized.text))) if (!markings.some((a) => overlaps(a, c))) markings.push(c);
  return [...accepted, ...markings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((c) => ({ kind: c.kind, section, start: c.start, end: c.end, match: text.slice(c.start, c.end), message: c.message }));
}

/** scan every narrative section of a report (the tables hold only numbers) */
export function scanReport(report: Pick<ReportContent, 'sections'>): Finding[] {
  return NARRATIVE_KEYS.flatMap((key) => scanText(report.sections[key] ?? '', key));
}
