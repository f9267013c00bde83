import type { Session } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { downloadBlob } from '../../../lib/download.js';
import { summarizeError } from '../../../lib/errors.js';
import { useSessionResults } from '../api/session-results.js';

/** The results document of a `COMPLETE` session (what the SESSION:COMPLETE callback carries), to read or download. */
export function ResultsPanel({ session }: { session: Session }) {
  const complete = session.status === 'COMPLETE';
  const results = useSessionResults(session.session_key, complete);
  if (!complete) return null;
  const download = () => {
    const text = JSON.stringify(results.data, null, 2);
    downloadBlob(new Blob([text], { type: 'application/json' }), `results-${session.session_key}.json`);
  };
  return (
    <section className="session-panel" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      {results.status === 'error' ? <ErrorMessage>{summarizeError(results.error).message}</ErrorMessage> : null}
      {results.data ? (
        <>
          <p>
            Captured in {results.data.session.capture_duration} s, inspected in {results.data.session.inspect_duration}{' '}
            s, {results.data.photos.length} attempts.
          </p>
          <button type="button" className="button" onClick={download}>
            Download results JSON
          </button>
          <pre className="session-panel__json" role="region" tabIndex={0} aria-label="Results JSON">
            {JSON.stringify(results.data, null, 2)}
          </pre>
        </>
      ) : (
        <p role="status">Loading results…</p>
      )}
    </section>
  );
}
