import { parseApprovedMessage, photoNameOf, type ProgressAttempt, type ProgressStep } from '@pave/domain';
import type { LightboxItem } from '../../../components/lightbox.js';

/** The key of an attempt, stable across refreshes (attempts are only ever appended). */
export function attemptKey(attempt: Pick<ProgressAttempt, 'photo_code'>, index: number): string {
  return `${attempt.photo_code}:${index + 1}`;
}

function verdictText(attempt: ProgressAttempt): string {
  const verdict = parseApprovedMessage(attempt.approved_message);
  return verdict && !verdict.approved ? `rejected (${verdict.reason})` : 'accepted';
}

/** Every attempt that has an image, in capture order, as lightbox items. */
export function buildLightboxItems(steps: readonly ProgressStep[]): LightboxItem[] {
  return steps.flatMap((step) =>
    step.attempts.flatMap((attempt, index) => {
      if (attempt.url === null) return [];
      const name = `Step ${step.step}, ${photoNameOf(step.photo_code)}, attempt ${index + 1} of ${step.attempts.length}`;
      return [
        {
          key: attemptKey(attempt, index),
          src: attempt.url,
          alt: `${name} (full size)`,
          caption: `${name}: ${verdictText(attempt)}`,
          // the wire label, as in the photos ZIP: a file name, not prose
          downloadName: `${step.step}-${step.photo_label}-attempt-${index + 1}.jpg`,
        },
      ];
    }),
  );
}
