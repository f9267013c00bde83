import { useEffect } from 'react';
import { useStartCapture } from '../api/start-capture.js';
import { useCaptureState } from '../api/capture-state.js';

/** Calls capture.start once when the page opens, then reads the capture state (also when start was refused). */
export function useCaptureSession(sessionKey: string) {
  const start = useStartCapture(sessionKey);
  const { mutate: startCapture } = start;
  useEffect(() => {
    startCapture();
  }, [startCapture]);
  return useCaptureState(sessionKey, start.status === 'success' || start.status === 'error');
}
