/**
 * axe-core over a console page, for the browser tests that check a screen's accessibility. Injected
 * through the DevTools protocol (page.evaluate), so the page's CSP does not stop it.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; summary?: string }>;
}

export interface AxeOptions {
  /** only the part of the page this selector names (the whole page when it matches nothing) */
  selector?: string;
  /** axe's best-practice rules as well as WCAG 2.0/2.1 A and AA */
  bestPractice?: boolean;
}

/**
 * Waits (at most 5 s) until every finite animation and CSS transition of the page has ended. A MUI
 * dialog fades in over 225 ms; axe run during the fade measures its half-transparent buttons and
 * reports a contrast the user never sees once the dialog is open (CI failed on exactly that: 4.14:1
 * for a button that is 7:1 when shown). Spinners run forever and are left out.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page
    .evaluate(async () => {
      const finite = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
      const ended = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    })
    .catch(() => undefined); // a navigation in between: axe then runs on the page as it is
}

/** axe's violations of the page once its transitions have ended */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  await settleAnimations(page);
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ selector, bestPractice }) => {
      const target = selector ? (document.querySelector(selector) ?? document) : document;
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(bestPractice ? ['best-practice'] : [])];
      const result = await (window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(target, {
        runOnly: { type: 'tag', values: tags },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, summary: (n as { failureSummary?: string }).failureSummary?.slice(0, 200) })),
      }));
    },
    { selector: options.selector ?? null, bestPractice: options.bestPractice ?? false },
  );
}

/** axe over the whole page with the best-practice rules too */
export function axe(page: Page): Promise<AxeViolation[]> {
  return axeViolations(page, { bestPractice: true });
}

const isSerious = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

/** only the serious and critical ones, which a screen must not have */
export async function seriousViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  return (await axeViolations(page, { selector })).filter(isSerious);
}

/** no serious or critical axe violation on the page as it is now; the others are printed */
export async function expectAxeClean(page: Page, screen: string): Promise<AxeViolation[]> {
  const violations = await axe(page);
  if (violations.length) console.log(`[axe] ${screen}：${violations.map((v) => `${v.id}(${v.impact}, ${v.nodes.length})`).join(', ')}`);
  expect(violations.filter(isSerious), `「${screen}」的 axe 严重问题`).toEqual([]);
  return violations;
}
