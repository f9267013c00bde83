import type { CaptureState, PhotoCode } from '@pave/domain';
import { useText } from '../i18n/text-context.js';
import { remainingSteps } from '../utils/capture-flow.js';
import { ScreenHeading } from './screen-heading.js';
import { StepsList } from './steps-list.js';

/** Props of {@link RemainingScreen}. */
export type RemainingScreenProps = { state: CaptureState; onOpen: (code: PhotoCode) => void };

/** The steps left unfinished or rejected, gathered at the end ("2 photos still needed"). */
export function RemainingScreen({ state, onOpen }: RemainingScreenProps) {
  const text = useText();
  const steps = remainingSteps(state);
  const title = text.remaining.title(steps.length);
  return (
    <section className="capture-screen" aria-labelledby="capture-screen-title">
      <ScreenHeading>{title}</ScreenHeading>
      <p>{text.remaining.body}</p>
      <StepsList steps={steps} onOpen={onOpen} label={title} />
    </section>
  );
}
