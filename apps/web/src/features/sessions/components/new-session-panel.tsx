import type { FormEvent } from 'react';
import type { Session } from '@pave/domain';
import { CopyButton } from '../../../components/copy-button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { PhoneReachWarning } from '../../../components/phone-reach-warning.js';
import { paths } from '../../../config/paths.js';
import { summarizeError } from '../../../lib/errors.js';
import { Link } from '../../../lib/router.js';
import { useCreateSession } from '../api/create-session.js';
import { createBodyOf } from '../utils/session-form-body.js';
import { QrCode } from './qr-code.js';
import { SessionDetailsFields } from './session-details-fields.js';
import './new-session-panel.css';

function CreatedSession({ session }: { session: Session }) {
  return (
    <div className="new-session__created">
      <p role="status">
        Session <strong>{session.session_key}</strong> is ready. Open the capture link on a phone:
      </p>
      <p className="new-session__link">
        <a href={session.capture_url}>{session.capture_url}</a>
      </p>
      <PhoneReachWarning captureUrl={session.capture_url} />
      <CopyButton text={session.capture_url} label="Copy capture link" />
      <QrCode text={session.capture_url} label={`QR code of the capture link ${session.capture_url}`} />
      <p>
        <Link to={paths.session(session.session_key)}>Review session {session.session_key}</Link>
      </p>
    </div>
  );
}

/**
 * Creates a session, with PAVE's optional fields (vehicle, driver, reference, redirect, language, theme), and shows
 * its capture link with a QR code a phone can scan (until it is `deletedKey`).
 */
export function NewSessionPanel({ deletedKey = null }: { deletedKey?: string | null }) {
  const create = useCreateSession();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(createBodyOf(new FormData(event.currentTarget)));
  };
  return (
    <section className="new-session" aria-labelledby="new-session-title">
      <h2 id="new-session-title">New session</h2>
      <form className="new-session__form" onSubmit={onSubmit} noValidate>
        <SessionDetailsFields />
        <button type="submit" className="button button--primary" disabled={create.status === 'pending'}>
          {create.status === 'pending' ? 'Creating…' : 'New session'}
        </button>
      </form>
      {create.status === 'error' ? <ErrorMessage>{summarizeError(create.error).message}</ErrorMessage> : null}
      {create.data && create.data.session_key !== deletedKey ? <CreatedSession session={create.data} /> : null}
    </section>
  );
}
