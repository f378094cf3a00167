/**
 * The digests Touming records (content hashes, the audit chain, finding ids), by algorithm name.
 * @noble/hashes is audited and synchronous in the browser and in Node alike — the console hashes the
 * content a signer sees with the same code the API checks it with (WebCrypto's digest is async, and
 * node:crypto is not in the browser).
 *
 * A further algorithm (e.g. SM3) is one more entry in DIGESTS; callers pass its name or keep the
 * default. Where a stored hash must say which algorithm made it, store the name beside it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const DIGESTS = {
  sha256: (bytes: Uint8Array): Uint8Array => sha256(bytes),
} as const;

export type HashAlgorithm = keyof typeof DIGESTS;

/** what every hash is made with unless the caller names another algorithm */
export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = 'sha256';

export const HASH_ALGORITHMS = Object.keys(DIGESTS) as HashAlgorithm[];

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DIGESTS, value);
}

/** the digest of a string (as UTF-8; lone surrogates become U+FFFD) or of bytes, in lower-case hex */
export function digestHex(input: string | Uint8Array, algorithm: HashAlgorithm = DEFAULT_HASH_ALGORITHM): string {
  const digest = DIGESTS[algorithm];
  if (!digest) throw new Error(`未知的哈希算法：${String(algorithm)}`);
  return bytesToHex(digest(typeof input === 'string' ? utf8ToBytes(input) : input));
}

/** sha256 (hex) of a string or bytes */
export function sha256Hex(input: string | Uint8Array): string {
  return digestHex(input, 'sha256');
}
