/**
 * The public 信息公开 pages and the editor's downloads, in Chromium against the started product:
 * 盐池县文化旅游广电局 corrects its latest published report (through the API: correction, three
 * signatures, 保密审查, publication with a 更正说明); the public pages — home, year, the corrected
 * report, its superseded first version, statistics, open data — are read at desktop size and at
 * 390×844 with axe-core (no serious or critical violation), no CSP violation and no horizontal
 * scrolling on the phone; the report's files download from the page and its content hash matches
 * the canonical content; the preparer downloads DOCX/PDF/XLSX from the editor and copies the public
 * link. Screenshots in e2e/artifacts/gongkai-*.png and editor-downloads.png.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, closeBrowser, DEMO_PASSWORD, saved, expectChinese, gql, login, newContext, newPage, reportsOf, screenshot, tokenFor, waitNoSpinner } from './support';

const CORRECTION_NOTE = '更正第六部分的文字表述：补充说明本年度未收取信息处理费的依据。';
const CORRECTED_TEXT = '依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。';
const CHECK_KEYS = ['stateSecret', 'commercialSecret', 'privacy', 'nationalSecurity', 'publicSecurity', 'economicSecurity', 'socialStability'];

/** a download's bytes (the browser runs in its own process: saveAs copies the file over) */

interface Visit {
  name: string;
  path: string;
}

