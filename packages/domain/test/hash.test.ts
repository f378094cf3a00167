/**
 * The content hash binds signatures to content: it must stay byte-identical across releases and equal
 * to what node:crypto computes (the API and the console must agree with any outside verifier).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate';
import { canonicalReport, contentHash, DEFAULT_HASH_ALGORITHM, digestHex, HASH_ALGORITHMS, isHashAlgorithm, sha256Hex } from '../src/hash';

const nodeSha256 = (input: string | Uint8Array) => createHash('sha256').update(input).digest('hex');

describe('sha256Hex', () => {
  it('gives the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto for any text (UTF-8, lone surrogates as U+FFFD) and any bytes, at every block boundary', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000]) expect(sha256Hex('汉'.repeat(n))).toBe(nodeSha256('汉'.repeat(n)));
    expect(sha256Hex('a\uD800b\uDC00')).toBe(nodeSha256('a\uFFFDb\uFFFD'));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === nodeSha256(s)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => sha256Hex(b) === nodeSha256(b)));
  });
});

describe('digestHex', () => {
  it('is sha256 by default, and names its algorithms', () => {
    expect(DEFAULT_HASH_ALGORITHM).toBe('sha256');
    expect(HASH_ALGORITHMS).toContain('sha256');
    expect(digestHex('abc')).toBe(sha256Hex('abc'));
    expect(digestHex('abc', 'sha256')).toBe(sha256Hex('abc'));
    expect(isHashAlgorithm('sha256')).toBe(true);
    expect(isHashAlgorithm('md5')).toBe(false);
    expect(() => digestHex('abc', 'md5' as never)).toThrow('未知的哈希算法');
  });
});

describe('contentHash', () => {
  it('is sha256 of the canonical content, unchanged since signatures were first stored', () => {
    const r2021 = generateReport({ format: '2021', year: 2023, agency: '某县卫生健康局', seed: 42 });
    const r2019 = generateReport({ format: '2019', year: 2020, agency: '某县卫生健康局', seed: 42 });
    // values computed by the hand-written SHA-256 this module used before @noble/hashes
    expect(contentHash(r2021)).toBe('252d1e7779b7b253d3c686bd8df7d4b8759e57f23afd64fcffc3904a67367c98');
    expect(contentHash(r2019)).toBe('a89fc6b2b41a2122c2eabda393bd0b0d729f4e74a5b5e348a0a6a5e062998fd5');
    expect(contentHash(r2021)).toBe(nodeSha256(canonicalReport(r2021)));
    expect(contentHash(r2021, 'sha256')).toBe(contentHash(r2021));
  });
});
