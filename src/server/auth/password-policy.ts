import { createRequire } from 'node:module';
import type { ZxcvbnFactory as Factory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { InvalidFieldsError } from '../errors.ts';

/**
 * Which passwords we accept, beyond the 12 characters the schema asks (decision 006). zxcvbn (Dropbox's estimator,
 * here its maintained TypeScript port) estimates how many guesses a password would cost an attacker who tries the
 * common and leaked passwords first, French and English words, first names and surnames, keyboard rows (AZERTY
 * too), repetitions, sequences and dates, with their usual disguises (capitals, l33t, reversal), and the words of
 * the context: the person's e-mail and name, the application's and the agency's names.
 *
 * A password is refused when it would fall within 10^8 guesses (zxcvbn's score below 3), or when half of it or more
 * is context. The reason given is zxcvbn's main finding, worded in our message catalogue.
 */
export const MINIMUM_SCORE = 3;
/** Passwords are judged on their first characters: the estimate's cost grows fast with length, 64 are plenty. */
const JUDGED_LENGTH = 64;

export type PasswordContext = { email?: string | null; displayName?: string | null; agencyName?: string | null };

export const WEAK_PASSWORD_CODES = [
  'PASSWORD_PERSONAL',
  'PASSWORD_COMMON',
  'PASSWORD_PATTERN',
  'PASSWORD_DATES',
  'PASSWORD_WORDS',
  'PASSWORD_GUESSABLE',
] as const;
export type WeakPasswordCode = (typeof WEAK_PASSWORD_CODES)[number];

const APP_NAMES = ['Smart Rural', 'smartrural', 'smart-rural', 'Smart', 'Rural'];

const require = createRequire(import.meta.url);
const PACKAGES = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-fr', '@zxcvbn-ts/language-en'];
/** How long the estimator is kept after its last use: a batch of new accounts reuses it. */
const KEEP_MS = 60_000;
let estimator: Factory | null = null;
let release: NodeJS.Timeout | undefined;

/**
 * Built on first use (~0.2 s: the dictionaries are decompressed once), kept a minute after the last use, then let
 * go with its modules: the dictionaries take ~60 MB, and passwords are set a few times a day, not per request
 * (bench/memory.ts). Loaded with require (the packages are CommonJS), so the check stays synchronous.
 */
function getEstimator(): Factory {
  if (!estimator) {
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const fr = require('@zxcvbn-ts/language-fr') as typeof import('@zxcvbn-ts/language-fr');
    const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    estimator = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...fr.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      maxLength: JUDGED_LENGTH,
      // Each l33t substitution multiplies the work; five are enough to see "p@ssw0rd" and keep a check near 50 ms.
      l33tMaxSubstitutions: 5,
    });
  }
  clearTimeout(release);
  release = setTimeout(releasePasswordEstimator, KEEP_MS);
  release.unref();
  return estimator;
}

/** Lets the estimator and its dictionaries go now (after the start-up check of ADMIN_PASSWORD). */
export function releasePasswordEstimator(): void {
  clearTimeout(release);
  estimator = null;
  for (const name of PACKAGES) delete require.cache[require.resolve(name)];
}

/** The words a password must not lean on: the e-mail and its parts, the name and its parts, the app and agency. */
export function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(APP_NAMES);
  const add = (value: string | null | undefined) => {
    const text = value?.trim();
    if (!text) return;
    words.add(text);
    words.add(text.replace(/[\s._+-]+/g, ''));
    for (const part of text.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
  };
  add(context.email);
  add(context.email?.split('@')[0]);
  add(context.displayName);
  add(context.agencyName);
  return [...words];
}

const REASONS: Record<string, WeakPasswordCode> = {
  userInputs: 'PASSWORD_PERSONAL',
  topTen: 'PASSWORD_COMMON',
  topHundred: 'PASSWORD_COMMON',
  common: 'PASSWORD_COMMON',
  similarToCommon: 'PASSWORD_COMMON',
  pwned: 'PASSWORD_COMMON',
  straightRow: 'PASSWORD_PATTERN',
  keyPattern: 'PASSWORD_PATTERN',
  simpleRepeat: 'PASSWORD_PATTERN',
  extendedRepeat: 'PASSWORD_PATTERN',
  sequences: 'PASSWORD_PATTERN',
  recentYears: 'PASSWORD_DATES',
  dates: 'PASSWORD_DATES',
  wordByItself: 'PASSWORD_WORDS',
  namesByThemselves: 'PASSWORD_WORDS',
  commonNames: 'PASSWORD_WORDS',
};

/**
 * How much of the password is context: the characters zxcvbn read as context words (disguised ones included), or
 * that spell one of them outright, whichever is more. zxcvbn alone may read "claire" as a first name instead.
 */
function personalShare(result: ZxcvbnResult, words: string[]): number {
  const fromEstimate = result.sequence
    .filter((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs')
    .reduce((sum, match) => sum + match.token.length, 0);
  const text = result.password.toLowerCase();
  const covered = new Array<boolean>(text.length).fill(false);
  for (const word of words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
      covered.fill(true, at, at + word.length);
  }
  const spelt = covered.filter(Boolean).length;
  return Math.max(fromEstimate, spelt) / Math.max(1, text.length);
}

/** Why the password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, context: PasswordContext = {}): WeakPasswordCode | null {
  const words = contextWords(context);
  const result = getEstimator().check(password, words);
  if (personalShare(result, words) >= 0.5) return 'PASSWORD_PERSONAL';
  if (result.score >= MINIMUM_SCORE) return null;
  return REASONS[result.feedback.warning ?? ''] ?? 'PASSWORD_GUESSABLE';
}

/** Throws a 400 naming `field` with the reason, as every place that sets a chosen password must. */
export function assertStrongPassword(field: string, password: string, context: PasswordContext): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw new InvalidFieldsError([{ field, code: weakness, params: {} }]);
}
