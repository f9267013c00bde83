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
  return within(screen.getByRole('list', { name: 'Attempts of Left side' })).getAllByRole('listitem');
}

describe('AttemptTimeline', () => {
  it('lists the attempts oldest first with verdict, reason, capture time and QA time', () => {
    renderWithProviders(<AttemptTimeline step={leftStep()} onOpenPhoto={() => undefined} onClose={() => undefined} />);

    const [first, second] = attemptItems();
    expect(screen.getByRole('heading', { name: 'Step 4: Left side' })).toBeInTheDocument();
    expect(first).toHaveTextContent('Attempt 1');
    expect(first).toHaveTextContent('Rejected');
    expect(first).toHaveTextContent('superseded by a retake');
    expect(first).toHaveTextContent('Reason: Blurry Image (blurry)');
    expect(first).toHaveTextContent(/Captured at .+ · QA time 1\.5 s/);
    // in the viewer's local time, the exact UTC time on hover
    expect(within(first as HTMLElement).getByText((_, element) => element?.tagName === 'TIME')).toHaveAttribute(
      'title',
      '2021-05-27 07:36:19 UTC',
    );
    expect(second).toHaveTextContent('Attempt 2');
    expect(second).toHaveTextContent('Accepted');
    expect(second).not.toHaveTextContent('superseded');
    expect(second).toHaveTextContent('QA time 3 s');
  });

  it('says each QA check in plain words, failed ones marked, with the raw numbers under Technical details', async () => {
    const step = leftStep();
    step.attempts[0] = buildAttempt({
      photo_code: 4,
      reason: 'too_dark',
      url: 'http://localhost/images/a.jpg',
      qa_measures: { width: 2560, height: 1920, meanLuma: 11, darkMeanLuma: 45, brightMeanLuma: 215, format: 'jpeg' },
    });
    const { user } = renderWithProviders(
      <AttemptTimeline step={step} onOpenPhoto={() => undefined} onClose={() => undefined} />,
    );

    const [first] = attemptItems();
    const checks = within(within(first as HTMLElement).getByRole('list', { name: 'QA checks' })).getAllByRole(
      'listitem',
    );
    expect(checks.map((check) => check.textContent)).toEqual([
      'Long side 2560 px',
      'Short side 1920 px',
      'Orientation landscape, needs landscape ✓(passed)',
      'Brightness 11, needs 45 to 215 ✗(failed)',
    ]);
    const details = within(first as HTMLElement).getByText('Technical details');
    expect(within(first as HTMLElement).getByText('jpeg')).not.toBeVisible();
    await user.click(details);
    expect(within(first as HTMLElement).getByText('jpeg')).toBeVisible();
    expect(first).toHaveTextContent('meanLuma11');
  });

  it('keeps measures it has no words for in the technical details only', () => {
    renderWithProviders(<AttemptTimeline step={leftStep()} onOpenPhoto={() => undefined} onClose={() => undefined} />);

    const [first] = attemptItems();
    expect(within(first as HTMLElement).queryByRole('list', { name: 'QA checks' })).toBeNull();
    expect(within(first as HTMLElement).getByRole('group')).toHaveTextContent('sharpness0.12');
  });

  it('opens the full-size photo of an attempt by its key', async () => {
    const opened: string[] = [];
    const { user } = renderWithProviders(
      <AttemptTimeline step={leftStep()} onOpenPhoto={(key) => opened.push(key)} onClose={() => undefined} />,
    );

    await user.click(screen.getByRole('button', { name: 'View attempt 2 of Left side full size' }));

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

    const [only] = within(screen.getByRole('list', { name: 'Attempts of Front left' })).getAllByRole('listitem');
    expect(only).toHaveTextContent('No image');
    expect(only).toHaveTextContent('Skipped');
    expect(within(only as HTMLElement).queryByRole('button')).toBeNull();
  });
});
