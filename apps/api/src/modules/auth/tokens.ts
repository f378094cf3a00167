import jwt from 'jsonwebtoken';

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
  const token = jwt.sign(claims, settings.secret, {
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
    const payload = jwt.verify(token, settings.secret, { algorithms: ['HS256'], issuer: 'touming' });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
    return { sub: payload.sub, tv: payload.tv };
  } catch {
    return null;
  }
}
