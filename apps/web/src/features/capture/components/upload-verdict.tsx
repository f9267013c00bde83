import { parseApprovedMessage, type SessionPhoto } from '@pave/domain';
import { reasonAdvice } from '../utils/step-instructions.js';

/** Props of {@link UploadVerdict}. */
export type UploadVerdictProps = { photo: SessionPhoto; acceptedText: string };

/** The QA verdict of the attempt just sent: accepted, or rejected with the reason and how to fix it. */
export function UploadVerdict({ photo, acceptedText }: UploadVerdictProps) {
  const verdict = parseApprovedMessage(photo.approved_message);
  if (photo.approved || !verdict || verdict.approved) {
    return (
      <p className="verdict verdict--accepted" role="status">
        <span aria-hidden="true">✓ </span>
        {acceptedText}
      </p>
    );
  }
  return (
    <div className="verdict verdict--rejected" role="alert">
      <p className="verdict__title">Photo rejected: {verdict.reason}.</p>
      {verdict.reasonCode ? <p>{reasonAdvice[verdict.reasonCode]}</p> : null}
      <p>Please retake the photo.</p>
    </div>
  );
}
