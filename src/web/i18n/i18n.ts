import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/shared/format.ts';
import { deName } from '../../domain/shared/french.ts';
import en from './en.json';
import fr from './fr.json';

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

export async function setLanguage(language: Language): Promise<void> {
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

export const i18nReady = i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
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

export { i18next };
