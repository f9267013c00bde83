import type { PhotoCode, QaMeasures } from '@pave/domain';
import { qaChecksOf, type QaCheck } from '@pave/domain/qa-checks';

/** Props of {@link QaCheckList}. */
export type QaCheckListProps = {
  checks: readonly QaCheck[];
  /** The list's accessible name. */
  label: string;
  className?: string;
};

function Verdict({ passed }: { passed: boolean | null }) {
  if (passed === null) return null;
  return (
    <>
      {' '}
      <span aria-hidden="true">{passed ? '✓' : '✗'}</span>
      <span className="visually-hidden">{passed ? '(passed)' : '(failed)'}</span>
    </>
  );
}

/** QA checks as plain-word lines: "Brightness 11, needs 45 to 215 ✗" (the mark is spoken as passed or failed). */
export function QaCheckList({ checks, label, className = 'qa-checks' }: QaCheckListProps) {
  if (checks.length === 0) return null;
  return (
    <ul className={className} aria-label={label}>
      {checks.map((check) => (
        <li key={check.label} className={check.passed === false ? 'qa-check qa-check--failed' : 'qa-check'}>
          {check.text}
          <Verdict passed={check.passed} />
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link QaMeasuresView}. */
export type QaMeasuresViewProps = { measures: QaMeasures; photoCode: PhotoCode };

/**
 * An attempt's QA in plain words, every check with its threshold, and every raw measure the server recorded (by its
 * wire name) under "Technical details".
 */
export function QaMeasuresView({ measures, photoCode }: QaMeasuresViewProps) {
  const entries = Object.entries(measures ?? {});
  if (entries.length === 0) return null;
  return (
    <>
      <QaCheckList checks={qaChecksOf(measures, photoCode)} label="QA checks" />
      <details className="qa-details">
        <summary>Technical details</summary>
        <dl className="qa-details__list">
          {entries.map(([name, value]) => (
            <div key={name}>
              <dt>
                <code>{name}</code>
              </dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
