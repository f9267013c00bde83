import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** An axe-core violation as the tests report it: the rule, its impact and where it was found. */
export type AxeViolation = {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
};

/**
 * Runs axe-core (WCAG 2 A and AA, plus best practices) over the page as it is now and returns every violation.
 * axe is injected into the page each time (a no-op when it is already there), past the page's CSP.
 */
export async function scanPage(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // evaluated through the DevTools protocol, not as an inline <script>: the app's CSP forbids inline scripts
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** One line per violation, for failure messages and the log. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.targets.slice(0, 5).join(', ')})`)
    .join('\n');
}

/** Scans the page and fails with the list of its violations, of any impact (minor ones included). */
export async function expectNoViolations(page: Page, name: string): Promise<void> {
  const violations = await scanPage(page);
  if (violations.length > 0) throw new Error(`axe found violations on ${name}:\n${describeViolations(violations)}`);
}
