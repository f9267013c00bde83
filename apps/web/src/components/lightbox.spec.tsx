import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Lightbox, type LightboxItem } from './lightbox.js';

const items: LightboxItem[] = ['a', 'b', 'c'].map((name) => ({
  key: name,
  src: `http://localhost/images/${name}.jpg`,
  alt: `Photo ${name}`,
  caption: `Caption ${name}`,
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

  it('closes on Escape and gives the focus back to the opener', async () => {
    const { user } = await openLightbox();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open photos' })).toHaveFocus();
  });
});
