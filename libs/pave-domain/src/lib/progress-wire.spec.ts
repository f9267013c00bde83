import { buildAttemptRecord, buildPhoto, samplePhotosFixture } from '../testing.js';
import { ProgressAttempt, SessionProgress, toSessionProgress, type AttemptRecord } from './progress-wire.js';
import { SessionPhotos } from './session-photo.js';
import { SessionKey } from './session.js';

const session = { session_key: SessionKey.parse('DEM-0123456789'), status: 'PROCESS' } as const;
const wireFields = ['photo_code', 'photo_label', 'url', 'approved', 'approved_message', 'created_at', 'updated_at'];

describe('toSessionProgress', () => {
  const records: AttemptRecord[] = SessionPhotos.parse(samplePhotosFixture).map((photo, index) => ({
    photo,
    manual: false,
    thumbnailUrl: photo.url === null ? null : `https://images.example.test/${index}.thumb.jpg`,
    qaMeasures: photo.url === null ? null : { sharpness: index },
    verdictSeconds: null,
    typedValue: null,
  }));

  it('answers a body the SessionProgress schema accepts, in capture order', () => {
    const progress = toSessionProgress(session, records);

    expect(SessionProgress.parse(progress)).toEqual(progress);
    expect(progress.steps.map((step) => step.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect([progress.session_key, progress.status, progress.complete, progress.next_step]).toEqual([
      'DEM-0123456789',
      'PROCESS',
      true,
      null,
    ]);
  });

  it('gives each attempt the seven wire fields, then its reason code, QA time, thumbnail and measures', () => {
    const interior = toSessionProgress(session, records).steps.find((step) => step.photo_label === 'Interior');
    const [superseded, latest] = interior?.attempts ?? [];

    expect(Object.keys(latest ?? {})).toEqual([
      ...wireFields,
      'reason_code',
      'processing_seconds',
      'thumbnail_url',
      'qa_measures',
      'typed_value',
    ]);
    expect(superseded).toMatchObject({ reason_code: 'wrong_view', processing_seconds: null });
    expect(latest).toMatchObject({ reason_code: null, processing_seconds: 105, thumbnail_url: expect.any(String) });
  });

  it('carries every typed value, a retyped one included, and none for photos', () => {
    const vin = (value: string) => buildAttemptRecord({ photo_code: 1, manual: true, typedValue: value });
    const progress = toSessionProgress(session, [
      vin('1HGCM82633A004352'),
      vin('JN1CV6AR9BM123456'),
      buildAttemptRecord({ photo_code: 2, typedValue: 'ignored: a photo' }),
    ]);

    expect(progress.steps[0]?.attempts.map((attempt) => attempt.typed_value)).toEqual([
      '1HGCM82633A004352',
      'JN1CV6AR9BM123456',
    ]);
    expect(progress.steps[1]?.attempts[0]?.typed_value).toBeNull();
  });

  it('uses the verdict seconds the server kept, superseded attempts included', () => {
    const retaken = [
      buildAttemptRecord({ photo_code: 2, reason: 'blurry', verdictSeconds: 1.5 }),
      buildAttemptRecord({ photo_code: 2, verdictSeconds: 0.25 }),
    ];
    const interior = toSessionProgress(session, retaken).steps[1];

    expect(interior?.attempts.map((attempt) => attempt.processing_seconds)).toEqual([1.5, 0.25]);
  });

  it('reports a typed-in value as manual and a skip as skipped, without thumbnails', () => {
    const progress = toSessionProgress(session, [
      buildAttemptRecord({ photo_code: 1, manual: true }),
      buildAttemptRecord({ photo_code: 4, url: null, reason: 'skipped' }),
    ]);

    expect(progress.steps.slice(0, 4).map((step) => step.state)).toEqual(['manual', 'pending', 'pending', 'skipped']);
    expect(progress.steps[3]?.attempts[0]).toMatchObject({ url: null, reason_code: 'skipped', thumbnail_url: null });
  });

  it('keeps only the wire fields of a photo that carries more keys', () => {
    const photo = { ...buildPhoto({ photo_code: 1 }), row: { secret: 'internal' } };
    const [attempt] = toSessionProgress(session, [{ ...buildAttemptRecord(), photo }]).steps[0]?.attempts ?? [];

    expect(attempt).not.toHaveProperty('row');
  });
});

describe('ProgressAttempt', () => {
  const attempt = {
    ...buildPhoto({ photo_code: 2 }),
    reason_code: null,
    processing_seconds: 1,
    thumbnail_url: 'https://images.example.test/2.thumb.jpg',
    qa_measures: null,
    typed_value: null,
  };

  it('accepts an absolute http(s) thumbnail or none', () => {
    expect(ProgressAttempt.safeParse(attempt).success).toBe(true);
    expect(ProgressAttempt.safeParse({ ...attempt, thumbnail_url: 'http://localhost/2.thumb.jpg' }).success).toBe(true);
    expect(ProgressAttempt.safeParse({ ...attempt, thumbnail_url: null }).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://images.example.test/2.jpg', 'data:image/jpeg;base64,AAAA', '/images/2.jpg'])(
    'refuses the thumbnail %p, as it would the url',
    (thumbnail) => {
      expect(ProgressAttempt.safeParse({ ...attempt, thumbnail_url: thumbnail }).success).toBe(false);
      expect(ProgressAttempt.safeParse({ ...attempt, url: thumbnail }).success).toBe(false);
    },
  );
});
