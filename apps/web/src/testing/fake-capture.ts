import { PaveApiError, type CaptureClient } from '@pave/client';
import type { PhotoCode, QaReasonCode } from '@pave/domain';
import { buildAttempt } from './build-attempt.js';
import type { FakeContext } from './fake-client.js';

type Judge = (photoCode: PhotoCode, image: Blob) => QaReasonCode | null;

function refuseSkip(): never {
  throw new PaveApiError(409, { message: 'This view cannot be skipped now.', code: 'not_skippable' });
}

/** The fake `capture` group: start, get, upload (judged by `judge`), manual, skip (per may_skip), confirm. */
export function createFakeCapture({ backend, call, recordOf, accepting }: FakeContext, judge: Judge): CaptureClient {
  let uploads = 0;
  const judged = (photoCode: PhotoCode, image: Blob) => {
    uploads += 1;
    const url = `http://localhost/images/${photoCode}-${uploads}.jpg`;
    return buildAttempt({ photo_code: photoCode, reason: judge(photoCode, image), url });
  };
  const transition = (key: string, event: 'open' | 'confirm') => {
    const record = accepting(key);
    backend.move(record, event);
    return backend.captureState(record);
  };
  const skip = (key: string, photoCode: PhotoCode) => {
    const record = accepting(key);
    const step = backend.captureState(record).steps.find((candidate) => candidate.photo_code === photoCode);
    if (!step?.may_skip) refuseSkip();
    const attempt = buildAttempt({ photo_code: photoCode, reason: 'skipped', url: null, thumbnail_url: null });
    return backend.addAttempt(record, { ...attempt, qa_measures: null });
  };
  const manual = (key: string, photoCode: 1 | 3) => {
    const url = `http://localhost/images/default-${photoCode}.jpg`;
    return backend.addAttempt(accepting(key), buildAttempt({ photo_code: photoCode, url, qa_measures: null }), {
      manual: true,
    });
  };
  return {
    get: (key) => call('capture.get', key, () => backend.captureState(recordOf(key))),
    start: (key) => call('capture.start', key, () => transition(key, 'open')),
    upload: (key, code, image) =>
      call('capture.upload', key, () => backend.addAttempt(accepting(key), judged(code, image))),
    manual: (key, entry) => call('capture.manual', key, () => manual(key, entry.photo_code)),
    skip: (key, code) => call('capture.skip', key, () => skip(key, code)),
    confirm: (key) => call('capture.confirm', key, () => transition(key, 'confirm')),
  };
}
