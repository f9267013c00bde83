import type { CaptureState, PhotoCode } from '@pave/domain';
import { navigate, useLocation } from '../../../lib/router.js';
import { useCamera } from '../hooks/use-camera.js';
import {
  entryScreen,
  remainingSteps,
  resumeScreen,
  screenAfter,
  screenOfSearch,
  urlOfScreen,
  type CaptureScreen,
} from '../utils/capture-flow.js';
import { ClosedSessionMessage } from './closed-session-message.js';
import { IntroScreen } from './intro-screen.js';
import { RemainingScreen } from './remaining-screen.js';
import { StepScreen } from './step-screen.js';
import { StepsOverview } from './steps-overview.js';
import { SummaryScreen } from './summary-screen.js';

// how many screens this page pushed: Back goes back through them, never out of the app
const pushed = { count: 0 };

/** Props of {@link CaptureFlow}. */
export type CaptureFlowProps = { state: CaptureState };

/** The capture's screens, each a history entry: intro, the steps one by one, what is still needed, the summary. */
export function CaptureFlow({ state }: CaptureFlowProps) {
  const { search } = useLocation();
  const camera = useCamera();
  if (!state.accepting) return <ClosedSessionMessage state={state} />;
  const asked = screenOfSearch(state, search) ?? entryScreen(state);
  // the summary only once everything is done; before that, what is still needed
  const left = remainingSteps(state).length;
  const screen: CaptureScreen =
    asked.kind === 'summary' && left > 0
      ? { kind: 'remaining' }
      : asked.kind === 'remaining' && left === 0
        ? { kind: 'summary' }
        : asked;
  const go = (next: CaptureScreen) => {
    pushed.count += 1;
    navigate(urlOfScreen(window.location, next));
  };
  const back = () => {
    pushed.count -= 1;
    window.history.back();
  };
  const open = (code: PhotoCode) => go({ kind: 'step', code });
  switch (screen.kind) {
    case 'intro':
      return <IntroScreen state={state} onStarted={(started) => go(resumeScreen(started))} />;
    case 'remaining':
      return <RemainingScreen state={state} onOpen={open} />;
    case 'summary':
      return <SummaryScreen state={state} onOpen={open} />;
    case 'steps':
      return <StepsOverview state={state} onOpen={open} />;
    case 'step': {
      const step = state.steps.find((candidate) => candidate.photo_code === screen.code);
      if (!step) return null;
      return (
        <StepScreen
          key={step.photo_code}
          state={state}
          step={step}
          camera={camera}
          onNext={() => go(screenAfter(state, step.photo_code))}
          onBack={pushed.count > 0 ? back : null}
        />
      );
    }
  }
}
