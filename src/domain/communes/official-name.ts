import { elidesDe } from '../shared/french.ts';

export const COMMUNE_TITLES = ['ville', 'commune'] as const;
export type CommuneTitle = (typeof COMMUNE_TITLES)[number];

/**
 * A commune as the institution calls itself (issue 12): « Ville d'Arlon » for a commune that holds the title of ville,
 * « Commune de Tintigny » otherwise, with the elision of « de » before a vowel or a mute h (« Commune d'Attert »,
 * « Commune d'Érezée », « Commune de Habay »). The reference data keeps the designation of each commune of the
 * province (`src/server/communes/reference/official-names.csv`, with its source or « à vérifier »); this function is
 * the rule for a commune it does not list. Institutions write their name with a straight apostrophe.
 */
export function officialDesignation(name: string, title: CommuneTitle): string {
  const trimmed = name.trim();
  const head = title === 'ville' ? 'Ville' : 'Commune';
  const article = /^(Le|Les) (.+)$/.exec(trimmed);
  if (article) return `${head} ${article[1] === 'Le' ? 'du' : 'des'} ${article[2]}`;
  return elidesDe(trimmed) ? `${head} d'${trimmed}` : `${head} de ${trimmed}`;
}

/** The title a designation carries (« Ville d'Arlon » → ville); a commune's unless it says « Ville ». */
export function titleOf(designation: string | null): CommuneTitle {
  return designation?.startsWith('Ville ') ? 'ville' : 'commune';
}
