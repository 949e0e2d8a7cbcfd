/**
 * The syntax of a need's title (issue 12, round 4). A register's title is a French noun phrase, and in French the
 * head comes first: in « Réfection de la toiture de l'école » the need is about « toiture », and « école » is a
 * complement that says where. This module cuts a title at its prepositions into its head and its complements:
 *
 * - the **head** is what comes before the first preposition (« de », « des », « d' », « à », « aux », « pour »,
 *   « contre », …). When that part holds only light words — an action noun (« réfection », « paiement »,
 *   « dimming »: -tion, -sion, -ement, -ing) or the register's filler (« achat », « gestion », « mise en place ») —
 *   the need is about the action's object, so the head runs on to the next preposition: « Gestion des
 *   cimetières » is about « cimetières ». « en » opens an adverbial phrase (« en ligne », « en temps réel ») that
 *   stays in its part and does not make a head of its own;
 * - the **complements** are the rest of the title.
 * - the **head word** is the first word of the head that is not light (« Nouveau site web » → « site »): what the
 *   need names.
 *
 * The engine links two needs the taxonomy did not place that name the same thing (the same head word) even when
 * that word is the only one they share (« Nouveau site web » / « Site de la commune à refaire »); other
 * needs still need two shared words. Pure: the same title gives the same cut.
 */

import { foldWord } from './need-language.ts';
import { REGISTER_STOP_WORDS } from './need-language-words.ts';

export type TitleParts = { head: string; complements: string; headWord: string | null };

/** Prepositions that open a complement, folded; elided forms end with an apostrophe. */
const PREPOSITIONS = new Set([
  'de',
  'du',
  'des',
  "d'",
  'a',
  'au',
  'aux',
  'pour',
  'par',
  'sur',
  'sous',
  'dans',
  'avec',
  'contre',
  'vers',
  'chez',
  'entre',
  'sans',
  'selon',
  'via',
  'apres',
  'avant',
  'pendant',
  'aupres',
]);
/** Articles and other words that are never a head. */
const GRAMMAR = new Set(["l'", 'le', 'la', 'les', 'un', 'une', 'et', 'ou', 'en', 'nos', 'notre', 'leur', 'leurs']);
/**
 * Action nouns by their derivational suffix (singular or plural), as French forms them from verbs: -tion, -sion,
 * -ement (« remplacement », « paiement »; not « monument », « bâtiment », « élément », which name things) and the
 * English -ing of borrowed words (« monitoring », « dimming »).
 */
const ACTION_NOUN = /(?:tion|sion|ement|ing)s?$/u;

const fillers = new Set(REGISTER_STOP_WORDS.map(foldWord));

/** A word that does not name what the need is about: an action noun, the register's filler, a grammar word. */
export function isLightWord(word: string): boolean {
  const f = foldWord(word);
  return (
    GRAMMAR.has(f) || fillers.has(f) || (f.length > 5 && ACTION_NOUN.test(word.toLowerCase())) || !/\p{L}/u.test(f)
  );
}

/** The title's words, elided articles and prepositions (« l'», « d'») split off and written with a straight apostrophe. */
function tokens(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(/[\p{L}\p{N}][\p{L}\p{N}+-]*(?:['’])?/gu)) {
    const token = m[0];
    out.push(/['’]$/.test(token) ? `${token.slice(0, -1)}'` : token);
  }
  return out;
}

/** The title cut at its prepositions: each part's words, and where the part's adverbial phrase (« en … ») starts. */
function partsOf(title: string): { words: string[]; adverbial: number }[] {
  const parts: { words: string[]; adverbial: number }[] = [{ words: [], adverbial: -1 }];
  for (const token of tokens(title)) {
    const f = foldWord(token);
    const part = parts[parts.length - 1]!;
    if (PREPOSITIONS.has(f) && part.words.length > 0) parts.push({ words: [], adverbial: -1 });
    else if (f === 'en' && part.adverbial < 0) {
      part.adverbial = part.words.length;
      part.words.push(token);
    } else if (!PREPOSITIONS.has(f)) part.words.push(token);
  }
  return parts.filter((p) => p.words.length > 0);
}

/** The head and the complements of a title, and the word it names (see the module's comment). */
export function titleParts(title: string): TitleParts {
  const parts = partsOf(title);
  let headEnd = 0;
  // A part of light words only (its adverbial phrase aside) passes the head on to the next part.
  while (headEnd < parts.length - 1) {
    const { words, adverbial } = parts[headEnd]!;
    const nominal = adverbial < 0 ? words : words.slice(0, adverbial);
    if (!nominal.every(isLightWord)) break;
    headEnd++;
  }
  const head = parts.slice(0, headEnd + 1).flatMap((p) => p.words);
  const complements = parts.slice(headEnd + 1).flatMap((p) => p.words);
  const nominal = parts
    .slice(0, headEnd + 1)
    .flatMap((p) => (p.adverbial < 0 ? p.words : p.words.slice(0, p.adverbial)));
  const headWord = nominal.find((w) => !isLightWord(w)) ?? null;
  return { head: head.join(' '), complements: complements.join(' '), headWord };
}
