// Issue 15 in Chromium: how long after the phone gets an upload's answer the reviewer's page shows that attempt with
// its verdict, over a whole capture (12 photo uploads). The review page follows the session's event stream; it must
// not need a poll to show an attempt. The figures (every sample, p50, p95, max) are printed and saved as
// test-output/artifacts/live-latency.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPaveClient } from '@pave/client';
import { photoNameOf } from '@pave/domain';
import type { Page } from 'playwright-core';
import { artifactsDir } from './testing/artifacts.js';
import { describeInBrowser, desktopContext, phoneContext } from './testing/browser.js';
import { continueTo, openCapture, sendAcceptedPhoto, typeVin } from './testing/capture-page.js';
import { typedVin } from './testing/capture-plan.js';
import { phoneSteps } from './testing/phone-steps.js';
import { signIn } from './testing/review-page.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { makeSceneImage } from './testing/test-images.js';

/** The target for upload answer → attempt visible: p95 at most 1 s. */
const targetP95Ms = 1_000;

/**
 * The p95 this run must meet. A wall-clock bound fails on a loaded machine for reasons that are not the app's, so by
 * default the test checks the mechanism (no poll needed, the stream stays open) and reports the figures against the
 * target; `PAVE_E2E_LIVE_P95_MS=1000` makes the target itself a failure condition (a quiet machine, CI).
 */
const enforcedP95Ms = Number(process.env['PAVE_E2E_LIVE_P95_MS'] ?? Number.POSITIVE_INFINITY);

const streamingNote = 'Live: changes appear as they happen.';

type PaveWindow = Window & { paveUploadAnswers?: number[] };

/** Records, in the phone's page, when each upload's answer arrives (`Date.now()`, the clock the review page reads). */
async function recordUploadAnswers(phone: Page): Promise<void> {
  await phone.addInitScript(() => {
    const answers: number[] = [];
    (window as PaveWindow).paveUploadAnswers = answers;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const request = input instanceof Request ? input : null;
      const url = request ? request.url : String(input);
      const method = (request ? request.method : init?.method) ?? 'GET';
      const response = await original(input, init);
      if (method === 'POST' && /\/v1\/capture\/[^/]+\/photos\/\d+$/.test(new URL(url, location.href).pathname)) {
        answers.push(Date.now());
      }
      return response;
    };
  });
}

/** Resolves with the review page's `Date.now()` at the first moment the step's card shows one accepted attempt. */
async function whenCardShows(review: Page, title: string): Promise<number> {
  const handle = await review.waitForFunction(
    (cardTitle) => {
      const cards = document.querySelectorAll('[aria-label="Capture steps"] .step-card');
      for (const card of cards) {
        const text = card.textContent ?? '';
        const titled = card.querySelector('.step-card__title')?.textContent === cardTitle;
        if (titled && text.includes('Accepted') && text.includes('1 attempt')) return Date.now();
      }
      return false;
    },
    title,
    { polling: 10, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** The nearest-rank percentile of `samples`. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

describeInBrowser('live review latency', () => {
  const running = withServerAndBrowser();

  it('shows each uploaded attempt on the review page soon after the phone gets its answer, from the stream', async () => {
    const { server, browser } = running();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const { session_key: sessionKey, capture_url: captureUrl } = await client.sessions.create({
      session: { client_id: 'web-e2e-latency' },
    });
    const photoSteps = phoneSteps.filter((step) => step.code !== 1);
    const scenes = await Promise.all(photoSteps.map((step) => makeSceneImage({ seed: 500 + step.code })));
    const review = await (await browser.newContext(desktopContext)).newPage();
    const phone = await (await browser.newContext(phoneContext)).newPage();
    await recordUploadAnswers(phone);
    await review.goto(`${server.baseUrl}/sessions/${sessionKey}`);
    await signIn(review, server.admin, sessionKey);
    await review.getByText(streamingNote).waitFor();
    await openCapture(phone, captureUrl);
    await typeVin(phone, typedVin);
    const progressReads: string[] = [];
    review.on('request', (request) => {
      if (new URL(request.url()).pathname === `/v1/sessions/${sessionKey}/progress`) progressReads.push(request.url());
    });

    const samples: number[] = [];
    for (const [index, step] of photoSteps.entries()) {
      await continueTo(phone, step.title);
      const scene = scenes[index];
      if (!scene) throw new Error(`no scene for step ${step.step}`);
      const shown = whenCardShows(review, `${step.step}. ${photoNameOf(step.code)}`);
      await sendAcceptedPhoto(phone, scene);
      const shownAt = await shown;
      const answeredAt = await phone.evaluate(() => (window as PaveWindow).paveUploadAnswers?.at(-1) ?? Number.NaN);
      samples.push(shownAt - answeredAt);
      expect(await review.getByText(streamingNote).count()).toBe(1);
    }

    const figures = {
      uploads: samples.length,
      samplesMs: samples,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      maxMs: Math.max(...samples),
      targetP95Ms,
      progressReads: progressReads.length,
    };
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'live-latency.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.info(
      `upload answer → attempt visible on the review page, ${samples.length} uploads: p50 ${figures.p50Ms} ms, ` +
        `p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms (target p95 ≤ ${targetP95Ms} ms); samples ${samples.join(', ')}`,
    );
    expect(samples.every((sample) => Number.isFinite(sample))).toBe(true);
    // the stream brought every attempt: the page reads progress once per event, never a poll's worth more (a poll
    // would come only every 30 s while streaming, and each step was shown before one could)
    expect(samples.every((sample) => sample < 30_000)).toBe(true);
    expect(progressReads.length).toBeLessThanOrEqual(3 * samples.length);
    expect(figures.p95Ms).toBeLessThanOrEqual(enforcedP95Ms);
  }, 240_000);
});
