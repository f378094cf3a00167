/**
 * What the editor's input tests share: a preparer of their own for a demo agency whose draft no other
 * browser test writes to (so the tests do not depend on the order the files run in), opening that
 * draft in the editor, and waiting until autosave has stored everything typed.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentReportOf, gql, replaceOneTimePassword, tokenFor, waitNoSpinner, type ReportRow } from './support';

const ONE_TIME = 'Admin-Set-Input-2026';
const PASSWORD = 'Input-Tests-2026';
const created = new Map<string, string>();

/** creates (once per run) a 填报人 of the agency and returns the username */
export async function preparerOf(agencyCode: string): Promise<string> {
  const known = created.get(agencyCode);
  if (known) return known;
  const admin = await tokenFor('admin');
  const agencies = await gql<{ agencies: { items: { id: string; code: string }[] } }>(
    'query { agencies(options: { take: 100 }) { items { id code } } }',
    {},
    admin,
  );
  const agency = agencies.agencies.items.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(`没有单位 ${agencyCode}`);
  const username = `e2e.${agencyCode.replace(/^yanchi\./, '')}.${Date.now().toString(36)}`;
  await gql(
    'mutation($i: UserInput!) { createUser(input: $i) { id } }',
    { i: { username, displayName: '测试填报人', password: ONE_TIME, agencyId: agency.id, roles: ['AGENCY_PREPARER'] } },
    admin,
  );
  // the administrator's password is one-time: the preparer has chosen their own before the tests sign in
  await replaceOneTimePassword(username, ONE_TIME, PASSWORD);
  created.set(agencyCode, username);
  return username;
}

export async function loginAs(page: Page, username: string) {
  await page.goto('/#/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
}

/** signs in as the agency's own preparer and opens its open-cycle draft on the given tab */
export async function openDraftOf(page: Page, agencyCode: string, tab = 't3'): Promise<ReportRow> {
  const report = await currentReportOf(agencyCode);
  expect(report.status).toBe('DRAFT');
  await loginAs(page, await preparerOf(agencyCode));
  await page.goto(`/#/reports/${report.id}`);
  await openEditorTab(page, tab);
  return report;
}

export async function openEditorTab(page: Page, tab: string) {
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await waitNoSpinner(page);
  if (!(await page.getByTestId(`panel-${tab}`).isVisible())) await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(`panel-${tab}`).waitFor();
}

/** waits until autosave has stored every edit: a newer revision and a 已保存 state with nothing pending */
export async function waitAutosaved(page: Page, sinceRevision: number) {
  await page.waitForFunction(
    (rev) => {
      const editor = document.querySelector('[data-testid="report-editor"]');
      const state = document.querySelector('[data-testid="save-state"]')?.textContent ?? '';
      return Number(editor?.getAttribute('data-revision')) > rev && /已.*保存/.test(state) && !/未保存|正在/.test(state);
    },
    sinceRevision,
    { timeout: 30_000 },
  );
}

export async function revisionOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('report-editor').getAttribute('data-revision'));
}
