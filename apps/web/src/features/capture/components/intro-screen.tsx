import type { CaptureState, SessionVehicle } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { useStartCapture } from '../api/start-capture.js';
import { useCapturePreview } from '../hooks/capture-preview.js';
import { useErrorText, useText } from '../i18n/text-context.js';
import { ScreenHeading } from './screen-heading.js';

/** Props of {@link IntroScreen}. */
export type IntroScreenProps = { state: CaptureState; onStarted: (state: CaptureState) => void };

function describeVehicle(vehicle: SessionVehicle | null): string | null {
  if (!vehicle) return null;
  const words = [vehicle.year, vehicle.make, vehicle.model].filter((word) => word !== null).join(' ');
  return words || null;
}

/**
 * What the driver reads first: who asks, which vehicle, what is needed, how long it takes, good light. Only "Start"
 * starts the session, so opening the link leaves it as it was; in a reviewer's preview the button only shows the
 * steps, and the session is not started at all.
 */
export function IntroScreen({ state, onStarted }: IntroScreenProps) {
  const text = useText();
  const errorText = useErrorText();
  const start = useStartCapture(state.session_key);
  const preview = useCapturePreview();
  const vehicle = describeVehicle(state.vehicle);
  return (
    <section className="capture-screen capture-intro" aria-labelledby="capture-screen-title">
      <ScreenHeading>{text.intro.title}</ScreenHeading>
      {state.integrator ? <p>{text.intro.askedBy(state.integrator)}</p> : null}
      {vehicle ? <p className="capture-intro__vehicle">{text.intro.vehicle(vehicle)}</p> : null}
      <ul className="capture-intro__facts">
        <li>{text.intro.needed(state.steps.length)}</li>
        <li>{text.intro.duration}</li>
        <li>{text.intro.light}</li>
      </ul>
      {start.status === 'error' ? <ErrorMessage>{errorText(start.error)}</ErrorMessage> : null}
      <div className="action-bar">
        {preview ? (
          <button type="button" className="button button--primary" onClick={() => onStarted(state)}>
            {text.previewMode.showSteps}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={start.status === 'pending'}
            onClick={() => start.mutate(undefined, { onSuccess: onStarted })}
          >
            {start.status === 'pending' ? text.intro.starting : text.intro.start}
          </button>
        )}
      </div>
    </section>
  );
}
