import { screen, within } from '@testing-library/react';
import type { ProgressStep } from '@pave/domain';
import { buildAttempt } from '../../../testing/build-attempt.js';
import { renderWithProviders } from '../../../testing/render-app.js';
import { AttemptTimeline } from './attempt-timeline.js';

function leftStep(): ProgressStep {
  return {
    step: 4,
    photo_code: 4,
    photo_label: 'Left',
    state: 'accepted',
    attempts: [
      buildAttempt({
        photo_code: 4,
        reason: 'blurry',
        url: 'http://localhost/images/a.jpg',
        created_at: '2021-05-27T07:36:19+00:00',
        updated_at: '2021-05-27T07:37:00+00:00',
        processing_seconds: 1.5,
        qa_measures: { sharpness: 0.12, brightness: 0.6 },
      }),
      buildAttempt({
        photo_code: 4,
        url: 'http://localhost/images/b.jpg',
        created_at: '2021-05-27T07:37:00+00:00',
        updated_at: '2021-05-27T07:37:03+00:00',
        processing_seconds: 3,
        qa_measures: { sharpness: 0.91 },
      }),
    ],
  };
}

function attemptItems(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Attempts of Left' })).getAllByRole('listitem');
}

describe('AttemptTimeline', () => {
  it('lists the attempts oldest first with verdict, reason, capture time and QA time', () => {
    renderWithProviders(<AttemptTimeline step={leftStep()} onOpenPhoto={() => undefined} onClose={() => undefined} />);

    const [first, second] = attemptItems();
    expect(screen.getByRole('heading', { name: 'Step 4: Left' })).toBeInTheDocument();
    expect(first).toHaveTextContent('Attempt 1');
    expect(first).toHaveTextContent('Rejected');
    expect(first).toHaveTextContent('superseded by a retake');
    expect(first).toHaveTextContent('Reason: Blurry Image (blurry)');
    expect(first).toHaveTextContent('Captured at 2021-05-27 07:36:19 UTC · QA time 1.5 s');
    expect(second).toHaveTextContent('Attempt 2');
    expect(second).toHaveTextContent('Accepted');
    expect(second).not.toHaveTextContent('superseded');
    expect(second).toHaveTextContent('QA time 3 s');
  });

  it('shows the measured values of each attempt', () => {
    renderWithProviders(<AttemptTimeline step={leftStep()} onOpenPhoto={() => undefined} onClose={() => undefined} />);

    const [first] = attemptItems();
    const measures = within(first as HTMLElement).getByLabelText('Measured values');
    expect(measures).toHaveTextContent('sharpness0.12');
    expect(measures).toHaveTextContent('brightness0.6');
  });

  it('opens the full-size photo of an attempt by its key', async () => {
    const opened: string[] = [];
    const { user } = renderWithProviders(
      <AttemptTimeline step={leftStep()} onOpenPhoto={(key) => opened.push(key)} onClose={() => undefined} />,
    );

    await user.click(screen.getByRole('button', { name: 'View attempt 2 of Left full size' }));

    expect(opened).toEqual(['4:2']);
  });

  it('shows a skipped attempt without an image', () => {
    const step: ProgressStep = {
      step: 5,
      photo_code: 10,
      photo_label: 'Front_Left',
      state: 'skipped',
      attempts: [
        buildAttempt({ photo_code: 10, reason: 'skipped', url: null, thumbnail_url: null, qa_measures: null }),
      ],
    };
    renderWithProviders(<AttemptTimeline step={step} onOpenPhoto={() => undefined} onClose={() => undefined} />);

    const [only] = within(screen.getByRole('list', { name: 'Attempts of Front_Left' })).getAllByRole('listitem');
    expect(only).toHaveTextContent('No image');
    expect(only).toHaveTextContent('Skipped');
    expect(within(only as HTMLElement).queryByRole('button')).toBeNull();
  });
});
