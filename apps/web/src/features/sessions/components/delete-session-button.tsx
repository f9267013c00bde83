import { summarizeError } from '../../../lib/errors.js';
import { useDeleteSession } from '../api/delete-session.js';

/**
 * Deletes a session nobody has started capturing (the API refuses any other), after the reviewer confirms: its
 * capture link stops working. A refusal (the driver started meanwhile) is said in the row.
 */
export function DeleteSessionButton(props: {
  sessionKey: string;
  onDeleted?: ((sessionKey: string) => void) | undefined;
  /** Told the API's words when it refuses (the list then refreshes, and this row may lose its button). */
  onRefused?: ((message: string) => void) | undefined;
}) {
  const { sessionKey, onDeleted, onRefused } = props;
  const remove = useDeleteSession();
  const onClick = () => {
    if (!window.confirm(`Delete session ${sessionKey}? Its capture link will stop working.`)) return;
    // told from the call itself: the list refresh after a refusal may remove this button in the same render
    remove.mutate(sessionKey, {
      onSuccess: () => onDeleted?.(sessionKey),
      onError: (error) => onRefused?.(summarizeError(error).message),
    });
  };
  const refusal = remove.status === 'error' ? summarizeError(remove.error).message : null;
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={onClick}
        disabled={remove.status === 'pending'}
        aria-label={`Delete session ${sessionKey}`}
      >
        {remove.status === 'pending' ? 'Deleting…' : 'Delete'}
      </button>
      {refusal !== null && !onRefused ? <span role="alert">{refusal}</span> : null}
    </>
  );
}
