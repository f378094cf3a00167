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

/** seconds a token of `ttl` ("8h", "30m", 3600 …) lives, as jsonwebtoken reads it (computed once per ttl) */
const lifetimes = new Map<string, number>();
function lifetimeSeconds(ttl: string): number {
  let seconds = lifetimes.get(ttl);
  if (seconds === undefined) {
    const decoded = jwt.decode(jwt.sign({}, 'lifetime', { expiresIn: ttl as jwt.SignOptions['expiresIn'] })) as { exp: number; iat: number };
    seconds = decoded.exp - decoded.iat;
    lifetimes.set(ttl, seconds);
  }
  return seconds;
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

/**
 * The claims of a valid token, or null (expired, forged, malformed). A token must carry an expiry:
 * jsonwebtoken accepts one without `exp` as valid for ever, and Touming never issues such a token — one
 * would have been made by whoever held the secret, outside the login.
 */
/**
 * Tokens already verified, with their expiry: a console tab sends the same token with every request,
 * and checking its HMAC and decoding it again was ~4 % of a small request's CPU (profile of
 * `{ me { id } }`). Only a token whose signature checked out is kept (the key is the whole token,
 * signature included), so nothing a stranger sends grows this map; it holds at most VERIFIED_MAX
 * tokens (the oldest go first), and a kept token is refused from its expiry on like any other. Whether
 * the user still exists, is active and still has this token version is read from the database on
 * every request as before (tokenUser).
 */
const VERIFIED_MAX = 10_000;
const verified = new WeakMap<TokenSettings, Map<string, { claims: TokenClaims; exp: number }>>();

export function verifyToken(settings: TokenSettings, token: string): TokenClaims | null {
  let known = verified.get(settings);
  if (!known) verified.set(settings, (known = new Map()));
  const hit = known.get(token);
  // jsonwebtoken: expired when now >= exp (seconds)
  if (hit) return Math.floor(Date.now() / 1000) < hit.exp ? hit.claims : (known.delete(token), null);
  const checked = checkToken(settings, token);
  if (checked) {
    if (known.size >= VERIFIED_MAX) known.delete(known.keys().next().value as string);
    known.set(token, checked);
  }
  return checked?.claims ?? null;
}

function checkToken(settings: TokenSettings, token: string): { claims: TokenClaims; exp: number } | null {
  try {
    const payload = jwt.verify(token, keyOf(settings.secret), { algorithms: ['HS256'], issuer: 'touming' });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return null;
    // nor one that lives longer than this instance's JWT_TTL
    if (payload.exp - payload.iat > lifetimeSeconds(settings.ttl)) return null;
    // Touming never issues a not-before date (one would be made outside the login): refused
    if (payload.nbf !== undefined) return null;
    return { claims: { sub: payload.sub, tv: payload.tv }, exp: payload.exp };
  } catch {
    return null;
  }
}
