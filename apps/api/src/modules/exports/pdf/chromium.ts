/**
 * Where Chromium is and how it is started headless — for the API's PDF printing and for the browser
 * tests (e2e/browser/chromium.ts takes the flags from here). Only a Chromium installed on the machine
 * is used (Debian's /usr/bin/chromium, or CHROMIUM_PATH), never a browser downloaded by Playwright.
 */
import fs from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** the configured Chromium executable, or null when there is none at that path */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return fs.existsSync(file) ? file : null;
}
