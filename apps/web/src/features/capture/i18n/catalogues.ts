import type { SessionLanguage } from '@pave/domain';
import { en, type CaptureText } from './en.js';

/**
 * How the catalogue of each session language is loaded. English (the reference, and the words before a session is
 * read) is part of the capture app; French and Spanish are fetched when a session speaks them, since a driver needs one
 * language only. Each catalogue has every key of the English one (`satisfies CaptureText` in its file).
 */
export const catalogueLoaders = {
  EN: () => Promise.resolve(en),
  FR: () => import('./fr.js').then((module) => module.fr),
  ES: () => import('./es.js').then((module) => module.es),
} as const satisfies Record<SessionLanguage, () => Promise<CaptureText>>;

/** The HTML `lang` of each session language. */
export const htmlLanguages = { EN: 'en', FR: 'fr', ES: 'es' } as const satisfies Record<SessionLanguage, string>;
