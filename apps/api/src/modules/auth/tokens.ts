import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/**
 * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse
 * it as a public key on every call, which was the largest single cost of an authenticated request.
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** the claims of a Touming access token: the user and the token version it was issued for */
export interface TokenClaims {
  sub: string;
  tv: number;
}

export interface TokenSettings {
  secret: string;
  /** jsonwebtoken expiresIn, e.g. "8h" */
  ttl: string;
}

export function signToken(settings: TokenSettings, claims: TokenClaims): { token: string; expiresAt: Date } {
  const token = jwt.sign(claims, keyOf(settings.secret), {
    algorithm: 'HS256',
    expiresIn: settings.ttl as jwt.SignOptions['expiresIn'],
    issuer: 'touming',
  });
  const decoded = jwt.decode(token) as { exp: number };
  return { token, expiresAt: new Date(decoded.exp * 1000) };
}

/** the claims of a valid token, or null (expired, forged, malformed) */
export function verifyToken(settings: TokenSettings, token: string): TokenClaims | null {
  try {
    const payload = jwt.verify(token, keyOf(settings.secret), { algorithms: ['HS256'], issuer: 'touming' });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
    return { sub: payload.sub, tv: payload.tv };
  } catch {
    return null;
  }
}
