import { useMemo } from 'react';
import type { ProgressStep } from '@pave/domain';
import { Lightbox } from '../../../components/lightbox.js';
import { buildLightboxItems } from '../utils/lightbox-items.js';

/** Props of {@link ReviewLightbox}. */
export type ReviewLightboxProps = {
  steps: readonly ProgressStep[];
  /** The shown attempt's key (see `attemptKey`). */
  currentKey: string;
  onChange: (key: string) => void;
  onClose: () => void;
};

/** The session's photos in the lightbox, every attempt with an image in capture order; nothing when none has one. */
export function ReviewLightbox({ steps, currentKey, onChange, onClose }: ReviewLightboxProps) {
  const items = useMemo(() => buildLightboxItems(steps), [steps]);
  if (items.length === 0) return null;
  return <Lightbox items={items} currentKey={currentKey} onChange={onChange} onClose={onClose} />;
}
