/**
 * Derived words joined to their root (issue 12). PostgreSQL's French Snowball stemmer removes inflections and a few
 * derivational suffixes, but leaves « forestier » (stem « foresti ») apart from « forêt » (« foret ») and
 * « chauffage » (« chauffag ») apart from « chauffer » (« chauff »). This light derivational step works on the
 * stems a register actually holds: a stem that ends with a derivational suffix (-ier/-ière, -age, -eur, -erie as
 * Snowball leaves them) is read as its root when that root is itself a stem of the register, or when two derived
 * stems share it (« affichag », « afficheur » → « affich »). French wrote an « s » before a « t » where a
 * circumflex now stands (« forestier » / « forêt », « fenestrage » / « fenêtre »): a root ending in vowel + « st »
 * is also tried without its « s ». Roots shorter than six letters are not tried (« quartier » is not « quart »).
 * Pure: the same stems give the same roots.
 */

/** Suffixes as the French Snowball stemmer leaves them, longest first. */
const DERIVATIONAL_SUFFIXES = ['ier', 'eur', 'eri', 'ag', 'i'] as const;
const MIN_ROOT = 6;

/** The roots a stem may come from, most likely first (none when it ends with no derivational suffix). */
export function rootCandidates(stem: string): string[] {
  for (const suffix of DERIVATIONAL_SUFFIXES) {
    if (!stem.endsWith(suffix)) continue;
    const root = stem.slice(0, -suffix.length);
    if (root.length < MIN_ROOT) return [];
    const withoutS = root.replace(/([aeiou])st$/, '$1t');
    return withoutS === root ? [root] : [root, withoutS];
  }
  return [];
}

/**
 * For the stems of a register, the root each derived stem is read as (stems with no root found are left out).
 */
export function commonRoots(stems: Iterable<string>): Map<string, string> {
  const known = new Set(stems);
  const out = new Map<string, string>();
  const byRoot = new Map<string, string[]>();
  for (const stem of known) {
    const candidates = rootCandidates(stem);
    const present = candidates.find((c) => c !== stem && known.has(c));
    if (present) out.set(stem, present);
    else if (candidates.length) byRoot.set(candidates[0]!, [...(byRoot.get(candidates[0]!) ?? []), stem]);
  }
  for (const [root, derived] of byRoot) if (derived.length > 1) for (const stem of derived) out.set(stem, root);
  return out;
}
