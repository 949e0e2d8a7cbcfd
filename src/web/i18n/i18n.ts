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
 * Each language's strings are a file of their own, downloaded when that language is first used: a visitor gets
 * only the language they read (about 25 kB less on the first load, decision 105).
 */
const catalogues: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  fr: () => import('./fr.json'),
  en: () => import('./en.json'),
};

export async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { default: strings } = await catalogues[language]();
  i18next.addResourceBundle(language, 'translation', strings, true, true);
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
export const i18nReady = catalogues[initialLanguage]().then(async ({ default: strings }) => {
  await i18next.use(initReactI18next).init({
    resources: { [initialLanguage]: { translation: strings } },
    // The other language is added when the user switches to it (loadLanguage).
    partialBundledLanguages: true,
    lng: initialLanguage,
    fallbackLng: 'fr',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  /**
   * `{{commune, de}}` in a French string writes « d’Arlon » or « de Bastogne » (src/domain/shared/french.ts); in
   * English the name is left as it is. Counts go through i18next's plural rules (`key_one`, `key_other`), never « (s) ».
   */
  i18next.services.formatter?.add('de', (value: unknown, lng: string | undefined) =>
    lng === 'fr' ? deName(String(value)) : String(value),
  );
});

export { i18next };
