/**
 * Separation of powers in the console. Uses 盐池县自然资源局 (yanchi.ziran), whose open-year
 * report no other browser test touches (APPROVED in the demo), and accounts made here by the county
 * administrator:
 * - a new 主要领导 signs in with the password the administrator gave: the change form comes first
 *   (nothing else is allowed until done), in Chinese;
 * - a 分管领导 signs again after a return: the sign dialog shows 与上次签署版本对比 (the text changed
 *   since their last signature) and asks for their own password; a wrong one is a Chinese error;
 * - the new 主要领导 signs with their password, and the signature list names it as made by an account
 *   the administrator created days ago.
 * Screenshots: stepup-forced-change, stepup-sign-diff, stepup-wrong-password, stepup-admin-grant.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeBrowser,
  currentReportOf,
  expectAxeClean,
  expectChinese,
  gql,
  newContext,
  newPage,
  replaceOneTimePassword,
  screenshot,
  tokenFor,
  waitNoSpinner,
} from './support';

const ONE_TIME = 'Given-By-Office-2026';
const OWN = 'Mine-And-Only-Mine-27';
const suffix = Date.now().toString(36);
const names = { preparer: `ziran.p.${suffix}`, reviewer: `ziran.r.${suffix}`, approver: `ziran.a.${suffix}` };
const CHANGED_TEXT = '本年度未收取信息处理费。经复核，本报告数据已与业务系统核对一致。';

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/#/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
}

async function openReport(page: Page, id: string) {
  await page.goto(`/#/reports/${id}`);
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await page.getByTestId('workflow-panel').waitFor({ timeout: 30_000 });
  await waitNoSpinner(page);
}

describe('签署须本人密码、一次性密码、管理员近期创建的签署账号', () => {
  let reportId: string;
  let tokens: Record<'preparer' | 'reviewer', string>;

  const login = async (u: string, p: string) =>
    (await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u, p })).login.token;
  const state = async () =>
    (await gql<{ report: { contentHash: string; status: string; validation: { warnings: { ruleId: string }[] } } }>(
      'query($id: ID!) { report(id: $id) { contentHash status validation { warnings { ruleId } } } }',
      { id: reportId },
      tokens.preparer,
    )).report;
  const editAndSubmit = async (text: string) => {
    const { report } = await gql<{ report: { revision: number } }>('query($id: ID!) { report(id: $id) { revision } }', { id: reportId }, tokens.preparer);
    await gql('mutation($id: ID!, $r: Int!, $t: String!) { updateReport(id: $id, expectedRevision: $r, input: { sections: [{ key: "other", text: $t }] }) { id } }', { id: reportId, r: report.revision, t: text }, tokens.preparer);
    for (const ruleId of new Set((await state()).validation.warnings.map((w) => w.ruleId))) {
      await gql('mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "已核实，情况属实") { id } }', { id: reportId, r: ruleId }, tokens.preparer);
    }
    await gql('mutation($id: ID!, $h: String!) { submitReport(id: $id, contentHash: $h) { id } }', { id: reportId, h: (await state()).contentHash }, tokens.preparer);
  };

  beforeAll(async () => {
    const admin = await tokenFor('admin');
    const { agencies } = await gql<{ agencies: { items: { id: string; code: string }[] } }>('{ agencies(options: { take: 100 }) { items { id code } } }', {}, admin);
    const ziran = agencies.items.find((a) => a.code === 'yanchi.ziran')!;
    const create = (username: string, displayName: string, role: string) =>
      gql('mutation($i: UserInput!) { createUser(input: $i) { id } }', { i: { username, displayName, password: ONE_TIME, agencyId: ziran.id, roles: [role] } }, admin);
    await create(names.preparer, '自然资源局填报人', 'AGENCY_PREPARER');
    await create(names.reviewer, '自然资源局分管领导', 'AGENCY_REVIEWER');
    await create(names.approver, '自然资源局新任局长', 'AGENCY_APPROVER');
    // the preparer and the reviewer have already chosen their own passwords; the approver signs in below
    await replaceOneTimePassword(names.preparer, ONE_TIME, OWN);
    await replaceOneTimePassword(names.reviewer, ONE_TIME, OWN);
    tokens = { preparer: await login(names.preparer, OWN), reviewer: await login(names.reviewer, OWN) };
    reportId = (await currentReportOf('yanchi.ziran')).id;

    // a round the reviewer signs, then returns; the preparer changes the text and submits again
    await gql('mutation($id: ID!) { returnReport(id: $id, comment: "请补充第六部分") { id } }', { id: reportId }, admin);
    await editAndSubmit('本年度未收取信息处理费。');
    await gql(
      'mutation($id: ID!, $h: String!, $p: String) { signReport(id: $id, stage: REVIEW, contentHash: $h, password: $p) { id } }',
      { id: reportId, h: (await state()).contentHash, p: OWN },
      tokens.reviewer,
    );
    await gql('mutation($id: ID!) { returnReport(id: $id, comment: "请写明数据核对情况") { id } }', { id: reportId }, admin);
    await editAndSubmit(CHANGED_TEXT);
  });
  afterAll(closeBrowser);

  it('分管领导签署：与上次签署版本对比，须输入本人密码，密码错误时中文提示', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await signIn(page, names.reviewer, OWN);
      await openReport(page, reportId);
      await page.getByTestId('sign-button').first().click();
      const diff = page.getByTestId('sign-diff');
      await diff.getByTestId('sign-diff-section').first().waitFor({ timeout: 20_000 });
      expect(await diff.innerText()).toContain('您上次签署的版本');
      expect(await diff.innerText()).toContain('经复核，本报告数据已与业务系统核对一致');
      expect(await page.getByTestId('sign-confirm').isDisabled()).toBe(true);
      await screenshot(page, 'stepup-sign-diff', { fullPage: false });
      await expectChinese(page, '签署对话框');
      await expectAxeClean(page, '签署对话框');

      await page.getByTestId('stepup-password').fill('not-my-password');
      await page.getByTestId('sign-confirm').click();
      await page.getByTestId('sign-error').waitFor();
      expect(await page.getByTestId('sign-error').innerText()).toContain('密码不正确');
      await page.getByTestId('sign-error').scrollIntoViewIfNeeded();
      await screenshot(page, 'stepup-wrong-password', { fullPage: false });

      await page.getByTestId('stepup-password').fill(OWN);
      await page.getByTestId('sign-confirm').click();
      await page.getByTestId('sign-confirm').waitFor({ state: 'detached' });
      await expect.poll(async () => (await state()).status).toBe('REVIEWED');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('管理员设置的一次性密码：登录后先修改密码；签署后显示“该签署账号由管理员于…创建”', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await signIn(page, names.approver, ONE_TIME);
      await page.getByTestId('password-forced').waitFor({ timeout: 20_000 });
      expect(page.url()).toContain('#/password');
      await screenshot(page, 'stepup-forced-change');
      await expectChinese(page, '首次登录修改密码');
      await expectAxeClean(page, '首次登录修改密码');
      await page.getByTestId('password-current').fill(ONE_TIME);
      await page.getByTestId('password-new').fill(OWN);
      await page.getByTestId('password-repeat').fill(OWN);
      await page.getByTestId('password-submit').click();
      await page.waitForURL((url) => !url.hash.startsWith('#/password'), { timeout: 20_000 });

      await openReport(page, reportId);
      await page.getByTestId('sign-button').first().click();
      await page.getByTestId('sign-diff').waitFor();
      await page.getByTestId('stepup-password').fill(OWN);
      await page.getByTestId('sign-confirm').click();
      await page.getByTestId('sign-confirm').waitFor({ state: 'detached' });
      const warnings = page.getByTestId('admin-grant-warnings');
      await warnings.waitFor({ timeout: 20_000 });
      expect(await warnings.innerText()).toMatch(/自然资源局新任局长.*该签署账号由管理员于 \d{4}-\d{2}-\d{2} 创建/s);
      // the 分管领导 account was made by the administrator too
      expect(await warnings.innerText()).toContain('自然资源局分管领导');
      await warnings.scrollIntoViewIfNeeded();
      await screenshot(page, 'stepup-admin-grant', { fullPage: false });
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
