import { isStepDone, type CaptureState, type CaptureStepState, type PhotoCode } from '@pave/domain';

/** The screens of the capture app; each is a history entry (`?step=<code>` or `?screen=<name>`). */
export type CaptureScreen =
  | { readonly kind: 'intro' }
  | { readonly kind: 'step'; readonly code: PhotoCode }
  | { readonly kind: 'remaining' }
  | { readonly kind: 'summary' }
  | { readonly kind: 'steps' };

/** Whether a step needs nothing more before the capture can be submitted (the domain's `isStepDone`). */
export function isDone(step: CaptureStepState): boolean {
  return isStepDone(step.photo_code, step.state);
}

/** The steps still to do (unfinished, or needed and rejected), in capture order. */
export function remainingSteps(state: CaptureState): CaptureStepState[] {
  return state.steps.filter((step) => !isDone(step));
}

/**
 * Where "Next" leads from a step: forward to the next step not done yet, never back to an earlier one; past the last,
 * to the steps still needed, or to the summary once nothing is.
 */
export function screenAfter(state: CaptureState, code: PhotoCode): CaptureScreen {
  const index = state.steps.findIndex((step) => step.photo_code === code);
  const ahead = state.steps.slice(index + 1).find((step) => !isDone(step));
  if (ahead) return { kind: 'step', code: ahead.photo_code };
  return remainingSteps(state).length > 0 ? { kind: 'remaining' } : { kind: 'summary' };
}

/** Where the driver left off: the first step still to do, else the summary. */
export function resumeScreen(state: CaptureState): CaptureScreen {
  const first = remainingSteps(state)[0];
  return first ? { kind: 'step', code: first.photo_code } : { kind: 'summary' };
}

/** The screen a driver lands on without one in the URL: the intro before the start, else where they left off. */
export function entryScreen(state: CaptureState): CaptureScreen {
  return state.status === 'IDLE' ? { kind: 'intro' } : resumeScreen(state);
}

/** The screen of a URL query, or null when it names none (or an unknown step). */
export function screenOfSearch(state: CaptureState, search: URLSearchParams): CaptureScreen | null {
  const step = state.steps.find((candidate) => String(candidate.photo_code) === search.get('step'));
  if (step) return { kind: 'step', code: step.photo_code };
  const screen = search.get('screen');
  if (screen === 'remaining' || screen === 'summary' || screen === 'steps' || screen === 'intro')
    return { kind: screen };
  return null;
}

/** The URL query of a screen. */
export function searchOfScreen(screen: CaptureScreen): string {
  return screen.kind === 'step' ? `?step=${screen.code}` : `?screen=${screen.kind}`;
}

/** The in-app URL of a screen of the link at `location`, keeping its fragment (the link's token) for a reload. */
export function urlOfScreen(location: Pick<Location, 'pathname' | 'hash'>, screen: CaptureScreen): string {
  return `${location.pathname}${searchOfScreen(screen)}${location.hash}`;
}
