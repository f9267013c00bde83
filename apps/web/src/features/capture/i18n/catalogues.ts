import type { SessionLanguage } from '@pave/domain';
import { en, type CaptureText } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** One catalogue per session language; each must have every key of the English one (checked at compile time). */
export const captureCatalogues = { EN: en, FR: fr, ES: es } as const satisfies Record<SessionLanguage, CaptureText>;

/** The HTML `lang` of each session language. */
export const htmlLanguages = { EN: 'en', FR: 'fr', ES: 'es' } as const satisfies Record<SessionLanguage, string>;
