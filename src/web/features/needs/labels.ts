import { SMART_CATEGORIES } from '../../../domain/shared/smart-categories.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The taxonomy's categories, named in the UI's language, sorted for a select. */
export function categoryOptions(language: string): { value: string; label: string }[] {
  return SMART_CATEGORIES.map((c) => ({ value: c.key, label: language === 'en' ? c.en : c.fr })).sort((a, b) =>
    a.label.localeCompare(b.label, language),
  );
}

export function categoryLabel(key: string | null, language: string, t: Translate): string {
  if (!key) return t('needs.noCategory');
  const category = SMART_CATEGORIES.find((c) => c.key === key);
  return category ? (language === 'en' ? category.en : category.fr) : key;
}

/** Dark shades on white (outline badges): readable at the badge's small size (WCAG AA). */
export const STATUS_COLOURS = { proposed: 'blue.9', confirmed: 'teal.9', dismissed: 'gray.8' } as const;
export const URGENCY_COLOURS = { low: 'gray.8', medium: '#8f4700', high: 'red.9' } as const;
