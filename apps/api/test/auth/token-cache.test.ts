/**
 * verifyToken keeps tokens it has verified (modules/auth/tokens.ts): a kept token must still be refused
 * from its expiry on, and nothing that failed verification is kept.
 */
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signToken, verifyToken } from '../../src/modules/auth/tokens';

const settings = { secret: 'a-test-secret-of-reasonable-length-0123456789', ttl: '1h' };

describe('verified tokens', () => {
  afterEach(() => void vi.useRealTimers());

  it('a token verified once is refused from its expiry on', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 8) });
    const { token, expiresAt } = signToken(settings, { sub: 'u1', tv: 3 });
    expect(verifyToken(settings, token)).toEqual({ sub: 'u1', tv: 3 });
    vi.setSystemTime(expiresAt.getTime() - 1000);
    expect(verifyToken(settings, token)).toEqual({ sub: 'u1', tv: 3 });
    vi.setSystemTime(expiresAt.getTime());
    expect(verifyToken(settings, token)).toBeNull();
    vi.setSystemTime(expiresAt.getTime() - 1000);
    // once refused it is gone from the cache, and a fresh check agrees
    expect(verifyToken(settings, token)).toEqual({ sub: 'u1', tv: 3 });
  });

  it('a token is checked against its own settings: another secret or a shorter JWT_TTL refuses it', () => {
    const { token } = signToken(settings, { sub: 'u2', tv: 0 });
    expect(verifyToken(settings, token)).not.toBeNull();
    expect(verifyToken({ ...settings, secret: 'another-secret-of-reasonable-length-987654' }, token)).toBeNull();
    expect(verifyToken({ ...settings, ttl: '30m' }, token)).toBeNull();
  });

  it('a forged signature is refused every time, also after the genuine token was kept', () => {
    const { token } = signToken(settings, { sub: 'u3', tv: 1 });
    expect(verifyToken(settings, token)).not.toBeNull();
    const [head, , signature] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ sub: 'admin', tv: 1, iat: 1, exp: 9_999_999_999, iss: 'touming' })).toString('base64url');
    expect(verifyToken(settings, `${head}.${forgedBody}.${signature}`)).toBeNull();
    expect(verifyToken(settings, `${token.slice(0, -2)}xx`)).toBeNull();
    const foreign = jwt.sign({ sub: 'u3', tv: 1 }, 'not-the-secret', { algorithm: 'HS256', issuer: 'touming', expiresIn: '1h' });
    expect(verifyToken(settings, foreign)).toBeNull();
  });
});
