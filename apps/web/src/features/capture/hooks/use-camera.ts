import { useCallback, useEffect, useRef, useState } from 'react';

/** The in-page camera: off, starting, on (with its stream) or failed (no permission, no camera, no support). */
export type Camera = {
  status: 'off' | 'starting' | 'on' | 'failed';
  stream: MediaStream | null;
  /** Whether this browser offers an in-page camera at all (the file input is the fallback). */
  supported: boolean;
  open: () => void;
  /** Turns the camera off and releases it (every track stopped), also while it is still starting. */
  close: () => void;
};

// the rear camera at the highest resolution it gives: ideal values the browser lowers to what the device has
const constraints: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 4096 }, height: { ideal: 3072 } },
};

const stop = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());

/** One camera stream for the whole capture, kept open from step to step and stopped when closed or the app goes. */
export function useCamera(): Camera {
  const supported = typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
  const [status, setStatus] = useState<Camera['status']>('off');
  const [stream, setStream] = useState<MediaStream | null>(null);
  // which open() is the current one: a stream that arrives after close() (or a later open) is stopped at once
  const opening = useRef(0);
  useEffect(() => () => stop(stream), [stream]);
  const open = useCallback(() => {
    if (!supported) return setStatus('failed');
    const call = ++opening.current;
    setStatus('starting');
    navigator.mediaDevices.getUserMedia(constraints).then(
      (started) => {
        if (call !== opening.current) return stop(started);
        setStream(started);
        setStatus('on');
        return undefined;
      },
      () => call === opening.current && setStatus('failed'),
    );
    return undefined;
  }, [supported]);
  const close = useCallback(() => {
    opening.current += 1;
    setStream(null);
    setStatus('off');
  }, []);
  return { status, stream, supported, open, close };
}
