import type { ProgressStep, SessionProgress } from '@pave/domain';
import { buildAttempt } from '../../../testing/build-attempt.js';
import { newAttemptAnnouncements } from './attempt-announcement.js';

function progressOf(steps: ProgressStep[]): SessionProgress {
  return {
    session_key: 'DEM-ANNOUNCE01',
    status: 'PROCESS',
    complete: false,
    next_step: null,
    steps,
  } as SessionProgress;
}

const front = (attempts: ProgressStep['attempts']): ProgressStep => ({
  step: 5,
  photo_code: 10,
  photo_label: 'Front_Left',
  state: 'accepted',
  attempts,
});

describe('newAttemptAnnouncements', () => {
  const accepted = buildAttempt({ photo_code: 10, url: 'http://localhost/10.jpg' });

  it.each([
    ['an accepted photo', accepted, 'Front left: accepted'],
    ['a rejected photo', buildAttempt({ photo_code: 10, reason: 'too_dark' }), 'Front left: rejected, Too Dark'],
    ['a skip', buildAttempt({ photo_code: 10, reason: 'skipped', url: null }), 'Front left: skipped'],
  ])('tells %s with the step’s human name', (_name, attempt, text) => {
    expect(newAttemptAnnouncements(progressOf([front([])]), progressOf([front([attempt])]))).toEqual([
      { key: '10:1', text },
    ]);
  });

  it('tells a typed-in value', () => {
    const odometer: ProgressStep = { step: 3, photo_code: 3, photo_label: 'Cluster', state: 'manual', attempts: [] };
    const typed = buildAttempt({ photo_code: 3, typed_value: '48213' });

    const told = newAttemptAnnouncements(progressOf([odometer]), progressOf([{ ...odometer, attempts: [typed] }]));

    expect(told.map((announcement) => announcement.text)).toEqual(['Odometer: typed in']);
  });

  it('tells only the attempts that are new', () => {
    const retake = buildAttempt({ photo_code: 10, reason: 'blurry' });

    const told = newAttemptAnnouncements(progressOf([front([accepted])]), progressOf([front([accepted, retake])]));

    expect(told).toEqual([{ key: '10:2', text: 'Front left: rejected, Blurry Image' }]);
  });
});
