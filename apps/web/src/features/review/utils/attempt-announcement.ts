import { attemptStateOf, photoNameOf, type ProgressAttempt, type SessionProgress } from '@pave/domain';

/** One thing to tell a screen reader, keyed by the attempt it is about. */
export type Announcement = { readonly key: string; readonly text: string };

function verdictOf(attempt: ProgressAttempt): string {
  const state = attemptStateOf(attempt, attempt.typed_value !== null);
  if (state === 'rejected') return `rejected, ${attempt.approved_message.replace(/^REJECTED: /, '')}`;
  return { accepted: 'accepted', manual: 'typed in', skipped: 'skipped' }[state];
}

/**
 * The attempts that `next` has and `previous` had not, in capture order, in words with the steps' human names:
 * "Front left: accepted", "Left side: rejected, Too Dark", "Rear left: skipped", "Odometer: typed in".
 */
export function newAttemptAnnouncements(previous: SessionProgress, next: SessionProgress): Announcement[] {
  return next.steps.flatMap((step) => {
    const known = previous.steps.find((before) => before.photo_code === step.photo_code)?.attempts.length ?? 0;
    return step.attempts.slice(known).map((attempt, offset) => ({
      key: `${step.photo_code}:${known + offset + 1}`,
      text: `${photoNameOf(step.photo_code)}: ${verdictOf(attempt)}`,
    }));
  });
}
