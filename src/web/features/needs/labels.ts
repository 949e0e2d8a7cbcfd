import type { GroupExplanation } from '../../../domain/mutualisation/grouping.ts';
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

/**
 * Why a group was formed, in the reader's language, from the facts kept with it; a group formed before the facts
 * were kept shows its stored (French) reason.
 */
export function groupReason(
  group: { reason: string; explanation: GroupExplanation | null },
  language: string,
  t: Translate,
): string {
  const facts = group.explanation;
  if (!facts) return group.reason;
  const parts: string[] = [];
  if (facts.category && SMART_CATEGORIES.some((c) => c.key === facts.category)) {
    parts.push(
      t('needs.explanation.category', { category: categoryLabel(facts.category, language, t) }) +
        (facts.taxonomyTerms.length ? t('needs.explanation.terms', { terms: facts.taxonomyTerms.join(', ') }) : ''),
    );
  }
  if (facts.sharedWords.length) parts.push(t('needs.explanation.words', { words: facts.sharedWords.join(', ') }));
  if (facts.titleSimilarity !== null) {
    parts.push(t('needs.explanation.titles', { percent: Math.round(facts.titleSimilarity * 100) }));
  }
  if (parts.length === 0) return t('needs.explanation.close');
  const text = `${parts.join(t('needs.explanation.separator'))}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
