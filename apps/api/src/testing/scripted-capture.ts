import type { CaptureClient } from '@pave/client';
import { exteriorCodes, isManualEntryCode, neededCodes, type CaptureState } from '@pave/domain';
import { makeSceneImage } from '../qa/test-images.js';

/**
 * Takes a session through a whole capture on its link, as a driver would: start, the VIN and the odometer typed, the
 * interior, windshield and tyres photographed (scene images seeded from `seed`), the eight exterior views skipped,
 * then confirm. Returns what the confirmation answered (`COMPLETE` unless something refused).
 */
export async function captureWholeSession(link: CaptureClient, seed: number): Promise<CaptureState> {
  await link.start();
  await link.manual({ photo_code: 1, value: '1HGCM82633A004352' });
  await link.manual({ photo_code: 3, value: '100945' });
  for (const code of neededCodes.filter((needed) => !isManualEntryCode(needed))) {
    const image = await makeSceneImage({ seed: seed + code });
    await link.upload(code, new Blob([new Uint8Array(image)], { type: 'image/jpeg' }));
  }
  for (const code of exteriorCodes) await link.skip(code);
  return link.confirm();
}
