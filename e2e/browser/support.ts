/**
 * What every browser test needs: the shared browser (one per run, from the global setup), a fresh
 * Chinese context per test, sign-in through the login page, screenshots under e2e/artifacts/, the
 * English-string check, and a small GraphQL client for steps that have no screen yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'touming-demo';
export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

export function baseUrl(): string {
  return inject('baseUrl');
}

let shared: Browser | null = null;
/** the run's one Chromium (launched by the global setup), connected once per test file */
export async function browser(): Promise<Browser> {
  if (!shared || !shared.isConnected()) shared = await chromium.connect(inject('wsEndpoint'));
  return shared;
}

export async function closeBrowser() {
  await shared?.close().catch(() => undefined);
  shared = null;
}

export interface ContextOptions {
  width?: number;
  height?: number;
  mobile?: boolean;
}

/** a fresh context: no stored login, Chinese browser locale, China time */
export async function newContext(opts: ContextOptions = {}): Promise<BrowserContext> {
  const b = await browser();
  const context = await b.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** page errors are collected so a test can assert the console did not crash */
export async function newPage(context: BrowserContext): Promise<Page & { errors: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  trackRequests(page);
  return page;
}

/** the requests a page has in flight and when the last one started or ended */
const traffic = new WeakMap<Page, { inFlight: Set<unknown>; lastChange: number }>();

function trackRequests(page: Page) {
  const state = { inFlight: new Set<unknown>(), lastChange: Date.now() };
  traffic.set(page, state);
  const settled = (request: unknown) => {
    state.inFlight.delete(request);
    state.lastChange = Date.now();
  };
  page.on('request', (request) => {
    state.inFlight.add(request);
    state.lastChange = Date.now();
  });
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
}

/**
 * Waits (bounded) until the page has had no request in flight for `quietMs`. Counted from the page's
 * own requests rather than Playwright's 'networkidle': that one is a no-op after a hash navigation
 * (it fired once for the document) and never fires again once a sandboxed srcdoc iframe is attached
 * (the report preview), which cost 20 s per wait.
 */
export async function waitNetworkQuiet(page: Page, { quietMs = 300, timeoutMs = 10_000 } = {}) {
  const state = traffic.get(page);
  if (!state) {
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    return;
  }
  // quiet counted from the call too: requests a navigation starts a moment later are waited for
  const calledAt = Date.now();
  const until = calledAt + timeoutMs;
  while (Date.now() < until) {
    if (state.inFlight.size === 0 && Date.now() - Math.max(state.lastChange, calledAt) >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** signs in through the login page and waits for the dashboard */
export async function login(page: Page, username: string) {
  await page.goto('/#/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
  await page.locator('#main-content, main').first().waitFor();
}

/** full-page screenshot e2e/artifacts/<name>.png once the network is quiet */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await waitNetworkQuiet(page);
  await waitNoSpinner(page);
  // from the top, so react-admin's app bar (hidden while scrolled down) is on the picture
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** waits until react-admin's loading indicators are gone (short poll, bounded) */
export async function waitNoSpinner(page: Page, timeoutMs = 10_000) {
  await page
    .waitForFunction(() => !document.querySelector('.MuiLinearProgress-root, [data-testid="editor-loading"]'), undefined, {
      timeout: timeoutMs,
    })
    .catch(() => undefined);
}

/**
 * react-admin's English UI strings (from ra-language-english's messages): none may appear on a
 * Chinese screen. Matched as whole words, case-sensitive, in the visible text.
 */
export const ENGLISH_RA_STRINGS = [
  'Save',
  'Delete',
  'Export',
  'Rows per page',
  'No results found',
  'Loading',
  'Refresh',
  'Sign in',
  'Username',
  'Password',
  'Filter',
  'Add filter',
  'Create',
  'Edit',
  'Show',
  'List',
  'Cancel',
  'Confirm',
  'Search',
  'Logout',
  'Dashboard',
  'Go Back',
  'Not Found',
  'Access denied',
  'Please wait',
  'Clear filters',
  'Select all',
  'No data to display',
  'Are you sure?',
  'Required',
  'Profile',
  'Columns',
];

export function englishStringsIn(text: string): string[] {
  return ENGLISH_RA_STRINGS.filter((s) => {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^A-Za-z])${escaped}([^A-Za-z]|$)`).test(text);
  });
}

/**
 * asserts the page's visible text has no react-admin English string, and that no accessible name,
 * tooltip or placeholder is English words without Chinese (what a screen reader or a hover shows);
 * returns the text
 */
export async function expectChinese(page: Page, screen: string): Promise<string> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(englishStringsIn(text), `英文界面文字出现在「${screen}」页面`).toEqual([]);
  const attributes = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]')).flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) ?? '').filter(Boolean),
    ),
  );
  // an English word stands alone; hashes and ids (letters run into digits) are not words
  const english = attributes.filter((value) => /(^|[^A-Za-z0-9])[A-Za-z]{3,}([^A-Za-z0-9]|$)/.test(value) && !/[\u4e00-\u9fff]/.test(value));
  expect(english, `英文的无障碍名称、提示或占位文字出现在「${screen}」页面`).toEqual([]);
  expect(text, `「${screen}」页面没有中文`).toMatch(/[\u4e00-\u9fff]/);
  return text;
}

// ---- accessibility ----

export { axe, expectAxeClean, type AxeViolation } from './a11y';

// ---- the GraphQL API, for setup and for workflow steps without a screen ----

export interface GqlError {
  message: string;
  extensions?: { code?: string };
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GqlError[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  return body.data as T;
}

/**
 * An account an administrator just created has a one-time password: its owner replaces it at the first
 * login. Tests that need such an account as an ordinary user do that through the API and get on with
 * the password they chose.
 */
export async function replaceOneTimePassword(username: string, oneTime: string, own: string): Promise<void> {
  const data = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: oneTime });
  await gql('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }', { c: oneTime, n: own }, data.login.token);
}

const tokens = new Map<string, string>();
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const data = await gql<{ login: { token: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: DEMO_PASSWORD },
  );
  tokens.set(username, data.login.token);
  return data.login.token;
}

export interface ReportRow {
  id: string;
  year: number;
  status: string;
  revision: number;
  contentHash: string;
  agencyId: string;
  agency: { name: string; code: string };
}

/** the reports of one agency (by code), via the county admin */
export async function reportsOf(agencyCode: string): Promise<ReportRow[]> {
  const token = await tokenFor('admin');
  const agencies = await gql<{ agencies: { items: { id: string; code: string }[] } }>(
    'query { agencies(options: { take: 100 }) { items { id code } } }',
    {},
    token,
  );
  const agency = agencies.agencies.items.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(`没有单位 ${agencyCode}`);
  const data = await gql<{ reports: { items: ReportRow[] } }>(
    `query($a: ID!) { reports(filter: { agencyId: $a }, options: { take: 100 }) { items { id year status revision contentHash agencyId agency { name code } } } }`,
    { a: agency.id },
    token,
  );
  return data.reports.items;
}

export async function currentReportOf(agencyCode: string): Promise<ReportRow> {
  const rows = await reportsOf(agencyCode);
  const current = rows.sort((a, b) => b.year - a.year)[0];
  if (!current) throw new Error(`${agencyCode} 没有报告`);
  return current;
}

/** the bytes of a browser download (saved to a temporary folder, read, removed) */
export async function saved(download: Download): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-download-'));
  try {
    const file = path.join(dir, 'file');
    await download.saveAs(file);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
