/** axe-core over a console page, for the browser tests that check a screen's accessibility */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** WCAG 2.0/2.1 A and AA violations of the page (or of the part `selector` names) */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const target = sel ? (document.querySelector(sel) ?? document) : document;
    const result = await (window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(target, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target as string[] })) }));
  }, selector ?? null);
}

/** only the serious and critical ones, which a screen must not have */
export async function seriousViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  const all = await axeViolations(page, selector);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
