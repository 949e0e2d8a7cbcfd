import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n.ts';

/** The UI's language, for the Belgian formatting helpers of src/domain/shared/format.ts. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** Sets the browser tab's title: "<page> — Smart Rural". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — Smart Rural` : 'Smart Rural';
  }, [title]);
}
