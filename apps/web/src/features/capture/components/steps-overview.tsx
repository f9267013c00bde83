import type { CaptureState, PhotoCode } from '@pave/domain';
import { useText } from '../i18n/text-context.js';
import { ScreenHeading } from './screen-heading.js';
import { StepsList } from './steps-list.js';

/** Props of {@link StepsOverview}. */
export type StepsOverviewProps = { state: CaptureState; onOpen: (code: PhotoCode) => void };

/** Every step with its thumbnail and state; any step can be opened again. */
export function StepsOverview({ state, onOpen }: StepsOverviewProps) {
  const text = useText();
  return (
    <section className="capture-screen" aria-labelledby="capture-screen-title">
      <ScreenHeading>{text.allSteps}</ScreenHeading>
      <StepsList steps={state.steps} onOpen={onOpen} label={text.allSteps} />
    </section>
  );
}
