import { useState } from 'react';
import type { CaptureState, PhotoCode } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useCaptureSession } from '../hooks/use-capture-session.js';
import { CaptureOverview } from './capture-overview.js';
import { CaptureStepView } from './capture-step-view.js';
import { ClosedSessionMessage } from './closed-session-message.js';
import './capture-app.css';

/** Which screen the driver looks at: a pinned step, the overview, or (null) the next step to do. */
type View = PhotoCode | 'overview' | null;

function currentStep(state: CaptureState, view: View) {
  const code = view === null ? (state.next_step?.photo_code ?? null) : view;
  return code === 'overview' || code === null ? null : (state.steps.find((step) => step.photo_code === code) ?? null);
}

function CaptureFlow({ state }: { state: CaptureState }) {
  const [view, setView] = useState<View>(null);
  if (!state.accepting) return <ClosedSessionMessage status={state.status} invalidReason={state.invalid_reason} />;
  const step = currentStep(state, view);
  if (!step) return <CaptureOverview state={state} onOpenStep={setView} />;
  return (
    <CaptureStepView
      key={step.photo_code}
      sessionKey={state.session_key}
      step={step}
      totalSteps={state.steps.length}
      onActivity={() => setView(step.photo_code)}
      onContinue={() => setView(null)}
      onOverview={() => setView('overview')}
    />
  );
}

/** Props of {@link CaptureApp}. */
export type CaptureAppProps = { sessionKey: string };

/** The phone capture app: one step at a time in capture order, QA verdicts at once, then submit. */
export function CaptureApp({ sessionKey }: CaptureAppProps) {
  const state = useCaptureSession(sessionKey);
  if (state.data) return <CaptureFlow state={state.data} />;
  if (state.status === 'error') {
    const summary = summarizeError(state.error);
    const message = summary.notFound
      ? 'This inspection link is not valid. Check the link or ask for a new one.'
      : summary.message;
    return (
      <ErrorMessage
        title="The inspection cannot be opened"
        onRetry={summary.retryable ? () => void state.refetch() : undefined}
      >
        {message}
      </ErrorMessage>
    );
  }
  return <p role="status">Opening the inspection…</p>;
}
