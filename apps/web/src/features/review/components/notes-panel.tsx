import { noteMaxLength, type SessionStatus } from '@pave/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useAddNote, useSessionNotes } from '../api/session-notes.js';

/** Props of {@link NotesPanel}. */
export type NotesPanelProps = { sessionKey: string; status: SessionStatus; canAdd: boolean };

/** The session's notes, oldest first, and (for reviewers) a form to add one in the signed-in person's name. */
export function NotesPanel({ sessionKey, status, canAdd }: NotesPanelProps) {
  const notes = useSessionNotes(sessionKey, status);
  const add = useAddNote(sessionKey);
  const [text, setText] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <section className="session-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {notes.data && notes.data.length === 0 ? <p>No notes yet.</p> : null}
      {notes.data && notes.data.length > 0 ? (
        <ol className="notes">
          {notes.data.map((note) => (
            <li key={note.id}>
              <p>{note.note}</p>
              <p className="hint">
                {note.author}, <time dateTime={note.created_at}>{formatTimestamp(note.created_at)}</time>
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {notes.status === 'error' ? <ErrorMessage>{summarizeError(notes.error).message}</ErrorMessage> : null}
      {canAdd ? (
        <form onSubmit={onSubmit}>
          <label className="field">
            <span className="field__label">New note</span>
            <textarea
              name="note"
              rows={2}
              maxLength={noteMaxLength}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          {add.status === 'error' ? <ErrorMessage>{summarizeError(add.error).message}</ErrorMessage> : null}
          <button type="submit" className="button" disabled={add.status === 'pending' || text.trim() === ''}>
            Add note
          </button>
        </form>
      ) : null}
    </section>
  );
}
