import { useEffect, useRef, useState } from 'react';
import { isPaveClientError } from '@pave/client/errors';
import type { PhotoCode, SessionPhoto } from '@pave/domain';
import { summarizeError } from '../../../lib/errors.js';
import { useCaptureChangeClient, useRefreshCaptureState } from '../api/capture-state.js';
import { preCheckPhoto, type PreCheckProblem } from '../utils/pre-check.js';
import { forgetUpload, keepUpload } from '../utils/pending-uploads.js';
import { shrinkPhoto } from '../utils/shrink-photo.js';

/** After this long without an answer the driver is told the photo is still being sent. */
export const stillSendingMs = 10_000;

/** Where a step's photo stands: none, checked on the phone, warned about, sending, answered or failed. */
export type ShotPhase = 'idle' | 'checking' | 'warned' | 'sending' | 'answered' | 'failed';

/** Sending a step's photo: the local pre-check, the upload (kept and retried while offline), the verdict. */
export type StepUpload = {
  phase: ShotPhase;
  /** An object URL of the photo taken, shown with its verdict; null before a shot. */
  preview: string | null;
  problem: PreCheckProblem | null;
  outcome: SessionPhoto | null;
  /** Why the photo was not sent (worded in the driver's language where shown), and whether a retry may help. */
  failure: UploadFailure | null;
  /** No answer after {@link stillSendingMs}. */
  slow: boolean;
  /** The phone is offline: the photo waits for the connection. */
  waiting: boolean;
  take: (photo: Blob) => void;
  sendAnyway: () => void;
  retake: () => void;
  retry: (() => void) | null;
};

/** A photo the server did not take: the error thrown, and whether sending it again may help. */
export type UploadFailure = { readonly error: unknown; readonly retryable: boolean };

const isNetworkFailure = (error: unknown) => isPaveClientError(error) && error.kind === 'network';

const waitForOnline = () =>
  new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }));

/** Takes, pre-checks and sends the photos of one step; `needsLandscape` for the exterior views. */
export function useStepUpload(sessionKey: string, photoCode: PhotoCode, needsLandscape: boolean): StepUpload {
  const client = useCaptureChangeClient();
  const refresh = useRefreshCaptureState(sessionKey);
  const [phase, setPhase] = useState<ShotPhase>('idle');
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<PreCheckProblem | null>(null);
  const [outcome, setOutcome] = useState<SessionPhoto | null>(null);
  const [failure, setFailure] = useState<UploadFailure | null>(null);
  const [slow, setSlow] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const latest = useRef(0);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  useEffect(() => {
    if (phase !== 'sending') return undefined;
    const timer = window.setTimeout(() => setSlow(true), stillSendingMs);
    return () => window.clearTimeout(timer);
  }, [phase]);

  const send = async (image: Blob) => {
    const call = ++latest.current;
    const id = `${sessionKey}:${photoCode}:${Date.now()}`;
    setPhase('sending');
    setSlow(false);
    await keepUpload({ id, sessionKey, photoCode, photo: image });
    for (;;) {
      try {
        const answer = await client.upload(photoCode, await shrinkPhoto(image));
        await forgetUpload(id);
        await refresh.onSuccess();
        if (call !== latest.current) return;
        setOutcome(answer);
        setPhase('answered');
        return;
      } catch (error) {
        if (isNetworkFailure(error) && !navigator.onLine && call === latest.current) {
          setWaiting(true);
          await waitForOnline();
          setWaiting(false);
          continue;
        }
        if (!isNetworkFailure(error)) await forgetUpload(id);
        refresh.onError();
        if (call !== latest.current) return;
        setFailure({ error, retryable: summarizeError(error).retryable });
        setPhase('failed');
        return;
      }
    }
  };

  const take = (image: Blob) => {
    const call = ++latest.current;
    setPhoto(image);
    // jsdom has no object URLs; a browser always does
    setPreview(typeof URL.createObjectURL === 'function' ? URL.createObjectURL(image) : null);
    setOutcome(null);
    setFailure(null);
    setProblem(null);
    setPhase('checking');
    void preCheckPhoto(image, needsLandscape).then((found) => {
      if (call !== latest.current) return;
      setProblem(found);
      if (found) setPhase('warned');
      else void send(image);
    });
  };

  const retake = () => {
    latest.current += 1;
    setPhase('idle');
    setPreview(null);
    setProblem(null);
    setOutcome(null);
    setFailure(null);
  };

  return {
    phase,
    preview,
    problem,
    outcome,
    failure,
    slow,
    waiting,
    take,
    sendAnyway: () => void (photo && send(photo)),
    retake,
    retry: failure?.retryable && photo ? () => void send(photo) : null,
  };
}
