import { createContext, useContext, type ReactNode } from 'react';
import type { SessionLanguage } from '@pave/domain';
import { captureCatalogues } from './catalogues.js';
import { captureErrorText } from './capture-error-text.js';
import { en, type CaptureText } from './en.js';

const TextContext = createContext<CaptureText>(en);

/** Props of {@link CaptureTextProvider}. */
export type CaptureTextProviderProps = { language: SessionLanguage; children: ReactNode };

/** Gives the capture app's components the catalogue of the session's language. */
export function CaptureTextProvider({ language, children }: CaptureTextProviderProps) {
  return <TextContext value={captureCatalogues[language]}>{children}</TextContext>;
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
