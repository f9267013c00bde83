import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** An axe-core violation as the tests report it: the rule, its impact and where it was found. */
export type AxeViolation = {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
};

/** The impacts that fail a page. */
const blockingImpacts: ReadonlySet<string> = new Set(['serious', 'critical']);

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

/** The violations with a serious or critical impact: what fails a page. */
export function blockingViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact !== null && blockingImpacts.has(violation.impact));
}

/** One line per violation, for failure messages and the log. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.targets.slice(0, 5).join(', ')})`)
    .join('\n');
}

/** Scans the page and fails with the list of serious and critical violations; prints the minor ones. */
export async function expectNoBlockingViolations(page: Page, name: string): Promise<void> {
  const violations = await scanPage(page);
  const blocking = blockingViolations(violations);
  const minor = violations.filter((violation) => !blocking.includes(violation));
  if (minor.length > 0) console.info(`axe on ${name}, minor or moderate:\n${describeViolations(minor)}`);
  if (blocking.length > 0) {
    throw new Error(`axe found serious or critical violations on ${name}:\n${describeViolations(blocking)}`);
  }
}

/**
 * Scans the page and fails on any violation at all, whatever its impact (minor and moderate included): the capture
 * app's screens are held to zero (issue 18).
 */
export async function expectNoViolations(page: Page, name: string): Promise<void> {
  const violations = await scanPage(page);
  if (violations.length > 0) throw new Error(`axe found violations on ${name}:\n${describeViolations(violations)}`);
}