/** opens a public page, checks it (status, Chinese, axe, CSP, width on a phone) and screenshots it */
async function checkPage(page: Page & { errors: string[] }, visit: Visit, phone: boolean, cspViolations: string[]) {
  const response = await page.goto(visit.path);
  expect(response?.status(), visit.path).toBe(200);
  expect(await page.locator('script').count(), `${visit.name} 不应含脚本`).toBe(0);
  await expectChinese(page, visit.name);
  const violations = await axe(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (violations.length) console.log(`[axe] ${visit.name}${phone ? '（手机）' : ''}：${violations.map((v) => `${v.id}(${v.impact})`).join(', ')}`);
  expect(serious, `${visit.name}${phone ? '（手机）' : ''} 的 axe 严重问题`).toEqual([]);
  if (phone) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${visit.name} 在 390 像素宽的手机上不应横向滚动`).toBeLessThanOrEqual(390);
  }
  await screenshot(page, `gongkai-${visit.name}${phone ? '-phone' : ''}`);
  expect(cspViolations, `${visit.name} 的 CSP 违规`).toEqual([]);
  expect(page.errors).toEqual([]);
}

/** the report the test corrects: 文旅局's latest published report in the demo */
let report: { id: string; agencyId: string; year: number };
let revisions: Array<{ id: string; revisionNo: number; isCurrent: boolean; contentHash: string }>;

async function correct(): Promise<void> {
  const preparer = await tokenFor('wenlv.preparer');
  const id = report.id;
  await gql('mutation($id: ID!) { startCorrection(id: $id) { id } }', { id }, preparer);
  const state = await gql<{ report: { revision: number } }>('query($id: ID!) { report(id: $id) { revision } }', { id }, preparer);
  await gql(
    'mutation($id: ID!, $r: Int!, $input: ReportUpdateInput!) { updateReport(id: $id, expectedRevision: $r, input: $input) { id } }',
    { id, r: state.report.revision, input: { sections: [{ key: 'other', text: CORRECTED_TEXT }] } },
    preparer,
  );
  const check = await gql<{ report: { validation: { errors: { message: string }[]; warnings: { ruleId: string; explanation: string | null }[] } } }>(
    'query($id: ID!) { report(id: $id) { validation { errors { message } warnings { ruleId explanation } } } }',
    { id },
    preparer,
  );
  if (check.report.validation.errors.length) throw new Error(`更正后的报告有错误：${check.report.validation.errors.map((e) => e.message).join('；')}`);
  for (const w of check.report.validation.warnings.filter((w) => !w.explanation)) {
    await gql('mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "经核实，数据与台账一致") { id } }', { id, r: w.ruleId }, preparer);
  }
  const hash = (await gql<{ report: { contentHash: string } }>('query($id: ID!) { report(id: $id) { contentHash } }', { id }, preparer)).report.contentHash;
  // the signers have seen any open scanner findings (the 保密审查员 dismisses them below); leaders confirm with their own password (step-up)
  await gql('mutation($id: ID!, $h: String!) { submitReport(id: $id, contentHash: $h, acknowledgeFindings: true) { id } }', { id, h: hash }, preparer);
  const SIGN = 'mutation($id: ID!, $s: SignatureStage!, $h: String!, $p: String) { signReport(id: $id, stage: $s, contentHash: $h, password: $p, acknowledgeFindings: true) { id } }';
  await gql(SIGN, { id, s: 'REVIEW', h: hash, p: DEMO_PASSWORD }, await tokenFor('wenlv.reviewer'));
  await gql(SIGN, { id, s: 'APPROVE', h: hash, p: DEMO_PASSWORD }, await tokenFor('wenlv.approver'));
  const secrecy = await tokenFor('wenlv.secrecy');
  const findings = await gql<{ report: { confidentiality: { findings: { id: string; status: string }[] } } }>(
    'query($id: ID!) { report(id: $id) { confidentiality { findings { id status } } } }',
    { id },
    secrecy,
  );
  for (const f of findings.report.confidentiality.findings.filter((f) => f.status === 'OPEN')) {
    await gql('mutation($id: ID!) { dismissFinding(id: $id, reason: "经核对，属于已公开的单位信息，不涉密。") { id } }', { id: f.id }, secrecy);
  }
  await gql(
    'mutation($id: ID!, $h: String!, $input: ConfidentialityReviewInput!, $p: String) { saveConfidentialityReview(reportId: $id, contentHash: $h, input: $input, password: $p) { id } }',
    { id, h: hash, p: DEMO_PASSWORD, input: { checks: CHECK_KEYS.map((key) => ({ key, conclusion: 'PASS' })), conclusion: 'OPEN', disclosure: 'PROACTIVE', note: '经审查，可以公开。' } },
    secrecy,
  );
  await gql('mutation($id: ID!, $n: String) { publishReport(id: $id, correctionNote: $n) { id } }', { id, n: CORRECTION_NOTE }, preparer);
}

describe('公开页面（信息公开）与报告下载', () => {
  beforeAll(async () => {
    const own = (await reportsOf('yanchi.wenlv')).filter((r) => r.status === 'PUBLISHED').sort((a, b) => b.year - a.year)[0];
    if (!own) throw new Error('演示数据中文旅局应有已公开的年度报告');
    report = { id: own.id, agencyId: own.agencyId, year: own.year };
    await correct();
    const data = await gql<{ report: { revisions: typeof revisions } }>(
      'query($id: ID!) { report(id: $id) { revisions { id revisionNo isCurrent contentHash } } }',
      { id: report.id },
      await tokenFor('wenlv.preparer'),
    );
    revisions = data.report.revisions;
    expect(revisions.map((r) => [r.revisionNo, r.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
  }, 120_000);

  afterAll(async () => {
    await closeBrowser();
  });

  for (const phone of [false, true]) {
    it(`首页、年度、报告（含更正说明和旧版本）、统计、开放数据：axe 无严重问题${phone ? '，390×844 手机上不横向滚动' : ''}`, async () => {
      const context = await newContext(phone ? { width: 390, height: 844, mobile: true } : {});
      const cspViolations: string[] = [];
      try {
        const page = await newPage(context);
        page.on('console', (m) => {
          if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
        });
        const current = revisions.find((r) => r.isCurrent)!;
        const first = revisions.find((r) => !r.isCurrent)!;
        const visits: Visit[] = [
          { name: 'home', path: '/gongkai/' },
          { name: 'year', path: `/gongkai/years/${report.year}` },
          { name: 'report', path: `/gongkai/reports/${current.id}` },
          { name: 'superseded', path: `/gongkai/reports/${first.id}` },
          { name: 'statistics', path: `/gongkai/statistics/${report.year}` },
          { name: 'open-data', path: '/gongkai/open-data' },
        ];
        for (const visit of visits) await checkPage(page, visit, phone, cspViolations);

        // the corrected report: its note, its hash, the link to the first version
        await page.goto(`/gongkai/reports/${current.id}`);
        expect(await page.getByRole('heading', { name: '更正说明' }).isVisible()).toBe(true);
        expect(await page.locator('.notice.correction').innerText()).toContain(CORRECTION_NOTE);
        expect(await page.getByTestId('content-hash').innerText()).toBe(current.contentHash);
        expect(await page.locator('.touming-report').innerText()).toContain(CORRECTED_TEXT);
        await page.goto(`/gongkai/reports/${first.id}`);
        expect(await page.locator('.notice.superseded').innerText()).toContain('本版本已被更正');
      } finally {
        await context.close();
      }
    }, 180_000);
  }

  it('从公开页面下载 DOCX、PDF 和规范化内容，规范化内容的 SHA-256 即页面上的哈希值', async () => {
    const context = await newContext({ width: 390, height: 844, mobile: true });
    try {
      const page = await newPage(context);
      const current = revisions.find((r) => r.isCurrent)!;
      await page.goto(`/gongkai/reports/${current.id}`);
      for (const [name, ext, magic] of [
        ['Word 文档（DOCX）', 'docx', 'PK'],
        ['PDF 文档', 'pdf', '%PDF'],
        ['规范化内容文件（JSON）', 'json', '{'],
      ] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
        const bytes = await saved(download);
        expect(bytes.subarray(0, magic.length).toString('latin1'), ext).toBe(magic);
        expect(download.suggestedFilename()).toContain(`${report.year}年政府信息公开工作年度报告`);
        if (ext === 'json') expect(createHash('sha256').update(bytes).digest('hex')).toBe(await page.getByTestId('content-hash').innerText());
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('填报人在编辑器中下载当前稿与各公开版本（DOCX、PDF、XLSX），并复制公开链接', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    try {
      const page = await newPage(context);
      await login(page, 'wenlv.preparer');
      await page.goto(`/#/reports/${report.id}`);
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      await page.getByTestId('download-button').click();
      await page.getByTestId('download-menu').getByRole('menuitem').first().waitFor();
      await screenshot(page, 'editor-downloads', { fullPage: false });
      await expectChinese(page, '编辑器下载菜单');
      const files: Array<[string, string]> = [
        ['download-current-docx', 'PK'],
        ['download-revision-1-pdf', '%PDF'],
        ['download-revision-2-xlsx', 'PK'],
      ];
      // The menu fades out after each choice; open it afresh only once it has gone, and click an item
      // only once it is visible, or the click lands on an element being detached.
      await page.keyboard.press('Escape');
      for (const [testid, magic] of files) {
        await page.getByTestId('download-menu').waitFor({ state: 'hidden' });
        await page.getByTestId('download-button').click();
        await page.getByTestId(testid).waitFor({ state: 'visible' });
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testid).click()]);
        const bytes = await saved(download);
        expect(bytes.subarray(0, magic.length).toString('latin1'), testid).toBe(magic);
        expect(path.extname(download.suggestedFilename())).toBe(`.${testid.split('-').at(-1)}`);
        await page.getByTestId('download-button').filter({ hasText: '下载' }).waitFor();
      }
      expect(await page.locator('.MuiSnackbarContent-message, [role="alert"]').filter({ hasText: /失败|错误/ }).count()).toBe(0);

      await page.getByTestId('copy-public-link').click();
      const current = revisions.find((r) => r.isCurrent)!;
      const expected = `${baseUrl()}/gongkai/reports/${current.id}`;
      const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(async () => page.getByTestId('public-link-text').inputValue());
      expect(copied).toBe(expected);
      const reader = await newPage(context);
      await reader.goto(copied);
      expect(await reader.locator('h1').innerText()).toContain(`盐池县文化旅游广电局${report.year}年政府信息公开工作年度报告`);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
