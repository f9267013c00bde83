import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where screenshots go: apps/web-e2e/test-output/artifacts (test-output is gitignored). */
export const artifactsDir = join(__dirname, '..', '..', 'test-output', 'artifacts');

/** Empties the artifacts folder, so that it holds only this run's screenshots. */
export function clearArtifacts(): void {
  rmSync(artifactsDir, { recursive: true, force: true });
}

/** Saves a full-page screenshot as `<name>.png`, prints its path and returns it. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.info(`screenshot: ${file}`);
  return file;
}
