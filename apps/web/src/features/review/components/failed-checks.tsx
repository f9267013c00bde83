import type { ProgressAttempt } from '@pave/domain';
import { qaChecksOf } from '@pave/domain/qa-checks';

/** Props of {@link FailedChecks}. */
export type FailedChecksProps = { latest: ProgressAttempt | undefined };

/**
 * The checks a rejected attempt failed, in plain words. Loaded on first use (only rejected cards show it), so that
 * the session page's first load does not carry the QA check rules.
 */
// a card is a button: its content must be phrasing content, so the checks are spans, not a list
export function FailedChecks({ latest }: FailedChecksProps) {
  const failed = latest
    ? qaChecksOf(latest.qa_measures, latest.photo_code).filter((check) => check.passed === false)
    : [];
  if (failed.length === 0) return null;
  return (
    <span className="step-card__checks">
      {failed.map((check) => (
        <span key={check.label} className="qa-check qa-check--failed">
          {check.text} <span aria-hidden="true">✗</span>
        </span>
      ))}
    </span>
  );
}
