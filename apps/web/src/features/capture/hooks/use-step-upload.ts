import { useState } from 'react';
import type { PhotoCode, SessionPhoto } from '@pave/domain';
import { summarizeError, type ErrorSummary } from '../../../lib/errors.js';
import { useUploadPhoto } from '../api/upload-photo.js';

/** The latest result shown on a step: an attempt and what to say when it was accepted. */
export type StepOutcome = { photo: SessionPhoto; acceptedText: string };

/** Sending a step's photo: the outcome, the failure, and a retry that reuses the kept file. */
export type StepUpload = {
  send: (file: File) => void;
  /** Sends the kept file again; null when there is nothing to retry or retrying cannot help. */
  retry: (() => void) | null;
  pending: boolean;
  failure: ErrorSummary | null;
  outcome: StepOutcome | null;
  setOutcome: (outcome: StepOutcome | null) => void;
};

/** Uploads photos for one step, keeping the chosen File so a failed upload can be retried without a new photo. */
export function useStepUpload(sessionKey: string, photoCode: PhotoCode, onActivity: () => void): StepUpload {
  const upload = useUploadPhoto(sessionKey);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const send = (image: File) => {
    setFile(image);
    setOutcome(null);
    onActivity();
    const onSuccess = (photo: SessionPhoto) => setOutcome({ photo, acceptedText: 'Photo accepted.' });
    upload.mutate({ photoCode, file: image }, { onSuccess });
  };
  const failure = upload.status === 'error' ? summarizeError(upload.error) : null;
  const retry = failure?.retryable && file ? () => send(file) : null;
  return { send, retry, pending: upload.status === 'pending', failure, outcome, setOutcome };
}
