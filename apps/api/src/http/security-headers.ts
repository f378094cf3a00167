/**
 * Security headers on every response (helmet):
 * - Content-Security-Policy for the console: scripts, connections and frames only from this origin
 *   (no inline script: Vite's build has none), inline styles allowed (MUI/emotion inject <style> at
 *   run time, and index.html has one), images from this origin and data: URIs (the favicon);
 *   frame-ancestors 'none' (no clickjacking), base-uri and form-action 'self', no plugins.
 *   e2e/browser/csp.test.ts walks the console's screens in Chromium and fails on any CSP violation.
 * - X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Referrer-Policy: no-referrer (report ids
 *   in console URLs never leave the site), Cross-Origin-Opener/Resource-Policy: same-origin.
 * - Strict-Transport-Security only when HSTS_MAX_AGE is set: it must only be sent once the site is
 *   reached over HTTPS (a county intranet may serve plain HTTP), and browsers remember it.
 * /graphql answers JSON, or in development a local landing page without script or external reference
 * (common/landing-page.ts): it gets the same headers, CSP included.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export const CONSOLE_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The CSP of an HTML report download: the page is shown in the browser (people read and print it),
 * but sandboxed (a unique origin: no script runs, no cookies or storage of this site, no forms), with
 * nothing loaded but its own inline styles and data: images. Whatever text a report holds, it cannot
 * act as this site.
 */
export const REPORT_HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

export interface SecurityHeaderOptions {
  production: boolean;
  /** seconds of Strict-Transport-Security; 0 = not sent */
  hstsMaxAge: number;
}

/** the headers middleware for the whole app (mount it first) */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP_DIRECTIVES },
    strictTransportSecurity: options.hstsMaxAge > 0 ? { maxAge: options.hstsMaxAge, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  }) as RequestHandler;
}


/**
 * The same headers as a list, computed once by running the same helmet configuration against a
 * recording response: for graphql-endpoint.ts, which answers without Express (helmet would build
 * them again on every request). The list is the middleware's output, so the two cannot differ.
 */
export function securityHeaderList(options: SecurityHeaderOptions): Array<[string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let done = false;
  const middleware = securityHeaders(options) as unknown as (req: object, res: object, next: (error?: unknown) => void) => void;
  middleware({}, recorder, (error) => {
    if (error) throw error;
    done = true;
  });
  // helmet sets its headers synchronously; were that to change, fail at start-up, not silently
  if (!done || headers.size === 0) throw new Error('securityHeaderList: helmet did not set its headers synchronously');
  return [...headers];
}
