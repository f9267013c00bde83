// A 12 MP photo taken upright on a phone: the capture app scales it down to what the server keeps (2560 px on the
// long side), turned upright, before it leaves the phone. The server's QA record of the attempt shows what arrived.
import { createPaveClient } from '@pave/client';
import { uploadLongSide } from '@pave/domain';
import sharp from 'sharp';
import { describeInBrowser, phoneContext } from './testing/browser.js';
import { openCapture, sendAcceptedPhoto } from './testing/capture-page.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { makeUprightPhoneImage } from './testing/test-images.js';

describeInBrowser('a 12 MP photo from the phone', () => {
  const running = withServerAndBrowser();

  it('goes up scaled to 2560 px, upright and without EXIF, and is judged as such', async () => {
    const { server, browser } = running();
    const photo = await makeUprightPhoneImage({ seed: 7 });
    const taken = await sharp(photo.buffer).metadata();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const session = await client.sessions.create({ session: { client_id: 'web-e2e-large-photo' } });
    const phone = await (await browser.newContext(phoneContext)).newPage();

    await openCapture(phone, session.capture_url);
    await sendAcceptedPhoto(phone, photo); // the VIN step takes a photo in either orientation

    const [step] = (await client.sessions.progress(session.session_key)).steps;
    const measures = step?.attempts[0]?.qa_measures ?? {};
    expect([taken.width, taken.height, taken.orientation]).toEqual([4000, 3000, 6]);
    // as uploaded: 1920×2560 pixels (upright), so no EXIF rotation was left for the server to apply
    expect([measures['originalWidth'], measures['originalHeight']]).toEqual([1920, uploadLongSide]);
    expect([measures['width'], measures['height'], measures['format']]).toEqual([1920, uploadLongSide, 'jpeg']);
    expect(measures['bytes']).toBeLessThan(photo.buffer.length);
  }, 90_000);
});
