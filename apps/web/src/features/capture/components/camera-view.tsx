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
};

/** A full-resolution frame of the video as a JPEG. */
function grabFrame(video: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
}

/** The live camera with the step's outline over it, and the shutter. */
export function CameraView({ stream, photoCode, title, onShot }: CameraViewProps) {
  const text = useText();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
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
      <button type="button" className="button button--primary button--large" onClick={() => void shoot()}>
        {text.camera.shoot}
      </button>
    </div>
  );
}
