/**
 * The French of a needs register, made comparable before the database stems it (issue 12). Communes write their
 * needs in a hurry: acronyms of Belgian public life (« EP », « TAD », « CPAS »), clipped words (« conso »,
 * « appli », « vidéosurv. »), slashes between words (« 4G/5G ») and typos (« éclairrage »). This module rewrites
 * such text so that PostgreSQL's French Snowball stemmer (`to_tsvector('french', …)`, which the engine already
 * uses) sees the words the taxonomy uses: acronyms keep their letters and gain their expansion, clipped words are
 * replaced by the full word, and a long word one letter away from a word of the taxonomy's vocabulary is read as
 * that word. Pure and deterministic: the same text gives the same result. The word lists are in
 * need-language-words.ts.
 */

import { ACRONYMS, CLIPPED_WORDS } from './need-language-words.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+-]*\.?/gu;

/** Lower case without accents: how words are compared (the database also removes accents). */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A word-by-word memo, emptied when it grows large (a register repeats its words; a server runs for long). */
export function memoised(fn: (word: string) => string, limit = 100_000): (word: string) => string {
  const cache = new Map<string, string>();
  return (word: string) => {
    let out = cache.get(word);
    if (out === undefined) {
      if (cache.size >= limit) cache.clear();
      out = fn(word);
      cache.set(word, out);
    }
    return out;
  };
}

const clippedByFold = new Map(Object.entries(CLIPPED_WORDS).map(([k, v]) => [foldWord(k), v]));

/** Acronyms followed by their expansion, clipped words replaced, slashes between words opened. */
export function expandAbbreviations(text: string): string {
  return openSlashes(text).replace(WORD, expandToken);
}

function openSlashes(text: string): string {
  return text.includes('/') ? text.replace(/(\p{L}|\p{N})\/(?=\p{L}|\p{N})/gu, '$1 ') : text;
}

const acronyms = new Map(Object.entries(ACRONYMS));

const expandToken = memoised((token: string): string => {
  const bare = token.endsWith('.') ? token.slice(0, -1) : token;
  const acronym = acronyms.get(bare);
  if (acronym !== undefined) return `${token} (${acronym})`;
  const clipped =
    clippedByFold.get(foldWord(token)) ?? (token === bare ? undefined : clippedByFold.get(foldWord(bare)));
  if (clipped !== undefined) {
    const dot = token.endsWith('.') && !clippedByFold.has(foldWord(token)) ? '.' : '';
    return clipped + dot;
  }
  return token;
});

/** Damerau–Levenshtein distance capped at 2 (enough to tell 0, 1 and "more"). */
export function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // one substitution, or one transposition of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // one insertion or deletion
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A spelling corrector towards a vocabulary (the words of the taxonomy's terms and of the expansions): a word of at
 * least `minLength` letters that is not in the vocabulary and is one edit (a letter added, missing, changed, or two
 * neighbours swapped) from exactly one vocabulary word, plurals aside, is read as that word. Short words are left
 * alone: « interne » is not a typo of « internet ».
 */
export function typoCorrector(vocabulary: Iterable<string>, minLength = 8): (word: string) => string {
  const known = new Map<string, string>();
  for (const w of vocabulary) {
    const f = foldWord(w);
    if (f.length >= minLength - 1 && /^\p{L}+$/u.test(f) && !known.has(f)) known.set(f, w);
  }
  // Symmetric deletions: every word one letter shorter points to the vocabulary words it came from.
  const byDeletion = new Map<string, Set<string>>();
  const addKey = (key: string, f: string) => {
    const set = byDeletion.get(key) ?? new Set<string>();
    set.add(f);
    byDeletion.set(key, set);
  };
  for (const f of known.keys()) {
    addKey(f, f);
    for (let i = 0; i < f.length; i++) addKey(f.slice(0, i) + f.slice(i + 1), f);
  }
  const singular = (f: string) => (f.length > 3 && /[sx]$/.test(f) ? f.slice(0, -1) : f);
  return memoised((word: string) => {
    if (word.length < minLength) return word;
    const f = foldWord(word);
    if (f.length < minLength || !/^\p{L}+$/u.test(f)) return word;
    let result = f;
    const forms = [f, singular(f)];
    if (!forms.some((x) => known.has(x))) {
      const candidates = new Set<string>();
      for (const form of forms) {
        const keys = [form];
        for (let i = 0; i < form.length; i++) keys.push(form.slice(0, i) + form.slice(i + 1));
        for (const key of keys)
          for (const c of byDeletion.get(key) ?? []) if (editDistanceAtMost1(form, c)) candidates.add(c);
      }
      const bases = new Set([...candidates].map(singular));
      if (bases.size === 1) {
        const target = [...candidates].sort()[0]!;
        // Keep the plural the writer meant.
        result = known.get(target)! + (f.endsWith('s') && !target.endsWith('s') ? 's' : '');
      }
    }
    return result === f ? word : result;
  });
}

/** Every word of some phrasings, for a vocabulary. */
export function wordsOf(phrases: Iterable<string>): string[] {
  const out: string[] = [];
  for (const p of phrases) for (const m of p.matchAll(/\p{L}+/gu)) out.push(m[0]);
  return out;
}

/** The singular a French plural most likely comes from (« réverbères », « illégaux »), for look-ups. */
function singularForms(folded: string): string[] {
  const forms = [folded];
  if (folded.length > 4 && folded.endsWith('aux')) forms.push(`${folded.slice(0, -3)}al`);
  if (folded.length > 3 && /[sx]$/.test(folded)) forms.push(folded.slice(0, -1));
  return forms;
}

/**
 * A reader of synonyms (variant → the taxonomy's word): a variant, singular or plural, is followed by the
 * taxonomy's word, so that « véhicule partagé » also reads « voiture partagé » and meets the term « voiture
 * partagée » once stemmed.
 */
export function synonymReader(synonyms: Readonly<Record<string, string>>): (word: string) => string {
  const byFold = new Map(Object.entries(synonyms).map(([k, v]) => [foldWord(k), v]));
  return memoised((word: string) => {
    for (const form of singularForms(foldWord(word))) {
      const canonical = byFold.get(form);
      if (canonical !== undefined) return `${word} ${canonical}`;
    }
    return word;
  });
}

/**
 * A reader of the register's texts: abbreviations expanded, then typos corrected towards the vocabulary, then
 * synonyms followed by the taxonomy's word. One pass over the text; each distinct word is worked out once.
 */
export function needTextReader(
  correct: (word: string) => string,
  synonyms: (word: string) => string = (w) => w,
): (text: string) => string {
  const readToken = memoised((token: string) => expandToken(token).replace(/[\p{L}-]+/gu, (w) => synonyms(correct(w))));
  return (text: string) => openSlashes(text).replace(WORD, readToken);
}

/** One text read as the engine reads it (see `needTextReader`). */
export function normaliseNeedText(
  text: string,
  correct: (word: string) => string,
  synonyms: (word: string) => string = (w) => w,
): string {
  return needTextReader(correct, synonyms)(text);
}
