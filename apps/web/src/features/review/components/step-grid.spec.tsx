import { screen, within } from '@testing-library/react';
import { captureSteps, photoNameOf } from '@pave/domain';
import { createFakeApi } from '../../../testing/fake-api.js';
import { createTestClient, renderWithProviders } from '../../../testing/render-app.js';
import { buildReviewSeed, sampleKey } from '../../../testing/sample-session.js';
import { buildAttempt } from '../../../testing/build-attempt.js';
import { StepGrid } from './step-grid.js';

async function sampleSteps() {
  const api = createFakeApi({ sessions: [buildReviewSeed()] });
  return (await createTestClient(api).sessions.progress(sampleKey)).steps;
}

function cardOf(name: RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

describe('StepGrid', () => {
  it('shows the 13 steps in capture order', async () => {
    renderWithProviders(<StepGrid steps={await sampleSteps()} selectedCode={null} onSelect={() => undefined} />);

    const cards = within(screen.getByRole('list', { name: 'Capture steps' })).getAllByRole('button');
    const titles = cards.map((card) => card.querySelector('.step-card__title')?.textContent);

    expect(titles).toEqual(captureSteps.map((step) => `${step.step}. ${photoNameOf(step.photoCode)}`));
  });

  it('shows the latest thumbnail of an accepted step and a placeholder for pending, skipped and typed-in steps', async () => {
    const { container } = renderWithProviders(
      <StepGrid steps={await sampleSteps()} selectedCode={null} onSelect={() => undefined} />,
    );

    const vin = cardOf(/^1\. VIN/);
    expect(vin.querySelector('img')).toHaveAttribute('src', 'http://localhost/images/1-1-thumb.jpg');
    expect(cardOf(/^2\. Interior/).querySelector('img')).toHaveAttribute(
      'src',
      'http://localhost/images/2-3-thumb.jpg',
    );
    expect(cardOf(/^3\. Odometer/)).toHaveTextContent('Entered manually');
    expect(cardOf(/^3\. Odometer/).querySelector('img')).toBeNull();
    expect(cardOf(/^5\. Front left/)).toHaveTextContent('Skipped');
    expect(cardOf(/^6\. Front /)).toHaveTextContent('Pending');
    expect(container.querySelectorAll('img')).toHaveLength(3);
  });

  it('shows the state badge, the rejection reason and the number of attempts', async () => {
    renderWithProviders(<StepGrid steps={await sampleSteps()} selectedCode={null} onSelect={() => undefined} />);

    const left = cardOf(/^4\. Left side/);
    expect(left).toHaveTextContent('Rejected');
    expect(left).toHaveTextContent('Reason: Blurry Image');
    expect(left).toHaveTextContent('1 attempt');
    const interior = cardOf(/^2\. Interior/);
    expect(interior).toHaveTextContent('Accepted');
    expect(interior).toHaveTextContent('2 attempts');
    expect(interior).not.toHaveTextContent('Reason');
  });

  it('shows on a rejected card the checks that failed, in plain words', () => {
    const measures = {
      meanLuma: 11,
      darkMeanLuma: 45,
      brightMeanLuma: 215,
      laplacianVariance: 400,
      blurVarianceMin: 60,
    };
    const attempt = buildAttempt({
      photo_code: 4,
      reason: 'too_dark',
      url: 'http://localhost/a.jpg',
      qa_measures: measures,
    });
    const step = { step: 4, photo_code: 4, photo_label: 'Left', state: 'rejected', attempts: [attempt] } as const;
    renderWithProviders(
      <StepGrid steps={[{ ...step, attempts: [attempt] }]} selectedCode={null} onSelect={() => undefined} />,
    );

    const card = cardOf(/^4\. Left side/);
    expect(card).toHaveTextContent('Reason: Too Dark');
    expect(card).toHaveTextContent('Brightness 11, needs 45 to 215');
    expect(card).not.toHaveTextContent('Sharpness');
  });

  it('marks the selected step and reports a click with its photo code', async () => {
    const selected: number[] = [];
    const { user } = renderWithProviders(
      <StepGrid steps={await sampleSteps()} selectedCode={4} onSelect={(code) => selected.push(code)} />,
    );

    expect(cardOf(/^4\. Left side/)).toHaveAttribute('aria-pressed', 'true');
    expect(cardOf(/^1\. VIN/)).toHaveAttribute('aria-pressed', 'false');
    await user.click(cardOf(/^12\. Windshield/));

    expect(selected).toEqual([9]);
  });

  it('says so when no step matches the filter', () => {
    renderWithProviders(<StepGrid steps={[]} selectedCode={null} onSelect={() => undefined} />);

    expect(screen.getByText('No steps match this filter.')).toBeInTheDocument();
  });
});
