/**
 * Runs axe-core in a page and returns its violations as short strings. The
 * script is evaluated rather than added as a tag, because extension pages'
 * content security policy refuses inline scripts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | null = null;

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

/** The violations axe-core (WCAG 2.1 A and AA rules) finds in the page, as "rule (impact): targets". */
export async function runAxe(page: Page): Promise<string[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const code = await source;
  await page.evaluate(code);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return result.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.targets.slice(0, 5).join(' ')}`);
}
