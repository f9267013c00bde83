// Issue 6, end to end: a driver captures a whole session on a phone while a reviewer watches it live on a
// desktop, both in Chromium against the built API serving the built web app. The tests run in order on one
// scenario (one server, browser and session); each picks up where the previous one stopped.
import { readFile } from 'node:fs/promises';
import { photoLabelOf, SessionPhotos } from '@pave/domain';
import { saveScreenshot } from './testing/artifacts.js';
import { expectNoViolations } from './testing/axe-scan.js';
import { describeInBrowser } from './testing/browser.js';
import {
  continueTo,
  horizontalOverflow,
  openCapture,
  openStepFromOverview,
  sendAcceptedPhoto,
  sendRejectedPhoto,
  skipStep,
  typeVin,
} from './testing/capture-page.js';
import { acceptedAtOnce, contractFields, expectedAttempts, expectedSummary, typedVin } from './testing/capture-plan.js';
import {
  countSessionRequests,
  liveTimeoutMs,
  markWindow,
  signIn,
  statusBadge,
  stepCard,
  thumbnailWidths,
  waitForCard,
  waitForStatus,
  wasReloaded,
} from './testing/review-page.js';
import { closeScenario, createScenario, scenarioStep, type Scenario } from './testing/scenario.js';
import { signedGet } from './testing/signed-get.js';
import { zipEntryNames } from './testing/zip-entries.js';

let scenario: Scenario | undefined;
const current = (): Scenario => {
  if (!scenario) throw new Error('the scenario did not start (see beforeAll)');
  return scenario;
};

