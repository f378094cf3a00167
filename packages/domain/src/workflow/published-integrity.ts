/**
 * A published revision is checked against the chain, not against itself: its stored content is hashed
 * again and compared with the hash written into the chained publication entry at the moment of
 * publication. An UPDATE of the content by hand (or of the content and its hash column together)
 * changes the first; the chain cannot be rewritten without `touming audit verify` noticing. A revision
 * the chain never recorded was not published through Touming at all.
 */
import { contentHash, DEFAULT_HASH_ALGORITHM, type HashAlgorithm } from '../hash';
import type { ReportContent } from '../report';

export type PublishedIntegrityProblem = 'unrecorded' | 'content' | 'storedHash';

export type PublishedIntegrity =
  | { ok: true; recomputed: string }
  | { ok: false; problem: PublishedIntegrityProblem; recomputed: string | null; message: string };

export interface PublishedIntegrityInput {
  content: ReportContent;
  /** the revision row's content hash column */
  storedHash: string;
  /** the hash the chained publication entry recorded; null when there is none */
  chainedHash: string | null;
  /** the algorithm the publication entry names (entries before algorithms were recorded: sha256) */
  algorithm?: HashAlgorithm;
}

export function checkPublishedIntegrity({ content, storedHash, chainedHash, algorithm = DEFAULT_HASH_ALGORITHM }: PublishedIntegrityInput): PublishedIntegrity {
  if (!chainedHash) {
    return { ok: false, problem: 'unrecorded', recomputed: null, message: '该公开版本在审计链中没有公开记录' };
  }
  let recomputed: string;
  try {
    recomputed = contentHash(content, algorithm);
  } catch {
    // content no longer shaped like a report (e.g. a number replaced by NaN in the JSON) is altered content
    return { ok: false, problem: 'content', recomputed: null, message: '公开内容已无法按规范重新计算哈希（内容被改动）' };
  }
  if (recomputed !== chainedHash) {
    return { ok: false, problem: 'content', recomputed, message: `公开内容的哈希 ${recomputed.slice(0, 12)}… 与公开时审计链记录的 ${chainedHash.slice(0, 12)}… 不符（内容被改动）` };
  }
  if (storedHash !== chainedHash) {
    return { ok: false, problem: 'storedHash', recomputed, message: `版本记录的内容哈希 ${storedHash.slice(0, 12)}… 与公开时审计链记录的不符` };
  }
  return { ok: true, recomputed };
}
