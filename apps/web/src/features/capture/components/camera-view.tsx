import { useEffect, useRef } from 'react';
import type { PhotoCode } from '@pave/domain';
import { useText } from '../i18n/text-context.js';
import { StepGuide } from './step-guide.js';

/** Props of {@link CameraView}. */
export type CameraViewProps = {
  stream: MediaStream;
  photoCode: PhotoCode;
  title: string;
  onShot: (photo: Blob) => void;
  /** Back to the step without a shot (the camera is released): the Close button, or Escape. */
  onClose: () => void;
};

/** A full-resolution frame of the video as a JPEG. */
function grabFrame(video: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
}

/** The live camera with the step's outline over it, the shutter and a way out (Close, or Escape). */
export function CameraView({ stream, photoCode, title, onShot, onClose }: CameraViewProps) {
  const text = useText();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const shoot = async () => {
    const frame = video.current && video.current.videoWidth > 0 ? await grabFrame(video.current) : null;
    if (frame) onShot(frame);
  };
  return (
    <div className="camera">
      <div className="camera__frame" role="img" aria-label={text.camera.frame(title)}>
        <video ref={video} className="camera__video" autoPlay playsInline muted />
        <StepGuide photoCode={photoCode} className="camera__guide" />
      </div>
      <div className="camera__actions">
        <button type="button" className="button button--large camera__close" onClick={onClose}>
          {text.camera.close}
        </button>
        <button type="button" className="button button--primary button--large" onClick={() => void shoot()}>
          {text.camera.shoot}
        </button>
      </div>
    </div>
  );
}
