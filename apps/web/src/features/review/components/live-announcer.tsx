import { useState } from 'react';
import type { SessionProgress } from '@pave/domain';
import { newAttemptAnnouncements, type Announcement } from '../utils/attempt-announcement.js';

/** Props of {@link LiveAnnouncer}. */
export type LiveAnnouncerProps = {
  /** The session's progress as last read; undefined until the first answer. */
  progress: SessionProgress | undefined;
};

/** How many announcements stay in the region (older ones have been spoken). */
const kept = 3;

/**
 * A polite live region that tells screen readers each attempt that arrives while the page is open ("Front left:
 * accepted"), by comparing each progress answer with the one before; what the page first loads is not told.
 */
export function LiveAnnouncer({ progress }: LiveAnnouncerProps) {
  const [seen, setSeen] = useState(progress);
  const [announcements, setAnnouncements] = useState<readonly Announcement[]>([]);
  // adjusting state to a new answer during render, as React advises, rather than in an effect one render late
  if (progress !== seen) {
    setSeen(progress);
    if (seen !== undefined && progress !== undefined) {
      const told = newAttemptAnnouncements(seen, progress);
      if (told.length > 0) setAnnouncements((previous) => [...previous, ...told].slice(-kept));
    }
  }
  // each announcement is a node of its own: an added node is spoken even when its words repeat an earlier one's
  return (
    <div className="visually-hidden" aria-live="polite" aria-relevant="additions">
      {announcements.map((announcement) => (
        <p key={announcement.key}>{announcement.text}</p>
      ))}
    </div>
  );
}
