import { parseApprovedMessage, type SessionPhoto } from '@pave/domain';
import { useText } from '../i18n/text-context.js';

/** Props of {@link UploadVerdict}. */
export type UploadVerdictProps = { photo: SessionPhoto };

/** The QA verdict of an attempt: accepted, or rejected with the reason and how to fix it, in the session's language. */
export function UploadVerdict({ photo }: UploadVerdictProps) {
  const text = useText();
  const verdict = parseApprovedMessage(photo.approved_message);
  if (photo.approved || !verdict || verdict.approved) {
    return (
      <p className="verdict verdict--accepted" role="status">
        <span aria-hidden="true">✓ </span>
        {text.accepted}
      </p>
    );
  }
  const reason = verdict.reasonCode ? text.reasons[verdict.reasonCode] : verdict.reason;
  return (
    <div className="verdict verdict--rejected" role="alert">
      <p className="verdict__title">{text.rejected(reason)}</p>
      {verdict.reasonCode ? <p>{text.advice[verdict.reasonCode]}</p> : null}
      <p>{text.pleaseRetake}</p>
    </div>
  );
}
