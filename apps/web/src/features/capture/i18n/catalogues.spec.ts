import { qaReasons, SessionLanguage } from '@pave/domain';
import { captureErrorCodes } from './capture-error-codes.js';
import { catalogueLoaders } from './catalogues.js';
import { en, type CaptureText } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

const captureCatalogues = { EN: en, FR: fr, ES: es } as const satisfies Record<SessionLanguage, CaptureText>;

type Entry = [path: string, value: unknown];

/** Every leaf of a catalogue with its dotted path; functions are called with sample arguments. */
function leaves(node: unknown, path = ''): Entry[] {
  if (typeof node === 'function') return [[path, (node as (...args: unknown[]) => unknown)('X', 2)]];
  if (node === null || typeof node !== 'object') return [[path, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

const english = new Map(leaves(en));
// words spelt the same as in English: the VIN everywhere, "Interior" in Spanish
const alike = { FR: new Set(['titles.1']), ES: new Set(['titles.1', 'titles.2']) };

describe('capture catalogues', () => {
  it.each(SessionLanguage.options)('%s has exactly the keys of the English catalogue', (language) => {
    const paths = leaves(captureCatalogues[language]).map(([path]) => path);
    expect(paths).toEqual([...english.keys()]);
  });

  it.each(SessionLanguage.options)('%s has a non-empty string for every entry', (language) => {
    const empty = leaves(captureCatalogues[language]).filter(([, value]) => typeof value !== 'string' || !value.trim());
    expect(empty).toEqual([]);
  });

  it.each(['FR', 'ES'] as const)('%s translates every entry (none left in English)', (language) => {
    const untranslated = leaves(captureCatalogues[language])
      .filter(([path, value]) => !alike[language].has(path) && english.get(path) === value)
      .map(([path]) => path);
    expect(untranslated).toEqual([]);
  });

  it.each(SessionLanguage.options)(
    '%s is the catalogue the app loads for a session in that language',
    async (language) => {
      expect(await catalogueLoaders[language]()).toBe(captureCatalogues[language]);
    },
  );

  it("words the QA reasons in English with the domain's own texts (one source, no drift)", () => {
    expect(en.reasons).toBe(qaReasons);
  });

  it.each(SessionLanguage.options)('%s words every server error code the capture app explains', (language) => {
    expect(Object.keys(captureCatalogues[language].errors.codes).sort()).toEqual([...captureErrorCodes].sort());
  });
});
