/**
 * Typing Chinese into the text sections (一、五、六) through Chromium's real input paths: a pinyin input
 * method's composition (Input.imeSetComposition, then Input.insertText to commit, over CDP), plain typing
 * with a pause between keys, and select-all + paste from the clipboard. What autosave stored — read back
 * after a reload — must be exactly what was typed: no pinyin letters left behind, no dropped or doubled
 * characters. Also prints how long the editor takes to offer its first input.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newContext, newPage, screenshot } from './support';
import { openDraftOf, openEditorTab, revisionOf, waitAutosaved } from './editor-support';

/** a draft no other browser test writes to */
const AGENCY = 'yanchi.dashuikeng';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** a pinyin IME: the composition grows letter by letter, then the chosen characters are committed */
async function imeType(cdp: CDPSession, pinyin: string, chosen: string) {
  for (let i = 1; i <= pinyin.length; i++) {
    const text = pinyin.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await pause(40);
  }
  await cdp.send('Input.insertText', { text: chosen });
  await pause(40);
}

const section = (page: Page, key: string) => page.locator(`textarea[data-section="${key}"]`);

async function clearSection(page: Page, key: string) {
  const box = section(page, key);
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  expect(await box.inputValue()).toBe('');
}

describe('文字部分的中文输入', () => {
  afterAll(closeBrowser);

  it('拼音输入法、逐键输入、全选粘贴后自动保存的文字与输入的一字不差', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      const page = await newPage(context);
      const started = Date.now();
      await openDraftOf(page, AGENCY, 't3');
      await page.locator('input[data-cell]').first().waitFor();
      console.log(`编辑器首个输入框：登录后 ${Date.now() - started} ms 内可输入（含登录）`);
      // the editor alone, loaded afresh (the console's bundle is cached, the report is fetched again)
      const reloadStarted = Date.now();
      await page.reload();
      await page.locator('input[data-cell]').first().waitFor({ timeout: 30_000 });
      const reloadMs = Date.now() - reloadStarted;
      const firstInput = await page.evaluate(() => Math.round(performance.now()));
      console.log(`编辑器首个输入框：刷新后 ${reloadMs} ms 出现（页面计时 ${firstInput} ms）`);

      const revision = await revisionOf(page);
      const cdp = await context.newCDPSession(page);

      // 一、总体情况: a pinyin input method, word by word
      await openEditorTab(page, 'overview');
      await clearSection(page, 'overview');
      const words: [string, string][] = [
        ['jinnian', '今年'],
        ['women', '我们'],
        ['gongkai', '公开'],
        ['le', '了'],
        ['zhengfu', '政府'],
        ['xinxi', '信息'],
      ];
      for (const [pinyin, chosen] of words) await imeType(cdp, pinyin, chosen);
      const overview = words.map(([, w]) => w).join('');
      expect(await section(page, 'overview').inputValue()).toBe(overview);

      // 五、存在的主要问题: plain typing, a key every 120 ms
      await openEditorTab(page, 'problems');
      await clearSection(page, 'problems');
      const typed = '手机号码和身份证号已删除，共3处。';
      await section(page, 'problems').pressSequentially(typed, { delay: 120 });
      expect(await section(page, 'problems').inputValue()).toBe(typed);

      // 六、其他需要报告的事项: some text, then select all and paste over it
      await openEditorTab(page, 'other');
      await clearSection(page, 'other');
      await section(page, 'other').pressSequentially('旧的内容', { delay: 50 });
      const pasted = '本年度未收取信息处理费。\n其他事项：无。';
      await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
      await section(page, 'other').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('ControlOrMeta+V');
      expect(await section(page, 'other').inputValue()).toBe(pasted);
      await screenshot(page, 'editor-text-pasted');

      // autosave stores it all; after a reload every section reads exactly as typed
      await waitAutosaved(page, revision);
      await page.reload();
      for (const [key, text] of [
        ['overview', overview],
        ['problems', typed],
        ['other', pasted],
      ] as const) {
        await openEditorTab(page, key);
        expect(await section(page, key).inputValue(), `${key} 保存后的文字`).toBe(text);
      }
      await openEditorTab(page, 'overview');
      await screenshot(page, 'editor-text-ime-saved');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
