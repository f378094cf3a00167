/**
 * The digests Touming records (content hashes, the audit chain, finding ids), by algorithm name:
 * sha256 (the default) and SM3 (GB/T 32905, for 商用密码应用安全性评估). The pure-JS implementations —
 * @noble/hashes (audited) for sha256, sm-crypto-v2 for SM3 — are synchronous in the browser and in
 * Node alike, so the console hashes the content a signer sees with the same code the API checks it
 * with (WebCrypto's digest is async and has no SM3; node:crypto is not in the browser).
 *
 * A runtime with a native implementation (the API: node:crypto, whose OpenSSL 3 has SM3) installs it
 * with useNativeDigest; the results are the same bytes. Wherever a stored hash must say which algorithm
 * made it, its name is stored beside it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sm3 } from 'sm-crypto-v2';

type Digest = (bytes: Uint8Array) => Uint8Array;

const DIGESTS = {
  sha256: (bytes: Uint8Array): Uint8Array => sha256(bytes),
  sm3: (bytes: Uint8Array): Uint8Array => hexToBytes(sm3(bytes)),
} as const;

export type HashAlgorithm = keyof typeof DIGESTS;

/** what every hash is made with unless the caller (or HASH_ALGORITHM in the API) names another */
export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = 'sha256';

export const HASH_ALGORITHMS = Object.keys(DIGESTS) as HashAlgorithm[];

/** how the algorithms are named to people */
export const HASH_ALGORITHM_LABELS: Record<HashAlgorithm, string> = { sha256: 'SHA-256', sm3: 'SM3（GB/T 32905）' };

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DIGESTS, value);
}

const native: Partial<Record<HashAlgorithm, Digest>> = {};

/** use a native implementation of an algorithm from now on (it must give the same bytes) */
export function useNativeDigest(algorithm: HashAlgorithm, digest: Digest): void {
  native[algorithm] = digest;
}

/** the pure-JS digest, whatever is installed (tests compare the two) */
export function portableDigestHex(input: string | Uint8Array, algorithm: HashAlgorithm): string {
  const digest = DIGESTS[algorithm];
  if (!digest) throw new Error(`未知的哈希算法：${String(algorithm)}`);
  return bytesToHex(digest(typeof input === 'string' ? utf8ToBytes(input) : input));
}

/** the digest of a string (as UTF-8; lone surrogates become U+FFFD) or of bytes, in lower-case hex */
export function digestHex(input: string | Uint8Array, algorithm: HashAlgorithm = DEFAULT_HASH_ALGORITHM): string {
  const digest = native[algorithm] ?? DIGESTS[algorithm];
  if (!digest) throw new Error(`未知的哈希算法：${String(algorithm)}`);
  return bytesToHex(digest(typeof input === 'string' ? utf8ToBytes(input) : input));
}

/** sha256 (hex) of a string or bytes */
export function sha256Hex(input: string | Uint8Array): string {
  return digestHex(input, 'sha256');
}
