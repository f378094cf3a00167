/**
 * The content hash binds signatures to content: it must stay byte-identical across releases and equal
 * to what node:crypto computes (the API and the console must agree with any outside verifier).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate';
import {
  canonicalReport,
  contentHash,
  DEFAULT_HASH_ALGORITHM,
  digestHex,
  HASH_ALGORITHMS,
  isHashAlgorithm,
  portableDigestHex,
  sha256Hex,
} from '../src/hash';

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

const SM3_ABC = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
const SM3_64 = 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732';

describe('SM3 (GB/T 32905-2016)', () => {
  it('gives the standard\'s test vectors: "abc" (A.1) and the 64-byte message (A.2)', () => {
    expect(digestHex('abc', 'sm3')).toBe(SM3_ABC);
    expect(digestHex('abcd'.repeat(16), 'sm3')).toBe(SM3_64);
    expect(digestHex(new TextEncoder().encode('abc'), 'sm3')).toBe(SM3_ABC);
    expect(portableDigestHex('abc', 'sm3')).toBe(SM3_ABC);
  });

  it('equals node:crypto\'s SM3 (OpenSSL 3) for any text and bytes, at every block boundary', () => {
    const nodeSm3 = (input: string | Uint8Array) => createHash('sm3').update(input).digest('hex');
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000]) expect(digestHex('汉'.repeat(n), 'sm3')).toBe(nodeSm3('汉'.repeat(n)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => digestHex(b, 'sm3') === nodeSm3(b)));
  });

  it('makes content hashes of its own, different from sha256 of the same content', () => {
    const r = generateReport({ format: '2021', year: 2023, agency: '某县卫生健康局', seed: 42 });
    expect(contentHash(r, 'sm3')).toBe(createHash('sm3').update(canonicalReport(r)).digest('hex'));
    expect(contentHash(r, 'sm3')).not.toBe(contentHash(r));
    expect(contentHash(r, 'sm3')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('digestHex', () => {
  it('is sha256 by default, and names its algorithms', () => {
    expect(DEFAULT_HASH_ALGORITHM).toBe('sha256');
    expect(HASH_ALGORITHMS).toEqual(['sha256', 'sm3']);
    expect(digestHex('abc')).toBe(sha256Hex('abc'));
    expect(digestHex('abc', 'sha256')).toBe(sha256Hex('abc'));
    expect(isHashAlgorithm('sha256')).toBe(true);
    expect(isHashAlgorithm('sm3')).toBe(true);
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
