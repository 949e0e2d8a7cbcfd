import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/shared/format.ts';
import { deName } from '../../domain/shared/french.ts';

export const LANGUAGES = ['fr', 'en'] as const satisfies readonly Locale[];
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'smart-rural.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'fr';
  } catch {
    return 'fr';
  }
}

/** The language the UI speaks now; French unless the user chose English. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'fr';
}

/**
 * The strings are split in parts (decision 105): `core` (the frame, the shared words) comes with the first page; each
 * feature's strings (`strategy`, `needs`, `public`…) are a file of their own, loaded with the feature's pages
 * (`loadStrings` in the router), so a page downloads only the strings it shows, and only in the language read.
 * A part's file holds full keys (`fr/strategy.json` is `{ "strategy": { … } }`), merged into the one namespace, so
 * keys read the same everywhere: `t('strategy.title')`. A key of a part not loaded yet loads that part (named after
 * the key's first segment), and the components showing it render again when it arrives.
 */
type Catalogue = { default: Record<string, unknown> };
const PART_FILES: Record<Language, Record<string, () => Promise<Catalogue>>> = {
  fr: import.meta.glob<Catalogue>('./fr/*.json'),
  en: import.meta.glob<Catalogue>('./en/*.json'),
};
const partNames = new Set(Object.keys(PART_FILES.fr).map((file) => file.replace(/^\.\/fr\/|\.json$/g, '')));

/** The parts asked for so far (loaded again in the other language when the user switches). */
const wanted = new Set<string>(['core']);
const loading = new Map<string, Promise<void>>();

function loadPart(language: Language, part: string): Promise<void> {
  const id = `${language}/${part}`;
  const known = loading.get(id);
  if (known) return known;
  const file = PART_FILES[language][`./${language}/${part}.json`];
  if (!file) return Promise.resolve();
  const loaded = file().then(({ default: strings }) => {
    i18next.addResourceBundle(language, 'translation', strings, true, true);
  });
  loading.set(
    id,
    loaded.catch(() => {
      loading.delete(id); // a network failure: asked again next time
    }),
  );
  return loaded;
}

/** Loads parts of the strings in the language in use (a page's loader waits for them before showing it). */
export async function loadStrings(...parts: string[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  await i18nReady;
  await Promise.all(parts.map((part) => loadPart(currentLanguage(), part)));
}

/** Loads, in `language`, every part already asked for. */
export async function loadLanguage(language: Language): Promise<void> {
  await Promise.all([...wanted].map((part) => loadPart(language, part)));
}

/** Waits for `loader` and for the parts of the strings its page shows. */
export function withStrings<T>(parts: string[], loader: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([loader(), loadStrings(...parts)]).then(([module]) => module);
}

export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (!isLanguage(language) || typeof document === 'undefined') return;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
});

const initialLanguage = storedLanguage();
export const i18nReady: Promise<void> = (async () => {
  const core = await PART_FILES[initialLanguage][`./${initialLanguage}/core.json`]?.();
  await i18next.use(initReactI18next).init({
    resources: { [initialLanguage]: { translation: core?.default ?? {} } },
    // The other parts, and the other language, are added as they are needed (loadStrings, loadLanguage).
    partialBundledLanguages: true,
    lng: initialLanguage,
    fallbackLng: 'fr',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key of a part not loaded yet (a string shown outside its feature's pages) loads the part…
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => {
      const part = key.split('.')[0] ?? '';
      if (partNames.has(part) && !loading.has(`${currentLanguage()}/${part}`)) void loadStrings(part);
    },
    // …and the components render again when it is added.
    react: { bindI18nStore: 'added' },
  });
  loading.set(`${initialLanguage}/core`, Promise.resolve());
  /**
   * `{{commune, de}}` in a French string writes « d’Arlon » or « de Bastogne » (src/domain/shared/french.ts); in
   * English the name is left as it is. Counts go through i18next's plural rules (`key_one`, `key_other`), never « (s) ».
   */
  i18next.services.formatter?.add('de', (value: unknown, lng: string | undefined) =>
    lng === 'fr' ? deName(String(value)) : String(value),
  );
})();

export { i18next };
