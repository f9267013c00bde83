import { summarizeError } from '../../../lib/errors.js';
import { useDeleteSession } from '../api/delete-session.js';

/**
 * Deletes a session nobody has started capturing (the API refuses any other), after the reviewer confirms: its
 * capture link stops working. A refusal (the driver started meanwhile) is said in the row.
 */
export function DeleteSessionButton(props: {
  sessionKey: string;
  onDeleted?: ((sessionKey: string) => void) | undefined;
}) {
  const { sessionKey, onDeleted } = props;
  const remove = useDeleteSession();
  const onClick = () => {
    if (!window.confirm(`Delete session ${sessionKey}? Its capture link will stop working.`)) return;
    remove.mutate(sessionKey, { onSuccess: () => onDeleted?.(sessionKey) });
  };
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
      {remove.status === 'error' ? <span role="alert">{summarizeError(remove.error).message}</span> : null}
    </>
  );
}
