import { lazy, Suspense, useMemo, useState } from 'react';
import { isTerminalStatus, type Session, type SessionProgress } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useSession } from '../api/session.js';
import { useSessionProgress } from '../api/session-progress.js';
import { useSessionEvents } from '../api/session-events.js';
import type { LiveConnection } from '../../../lib/use-live-events.js';
import { selectStep, setStepFilter, useReviewParams } from '../hooks/use-review-params.js';
import { matchesStepFilter, stepFilters, type StepFilter as StepFilterValue } from '../utils/step-filter.js';
import { ExportButtons } from './export-buttons.js';
import { PhotosZipLink } from './photos-zip-link.js';
import { RawPhotosJson } from './raw-photos-json.js';
import { LiveAnnouncer } from './live-announcer.js';
import { SessionHeader } from './session-header.js';
import { StepFilter } from './step-filter.js';
import { StepGrid } from './step-grid.js';
import './session-review.css';

// results, details, notes and invalidation sit below the photos: their code is a separate chunk, loaded after them
const SessionManagement = lazy(() =>
  import('./session-management.js').then((module) => ({ default: module.SessionManagement })),
);

// a step's timeline opens on a click (or from a link's ?step=): its code, QA checks included, is a separate chunk
const AttemptTimeline = lazy(() =>
  import('./attempt-timeline.js').then((module) => ({ default: module.AttemptTimeline })),
);

// the lightbox opens on a click: its code is a separate chunk, loaded then
const ReviewLightbox = lazy(() =>
  import('./review-lightbox.js').then((module) => ({ default: module.ReviewLightbox })),
);

type ReviewBodyProps = {
  progress: SessionProgress;
  session: Session | undefined;
  refreshFailed: boolean;
  connection: LiveConnection;
};

function countByFilter(progress: SessionProgress): Record<StepFilterValue, number> {
  const count = (filter: StepFilterValue) => progress.steps.filter((step) => matchesStepFilter(step, filter)).length;
  return Object.fromEntries(stepFilters.map((filter) => [filter, count(filter)])) as Record<StepFilterValue, number>;
}

function ReviewBody({ progress, session, refreshFailed, connection }: ReviewBodyProps) {
  const { filter, selectedCode } = useReviewParams();
  const [photoKey, setPhotoKey] = useState<string | null>(null);
  const visibleSteps = useMemo(
    () => progress.steps.filter((step) => matchesStepFilter(step, filter)),
    [progress.steps, filter],
  );
  const selected = progress.steps.find((step) => step.photo_code === selectedCode);
  return (
    <div className="review">
      <SessionHeader progress={progress} session={session} refreshFailed={refreshFailed} connection={connection} />
      <div className="review__toolbar">
        <StepFilter value={filter} onChange={setStepFilter} counts={countByFilter(progress)} />
        <div className="review__downloads">
          <ExportButtons progress={progress} />
          <PhotosZipLink progress={progress} />
        </div>
      </div>
      <div className={selected ? 'review__layout review__layout--with-timeline' : 'review__layout'}>
        <StepGrid steps={visibleSteps} selectedCode={selectedCode} onSelect={selectStep} />
        {selected ? (
          <Suspense fallback={<p role="status">Loading the attempts…</p>}>
            <AttemptTimeline step={selected} onOpenPhoto={setPhotoKey} onClose={() => selectStep(null)} />
          </Suspense>
        ) : null}
      </div>
      {session ? (
        <Suspense fallback={null}>
          <SessionManagement session={session} />
        </Suspense>
      ) : null}
      <RawPhotosJson sessionKey={progress.session_key} live={!isTerminalStatus(progress.status)} />
      {photoKey !== null ? (
        <Suspense fallback={null}>
          <ReviewLightbox
            steps={progress.steps}
            currentKey={photoKey}
            onChange={setPhotoKey}
            onClose={() => setPhotoKey(null)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

/** Props of {@link SessionReview}. */
export type SessionReviewProps = { sessionKey: string };

/**
 * The review page of one session: header, filters, step grid, timeline, lightbox, raw JSON, export; live until
 * finished, each arriving attempt also told politely to screen readers ("Front left: accepted").
 */
export function SessionReview({ sessionKey }: SessionReviewProps) {
  const connection = useSessionEvents(sessionKey);
  const progress = useSessionProgress(sessionKey, connection === 'streaming');
  const session = useSession(sessionKey, connection === 'streaming');
  return (
    <>
      <LiveAnnouncer progress={progress.data} />
      <SessionReviewState sessionKey={sessionKey} progress={progress} session={session} connection={connection} />
    </>
  );
}

type SessionReviewStateProps = {
  sessionKey: string;
  progress: ReturnType<typeof useSessionProgress>;
  session: ReturnType<typeof useSession>;
  connection: LiveConnection;
};

function SessionReviewState({ sessionKey, progress, session, connection }: SessionReviewStateProps) {
  if (progress.data) {
    return (
      <ReviewBody
        progress={progress.data}
        session={session.data}
        refreshFailed={progress.status === 'error'}
        connection={connection}
      />
    );
  }
  if (progress.status === 'error') {
    const summary = summarizeError(progress.error);
    return (
      <ErrorMessage
        title={`Session ${sessionKey}`}
        onRetry={summary.notFound ? undefined : () => void progress.refetch()}
      >
        {summary.message}
      </ErrorMessage>
    );
  }
  return <p role="status">Loading session {sessionKey}…</p>;
}
