import { useEffect, useRef, type ReactNode } from 'react';

/** A screen's title: focused when the screen appears, so a screen reader starts reading there. */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // not on the first screen of a page load: the browser's own focus handling is right there
    if (document.activeElement !== document.body) heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h2 id="capture-screen-title" ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}
