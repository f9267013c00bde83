import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionLanguage } from '@pave/domain';
import { catalogueLoaders } from './catalogues.js';
import { captureErrorText } from './capture-error-text.js';
import { en, type CaptureText } from './en.js';

const TextContext = createContext<CaptureText>(en);

/** Props of {@link CaptureTextProvider}. */
export type CaptureTextProviderProps = { text: CaptureText; children: ReactNode };

/** Gives the capture app's components the catalogue of the session's language. */
export function CaptureTextProvider({ text, children }: CaptureTextProviderProps) {
  return <TextContext value={text}>{children}</TextContext>;
}

// the catalogues loaded so far, for every later render of this page
const loaded = new Map<SessionLanguage, CaptureText>([['EN', en]]);

/**
 * The catalogue of `language`: null while it loads; English when it cannot be loaded (offline, before the service
 * worker kept it), so the driver is never left without words.
 */
export function useCatalogue(language: SessionLanguage): CaptureText | null {
  const [, setLoads] = useState(0);
  useEffect(() => {
    if (loaded.has(language)) return undefined;
    let live = true;
    void catalogueLoaders[language]()
      .catch(() => en)
      .then((text) => {
        loaded.set(language, text);
        if (live) setLoads((count) => count + 1);
      });
    return () => {
      live = false;
    };
  }, [language]);
  return loaded.get(language) ?? null;
}

/** The capture app's strings in the session's language (English until the session is read). */
export function useText(): CaptureText {
  return useContext(TextContext);
}

/** Words a failure in the session's language (see {@link captureErrorText}). */
export function useErrorText(): (error: unknown) => string {
  const text = useText();
  return (error) => captureErrorText(text, error);
}