describeInBrowser('capture on a phone, live review on a desktop', () => {
  beforeAll(async () => {
    scenario = await createScenario();
  }, 60_000);

  afterAll(() => closeScenario(scenario));

  it(
    'signs the reviewer in on the session page; the sign-in form passes axe',
    scenarioStep(current, { name: 'sign-in', after: null }, async ({ review, server, sessionKey }) => {
      await review.goto(`${server.baseUrl}/sessions/${sessionKey}`);
      await review.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectNoViolations(review, 'the sign-in page');
      await signIn(review, server.admin, sessionKey);
      await markWindow(review);

      expect(await statusBadge(review, 'IDLE').textContent()).toBe('Created (IDLE)');
      expect(await stepCard(review, 2, 'Interior').textContent()).toContain('Pending');
    }),
  );

  it(
    'captures VIN (typed) and Interior (Too Dark, then retaken) while the reviewer sees each attempt live',
    scenarioStep(current, { name: 'interior', after: 'sign-in' }, async ({ review, phone, captureUrl, images }) => {
      await openCapture(phone, captureUrl);
      await waitForStatus(review, 'STARTED');
      await typeVin(phone, typedVin);
      await waitForCard(stepCard(review, 1, 'VIN'), ['Entered manually', '1 attempt']);
      await continueTo(phone, 'Interior');

      await sendRejectedPhoto(phone, images.dark, 'Too Dark');
      const shownAfterMs = await waitForCard(stepCard(review, 2, 'Interior'), ['Rejected', 'Reason: Too Dark']);
      console.info(`the rejected Interior showed on the review page ${shownAfterMs} ms after the phone's verdict`);
      // the card says which check failed, and a screen reader is told politely
      // (the failed checks' code is loaded when the first rejected card shows)
      await stepCard(review, 2, 'Interior')
        .getByText(/Brightness [\d.]+, needs 45 to 215/)
        .waitFor();
      await review
        .locator('[aria-live="polite"]')
        .filter({ hasText: 'Interior: rejected, Too Dark' })
        .waitFor({ state: 'attached', timeout: liveTimeoutMs });
      expect(await horizontalOverflow(phone)).toBe(0);
      await saveScreenshot(phone, 'phone-interior-too-dark');
      await saveScreenshot(review, 'review-interior-rejected');
      await expectNoViolations(phone, 'the capture page showing a rejection');
      await expectNoViolations(review, 'the session page during capture');

      await sendAcceptedPhoto(phone, images.scene(2));
      await waitForCard(stepCard(review, 2, 'Interior'), ['Accepted', '2 attempts']);
      await continueTo(phone, 'Odometer (instrument cluster)');
    }),
  );

  it(
    'captures Cluster and the exterior views: Left after a Wrong Orientation, Rear after a Blurry Image',
    scenarioStep(current, { name: 'exteriors', after: 'interior' }, async ({ review, phone, images }) => {
      await sendAcceptedPhoto(phone, images.scene(3));
      await continueTo(phone, 'Left side');
      await sendRejectedPhoto(phone, images.portrait, 'Wrong Orientation');
      await waitForCard(stepCard(review, 4, 'Left'), ['Rejected', 'Reason: Wrong Orientation']);
      await sendAcceptedPhoto(phone, images.scene(4));
      for (const [code, title] of acceptedAtOnce) {
        await continueTo(phone, title);
        await sendAcceptedPhoto(phone, images.scene(code));
      }
      await continueTo(phone, 'Rear');
      await sendRejectedPhoto(phone, images.blurred, 'Blurry Image');
      await waitForCard(stepCard(review, 10, 'Rear'), ['Rejected', 'Reason: Blurry Image']);
      await sendAcceptedPhoto(phone, images.scene(8));
      await continueTo(phone, 'Rear left corner');

      // Windshield and Tires are not in yet: the rules do not allow a skip
      expect(await phone.getByRole('button', { name: 'Skip this view' }).count()).toBe(0);
      await waitForCard(stepCard(review, 4, 'Left'), ['Accepted', '2 attempts']);
      await waitForCard(stepCard(review, 10, 'Rear'), ['Accepted', '2 attempts']);
    }),
  );

  it(
    'captures Windshield and Tyres from the step list, then may skip Rear_Left, and submits: COMPLETE',
    scenarioStep(current, { name: 'complete', after: 'exteriors' }, async ({ review, phone, images }) => {
      await openStepFromOverview(phone, 12, 'Windshield');
      await sendAcceptedPhoto(phone, images.scene(9));
      // Next goes forward only: Tyres, then the views left behind are gathered at the end
      await continueTo(phone, 'Tyres');
      await sendAcceptedPhoto(phone, images.scene(6));
      await phone.getByRole('button', { name: 'Next', exact: true }).click();
      await phone.getByRole('heading', { level: 2, name: '1 photo still needed' }).waitFor();
      await phone.getByRole('button', { name: /^11\. Rear left corner / }).click();
      await skipStep(phone);

      await phone.getByRole('heading', { level: 2, name: 'Check and send' }).waitFor();
      expect(await phone.getByRole('list', { name: 'All steps' }).getByRole('listitem').allTextContents()).toEqual(
        expectedSummary,
      );
      expect(await horizontalOverflow(phone)).toBe(0);
      await saveScreenshot(phone, 'phone-summary');
      await expectNoViolations(phone, 'the capture summary');
      await waitForStatus(review, 'QC_PASSED');

      await phone.getByRole('button', { name: 'Submit inspection' }).click();
      await phone.getByRole('heading', { level: 2, name: 'Inspection sent' }).waitFor();
      await saveScreenshot(phone, 'phone-complete');
      await expectNoViolations(phone, 'the "Inspection sent" page');
      await waitForStatus(review, 'COMPLETE');
    }),
  );

  it(
    'stops polling once COMPLETE, was never reloaded, shows every thumbnail, and passes axe',
    scenarioStep(current, { name: 'final-grid', after: 'complete' }, async ({ review, sessionKey, pageErrors }) => {
      const requests = countSessionRequests(review, sessionKey);

      await review.getByText('Final: no more updates.').waitFor();
      await review.waitForTimeout(5_000); // two and a half polling periods
      expect(requests()).toBe(0);
      expect(await wasReloaded(review)).toBe(false);
      expect(await statusBadge(review, 'COMPLETE').textContent()).toBe('Complete (COMPLETE)');
      expect(await stepCard(review, 11, 'Rear_Left').textContent()).toContain('Skipped');
      // every step but the typed VIN and the skipped view shows its latest photo's 320-px thumbnail
      expect(await thumbnailWidths(review)).toEqual(Array.from({ length: 11 }, () => 320));
      await saveScreenshot(review, 'review-grid-complete');
      await expectNoViolations(review, 'the session page, complete');
      expect(pageErrors).toEqual([]);
    }),
  );

  it(
    "opens a step's attempt timeline: Interior, rejected Too Dark then accepted",
    scenarioStep(current, { name: 'timeline', after: 'complete' }, async ({ review }) => {
      await stepCard(review, 2, 'Interior').click();

      await review.getByRole('heading', { level: 2, name: 'Step 2: Interior' }).waitFor();
      // the list's own items: each attempt holds a list of its QA checks
      const attempts = review.getByRole('list', { name: 'Attempts of Interior' }).locator(':scope > li');
      const texts = await attempts.allTextContents();
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain('Reason: Too Dark (too_dark)');
      expect(texts[0]).toMatch(/Brightness [\d.]+, needs 45 to 215 ✗\(failed\)/);
      expect(texts[1]).toMatch(/Sharpness [\d.]+, needs 60 ✓\(passed\)/);
      expect(texts[0]).toContain('superseded by a retake');
      expect(texts[1]).toContain('Accepted');
      expect(new URL(review.url()).searchParams.get('step')).toBe('2');
      await saveScreenshot(review, 'review-timeline-interior');
      await expectNoViolations(review, 'the session page with a timeline open');
    }),
  );

  it(
    'zooms and pans a photo in the lightbox by keys, wheel and drag, and links its original; axe clean',
    scenarioStep(current, { name: 'lightbox', after: 'timeline' }, async ({ review }) => {
      await review.getByRole('button', { name: 'View attempt 2 of Interior full size' }).click();
      const dialog = review.getByRole('dialog');
      const image = dialog.getByRole('img');
      await image.waitFor();
      const transform = () => image.evaluate((element) => (element as HTMLElement).style.transform);

      await review.keyboard.press('+');
      expect(await transform()).toBe('translate(0px, 0px) scale(1.5)');
      const box = await image.boundingBox();
      if (!box) throw new Error('the lightbox image has no box');
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await review.mouse.move(centre.x, centre.y);
      await review.mouse.down();
      await review.mouse.move(centre.x - 40, centre.y - 30, { steps: 4 });
      await review.mouse.up();
      expect(await transform()).toBe('translate(-40px, -30px) scale(1.5)');
      await review.mouse.wheel(0, -200);
      await review.waitForFunction(
        () => !document.querySelector('.lightbox__image')?.getAttribute('style')?.includes('scale(1.5)'),
      );
      await review.keyboard.press('0');
      expect(await transform()).toBe('translate(0px, 0px) scale(1)');

      const original = dialog.getByRole('link', { name: 'Download original' });
      expect(await original.getAttribute('href')).toBe(await image.getAttribute('src'));
      await review.keyboard.press('+');
      await saveScreenshot(review, 'review-lightbox-zoomed');
      await expectNoViolations(review, 'the lightbox, zoomed');
      await review.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }),
  );

  it(
    'downloads every stored photo as one ZIP from the session page, with the sign-in cookie alone',
    scenarioStep(current, { name: 'zip', after: 'complete' }, async ({ review, server, sessionKey }) => {
      const [download] = await Promise.all([
        review.waitForEvent('download'),
        review.getByRole('link', { name: 'Download all photos (ZIP)' }).click(),
      ]);
      const names = zipEntryNames(await readFile(await download.path()));

      expect(download.suggestedFilename()).toBe(`${sessionKey}-photos.zip`);
      const photos = SessionPhotos.parse(
        (await signedGet(server.baseUrl, server.account, `/v1/sessions/${sessionKey}/photos`)).json,
      );
      // every attempt with a stored image: not the typed VIN (a default image) nor the skipped view (none)
      const stored = photos.filter((photo) => photo.url !== null && !photo.url.includes('/images/default/'));
      expect(names.map((name) => name.replace(/^\d+-/, ''))).toEqual(
        stored.map((photo) => `${photo.photo_label}-${photo.approved ? 'accepted' : 'rejected'}.jpg`),
      );
    }),
  );

  it(
    'answers GET /v1/sessions/:key/photos with every attempt in capture order, in the 7 contract fields',
    scenarioStep(current, { name: 'photos', after: 'complete' }, async ({ server, sessionKey }) => {
      const answer = await signedGet(server.baseUrl, server.account, `/v1/sessions/${sessionKey}/photos`);

      expect(answer.status).toBe(200);
      const photos = SessionPhotos.parse(answer.json);
      expect(photos.map((photo) => [photo.photo_code, photo.approved_message])).toEqual(expectedAttempts);
      for (const element of answer.json as object[]) expect(Object.keys(element)).toEqual(contractFields);
      expect(photos.every((photo) => photo.photo_label === photoLabelOf(photo.photo_code))).toBe(true);
      expect(photos.filter((photo) => photo.url === null)).toEqual([
        expect.objectContaining({ photo_code: 13, approved: false, approved_message: 'REJECTED: Skipped' }),
      ]);
      expect(photos[0]?.url).toBe(`${server.baseUrl}/images/default/1.jpg`);
      const createdAt = photos.map((photo) => photo.created_at);
      expect(createdAt).toEqual([...createdAt].sort());
      // the superseded Interior attempt was last changed by its retake
      expect(photos[1]?.updated_at).toBe(photos[2]?.created_at);
      const image = await fetch(photos[2]?.url ?? '');
      expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    }),
  );
});
