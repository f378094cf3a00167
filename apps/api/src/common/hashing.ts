/**
 * HASH_ALGORITHM — sha256 (default) or sm3 (GB/T 32905, 商用密码应用安全性评估) — for the content hashes
 * written from now on and the audit chain's new entries. It is read when a hash is made (like the other
 * rules taken from the environment), and checked at start-up by loadConfig. Every stored hash keeps the
 * name of the algorithm that made it, so hashes made before a switch still verify.
 *
 * The API hashes with node:crypto (OpenSSL 3 has SM3): installed here into the domain's digestHex, so
 * the domain's contentHash and the chain use it; the domain's pure-JS implementations give the same
 * bytes (the console uses those).
 */
import { createHash } from 'node:crypto';
import { DEFAULT_HASH_ALGORITHM, HASH_ALGORITHMS, isHashAlgorithm, useNativeDigest, type HashAlgorithm } from '@touming/domain/hash';

for (const algorithm of HASH_ALGORITHMS) {
  useNativeDigest(algorithm, (bytes) => new Uint8Array(createHash(algorithm).update(bytes).digest()));
}

/** the algorithm HASH_ALGORITHM names; an unknown name throws (start-up refuses it) */
export function parseHashAlgorithm(value: string | undefined): HashAlgorithm {
  const name = (value ?? '').trim().toLowerCase();
  if (!name) return DEFAULT_HASH_ALGORITHM;
  if (!isHashAlgorithm(name)) throw new Error(`HASH_ALGORITHM 只能是 ${HASH_ALGORITHMS.join(' 或 ')}：${value}`);
  return name;
}

/** the algorithm new hashes are made with */
export function currentHashAlgorithm(env: NodeJS.ProcessEnv = process.env): HashAlgorithm {
  return parseHashAlgorithm(env.HASH_ALGORITHM);
}

/** a stored algorithm column (rows from before the column: sha256) */
export function storedHashAlgorithm(value: unknown): HashAlgorithm {
  return isHashAlgorithm(value) ? value : DEFAULT_HASH_ALGORITHM;
}
