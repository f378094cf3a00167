import { cellKeys, NARRATIVE_KEYS } from '../formats';
import type { ReportContent } from '../report';
import { DEFAULT_HASH_ALGORITHM, digestHex, type HashAlgorithm } from './digest';

export {
  DEFAULT_HASH_ALGORITHM,
  digestHex,
  HASH_ALGORITHM_LABELS,
  HASH_ALGORITHMS,
  isHashAlgorithm,
  portableDigestHex,
  sha256Hex,
  useNativeDigest,
  type HashAlgorithm,
} from './digest';

/** JSON with object keys sorted at every level: the same value always serialises to the same string */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** normalise text the same way everywhere: line endings to \n, trailing white space of the text trimmed */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
}

/**
 * The canonical serialisation of a report's content: exactly the format's cells (absent = null),
 * the three narrative sections, format, year and agency; key order and runtime do not matter.
 */
export function canonicalReport(report: ReportContent): string {
  const cells: Record<string, number | null> = {};
  for (const key of cellKeys(report.format)) {
    const v = report.cells[key];
    // -0 and 0 are the same count; JSON.stringify already prints both as 0
    cells[key] = v === undefined || v === null ? null : v;
  }
  const sections: Record<string, string> = {};
  for (const key of NARRATIVE_KEYS) sections[key] = normaliseText(report.sections[key] ?? '');
  return canonicalJson({ format: report.format, year: report.year, agency: report.agency.trim(), sections, cells });
}

/** the digest (hex; sha256 unless another algorithm is named) of the canonical content: what a signature binds to */
export function contentHash(report: ReportContent, algorithm: HashAlgorithm = DEFAULT_HASH_ALGORITHM): string {
  return digestHex(canonicalReport(report), algorithm);
}
