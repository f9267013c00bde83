import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Lightbox, type LightboxItem } from './lightbox.js';

const items: LightboxItem[] = ['a', 'b', 'c'].map((name) => ({
  key: name,
  src: `http://localhost/images/${name}.jpg`,
  alt: `Photo ${name}`,
  caption: `Caption ${name}`,
  downloadName: `${name}.jpg`,
}));

function Harness() {
  const [current, setCurrent] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => setCurrent('b')}>
        Open photos
      </button>
      {current ? (
        <Lightbox items={items} currentKey={current} onChange={setCurrent} onClose={() => setCurrent(null)} />
      ) : null}
    </>
  );
}

// jsdom lays nothing out: give the fitted image a size, so panning has room
const sizes = ['offsetWidth', 'offsetHeight'] as const;
const original = sizes.map((name) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 300 });
});

afterAll(() => {
  sizes.forEach((name, index) => {
    const descriptor = original[index];
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  });
});

// jsdom has no PointerEvent: a mouse event of the pointer type with a pointerId is what React reads
function pointer(type: string, target: Element, clientX: number, clientY: number) {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY });
  Object.defineProperty(event, 'pointerId', { value: 1 });
  act(() => void target.dispatchEvent(event));
}

async function openLightbox() {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(screen.getByRole('button', { name: 'Open photos' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Caption b' }) };
}

describe('Lightbox', () => {
  it('is a modal dialog that takes the focus', async () => {
    const { dialog } = await openLightbox();

    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(within(dialog).getByRole('img')).toHaveAttribute('src', 'http://localhost/images/b.jpg');
    expect(dialog).toHaveTextContent('Photo 2 of 3');
  });

  it('moves with the arrow keys and wraps around', async () => {
    const { user, dialog } = await openLightbox();

    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('img')).toHaveAccessibleName('Photo c');
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('img')).toHaveAccessibleName('Photo a');
    await user.keyboard('{ArrowLeft}');
    expect(within(dialog).getByRole('img')).toHaveAccessibleName('Photo c');
  });

  it('keeps Tab inside the dialog', async () => {
    const { user, dialog } = await openLightbox();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const next = within(dialog).getByRole('button', { name: /Next photo/ });

    await user.tab({ shift: true });
    expect(next).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
  });

  it('zooms with + and − and the buttons, fits again with 0, and says the zoom', async () => {
    const { user, dialog } = await openLightbox();
    const image = within(dialog).getByRole('img');

    await user.keyboard('+');
    expect(image.style.transform).toContain('scale(1.5)');
    expect(dialog).toHaveTextContent('150%');
    await user.click(within(dialog).getByRole('button', { name: /Zoom in/ }));
    expect(image.style.transform).toContain('scale(2.25)');
    await user.keyboard('-');
    expect(image.style.transform).toContain('scale(1.5)');
    await user.keyboard('0');
    expect(image.style.transform).toContain('scale(1)');
    expect(within(dialog).getByRole('button', { name: /Zoom out/ })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Fit to screen' })).toBeDisabled();
  });

  it('pans a zoomed photo with the arrow keys and a drag instead of changing photos', async () => {
    const { user, dialog } = await openLightbox();
    const image = within(dialog).getByRole('img');

    await user.keyboard('++{ArrowLeft}{ArrowUp}');
    expect(image).toHaveAccessibleName('Photo b');
    expect(image.style.transform).toBe('translate(60px, 60px) scale(2.25)');
    pointer('pointerdown', image, 100, 100);
    pointer('pointermove', image, 70, 90);
    pointer('pointerup', image, 70, 90);
    expect(image.style.transform).toBe('translate(30px, 50px) scale(2.25)');
  });

  it('zooms with the wheel without scrolling the page', async () => {
    const { dialog } = await openLightbox();
    const image = within(dialog).getByRole('img');

    const event = new WheelEvent('wheel', { deltaY: -200, bubbles: true, cancelable: true });
    act(() => void image.dispatchEvent(event));

    expect(event.defaultPrevented).toBe(true);
    expect(image.style.transform).toContain('scale(1.5)');
  });

  it('starts the next photo fitted again', async () => {
    const { user, dialog } = await openLightbox();

    await user.keyboard('+');
    await user.click(within(dialog).getByRole('button', { name: /Next photo/ }));

    expect(within(dialog).getByRole('img').style.transform).toContain('scale(1)');
  });

  it('offers the original photo for download', async () => {
    const { dialog } = await openLightbox();

    const link = within(dialog).getByRole('link', { name: 'Download original' });
    expect(link).toHaveAttribute('href', 'http://localhost/images/b.jpg');
    expect(link).toHaveAttribute('download', 'b.jpg');
  });

  it('closes on Escape and gives the focus back to the opener', async () => {
    const { user } = await openLightbox();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open photos' })).toHaveFocus();
  });
});
