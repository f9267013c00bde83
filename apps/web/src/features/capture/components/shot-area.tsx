import { useEffect, useRef } from 'react';
import type { CaptureStepState } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { useCapturePreview } from '../hooks/capture-preview.js';
import type { Camera } from '../hooks/use-camera.js';
import type { StepUpload } from '../hooks/use-step-upload.js';
import { useErrorText, useText } from '../i18n/text-context.js';
import { CameraView } from './camera-view.js';
import { PhotoInput } from './photo-input.js';
import { UploadVerdict } from './upload-verdict.js';

/** Props of {@link ShotArea}. */
export type ShotAreaProps = { step: CaptureStepState; title: string; camera: Camera; upload: StepUpload };

function SendingStatus({ upload }: { upload: StepUpload }) {
  const text = useText();
  const words = upload.waiting ? text.waitingForNetwork : upload.slow ? text.stillSending : text.sending;
  return <p role="status">{words}</p>;
}

/** What the shot shows now: the sending state, the pre-check's warning, the verdict or the failure. */
function ShotFeedback({ upload }: { upload: StepUpload }) {
  const text = useText();
  const errorText = useErrorText();
  switch (upload.phase) {
    case 'idle':
      return null;
    case 'checking':
    case 'sending':
      return <SendingStatus upload={upload} />;
    case 'warned':
      return (
        <div className="verdict verdict--rejected" role="alert">
          <p className="verdict__title">{upload.problem ? text.precheck[upload.problem] : null}</p>
          <button type="button" className="button" onClick={upload.sendAnyway}>
            {text.precheck.sendAnyway}
          </button>
        </div>
      );
    case 'answered':
      return upload.outcome ? <UploadVerdict photo={upload.outcome} /> : null;
    case 'failed':
      return (
        <ErrorMessage title={text.notSent} onRetry={upload.retry ?? undefined} retryLabel={text.retryUpload}>
          {upload.failure ? errorText(upload.failure.error) : text.networkError}
        </ErrorMessage>
      );
  }
}

function Taker({ step, title, camera, upload }: ShotAreaProps) {
  const text = useText();
  const preview = useCapturePreview();
  const cameraOn = camera.status === 'on' && camera.stream !== null;
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOn = useRef(cameraOn);
  useEffect(() => {
    // closed without a shot: focus returns to the button that opened it, not to the top of the page
    if (wasOn.current && !cameraOn) openButton.current?.focus();
    wasOn.current = cameraOn;
  }, [cameraOn]);
  return (
    <>
      {cameraOn && camera.stream ? (
        <CameraView
          stream={camera.stream}
          photoCode={step.photo_code}
          title={title}
          onShot={upload.take}
          onClose={camera.close}
        />
      ) : null}
      {!cameraOn && camera.supported ? (
        <button
          ref={openButton}
          type="button"
          className="button button--primary button--large"
          disabled={preview || camera.status === 'starting'}
          onClick={camera.open}
        >
          {camera.status === 'starting' ? text.camera.starting : text.camera.open}
        </button>
      ) : null}
      {camera.status === 'failed' ? <p className="hint">{text.camera.unavailable}</p> : null}
      <PhotoInput
        label={cameraOn || camera.supported ? text.file.choose : text.file.take}
        onFile={upload.take}
        primary={!camera.supported}
        disabled={preview}
      />
    </>
  );
}

/** The step's camera (or file input), then the photo taken with its pre-check, sending state and verdict. */
export function ShotArea(props: ShotAreaProps) {
  const text = useText();
  const { upload, title } = props;
  if (upload.phase === 'idle') return <Taker {...props} />;
  return (
    <div className="shot">
      {upload.preview ? <img className="shot__preview" src={upload.preview} alt={text.preview(title)} /> : null}
      <ShotFeedback upload={upload} />
      {upload.phase === 'sending' || upload.phase === 'checking' ? null : (
        <PhotoInput label={text.file.choose} onFile={upload.take} primary={false} />
      )}
    </div>
  );
}
