/**
 * The French of a needs register, made comparable before the database stems it (issue 12). Communes write their
 * needs in a hurry: acronyms of Belgian public life (« EP », « TAD », « CPAS »), clipped words (« conso »,
 * « appli », « vidéosurv. »), slashes between words (« 4G/5G ») and typos (« éclairrage »). This module rewrites
 * such text so that PostgreSQL's French Snowball stemmer (`to_tsvector('french', …)`, which the engine already
 * uses) sees the words the taxonomy uses: acronyms keep their letters and gain their expansion, clipped words are
 * replaced by the full word, and a long word one letter away from a word of the taxonomy's vocabulary is read as
 * that word. Pure and deterministic: the same text gives the same result.
 *
 * The lists below are general: acronyms and clipped forms in common use in Walloon and Belgian administrations and
 * Smart-city projects, written from their usual meaning, not from any labelled need.
 */

/** Acronyms: matched as written (upper case), kept in the text and followed by their expansion. */
export const ACRONYMS: Readonly<Record<string, string>> = {
  // Public spaces, lighting, roads
  EP: 'éclairage public',
  PMR: 'personnes à mobilité réduite',
  ZBE: 'zone de basses émissions',
  LEZ: 'zone de basses émissions',
  'P+R': 'parking relais',
  // Mobility
  TAD: 'transport à la demande',
  TEC: 'bus',
  SNCB: 'train gare',
  VE: 'véhicule électrique',
  VAE: 'vélo à assistance électrique',
  VTT: 'vélo tout-terrain',
  IRVE: 'borne de recharge véhicule électrique',
  // Telecom and networks
  GSM: 'téléphone mobile réseau mobile',
  THD: 'très haut débit',
  FTTH: 'fibre optique',
  IoT: 'internet des objets capteurs',
  IOT: 'internet des objets capteurs',
  LPWAN: 'réseau bas débit',
  // Administration, services
  RDV: 'rendez-vous',
  CPAS: 'centre public d’action sociale',
  GED: 'gestion électronique des documents',
  RGPD: 'protection des données',
  DPO: 'délégué à la protection des données',
  SIG: 'système d’information géographique cartographie',
  PST: 'programme stratégique transversal',
  PCDR: 'programme communal de développement rural',
  PCS: 'plan de cohésion sociale',
  ADL: 'agence de développement local commerce local',
  SAC: 'sanctions administratives communales',
  ZP: 'zone de police',
  SPW: 'service public de Wallonie',
  FWB: 'Fédération Wallonie-Bruxelles',
  ASBL: 'association',
  TIC: 'technologies de l’information',
  ICT: 'technologies de l’information',
  EPN: 'espace public numérique',
  // Energy and buildings
  PAEDC: 'plan d’action énergie climat',
  GTC: 'gestion technique centralisée chauffage',
  GTB: 'gestion technique des bâtiments',
  HVAC: 'chauffage ventilation climatisation',
  PEB: 'performance énergétique des bâtiments',
  URE: 'utilisation rationnelle de l’énergie',
  // Environment, waste, water
  PAV: 'point d’apport volontaire bulle conteneur',
  PMC: 'déchets emballages',
  NO2: 'dioxyde d’azote',
  PM10: 'particules fines',
  // Health, safety, schools
  DEA: 'défibrillateur externe automatique',
  DAE: 'défibrillateur externe automatique',
  AED: 'défibrillateur externe automatique',
  ANPR: 'lecture de plaques caméra',
  CCTV: 'vidéosurveillance caméra',
  ATL: 'accueil temps libre extrascolaire',
  AES: 'accueil extrascolaire',
  TBI: 'tableau blanc interactif',
  // Tourism, information
  OT: 'office du tourisme',
  RAVeL: 'voie verte balade',
  QR: 'QR code',
  SMS: 'message SMS',
  PC: 'ordinateur',
};

/** Clipped and dotted forms, any case: replaced by the full word. Dotted forms only match with their dot. */
export const CLIPPED_WORDS: Readonly<Record<string, string>> = {
  'pub.': 'public',
  'publ.': 'public',
  'comm.': 'communal',
  'adm.': 'administration',
  'admin.': 'administration',
  'bât.': 'bâtiment',
  'bat.': 'bâtiment',
  'bâtim.': 'bâtiment',
  'équip.': 'équipement',
  'install.': 'installation',
  'maint.': 'maintenance',
  'surv.': 'surveillance',
  'vidéosurv.': 'vidéosurveillance',
  'videosurv.': 'vidéosurveillance',
  'vidéo-surv.': 'vidéosurveillance',
  'élec.': 'électrique',
  'électr.': 'électrique',
  'info.': 'information',
  'inform.': 'information',
  'tél.': 'téléphone',
  'gest.': 'gestion',
  résa: 'réservation',
  conso: 'consommation',
  consos: 'consommations',
  appli: 'application',
  applis: 'applications',
  app: 'application',
  apps: 'applications',
  info: 'information',
  infos: 'informations',
  ordi: 'ordinateur',
  ordis: 'ordinateurs',
  sécu: 'sécurité',
  dispo: 'disponible',
  dispos: 'disponibles',
  mail: 'courriel',
  mails: 'courriels',
  'e-mail': 'courriel',
  vidéosurv: 'vidéosurveillance',
  vidéoprotec: 'vidéoprotection',
  'wi-fi': 'wifi',
  wifi: 'wifi',
  wlan: 'wifi',
  rdv: 'rendez-vous',
};

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

/**
 * Words that say nothing about which need it is: French function words the stemmer keeps (« les », « à » once its
 * accent is gone, « plus », « trop »…) and the register's own filler (every need is about the commune, its
 * inhabitants, a project to set up). They still count for the taxonomy's phrases (« salle communale »), but they do
 * not link two needs.
 */
export const REGISTER_STOP_WORDS: readonly string[] = [
  // function words
  'les',
  'à',
  'plus',
  'moins',
  'trop',
  'tout',
  'tous',
  'toute',
  'toutes',
  'très',
  'sans',
  'chaque',
  'entre',
  'vers',
  'selon',
  'dont',
  'où',
  'quand',
  'comme',
  'aussi',
  'encore',
  'déjà',
  'bien',
  'peu',
  'beaucoup',
  'etc',
  'si',
  'lors',
  'afin',
  'chez',
  'sous',
  'avant',
  'après',
  'depuis',
  'pendant',
  'jusqu',
  'aujourd',
  'hui',
  'quel',
  'quelle',
  'quelles',
  'quels',
  'certains',
  'certaines',
  'autre',
  'autres',
  'même',
  'non',
  'oui',
  'fois',
  'cas',
  // verbs of every need
  'être',
  'avoir',
  'faire',
  'pouvoir',
  'vouloir',
  'devoir',
  'mettre',
  'permettre',
  'savoir',
  'voir',
  'aller',
  'venir',
  'passer',
  'doivent',
  'peuvent',
  'veulent',
  'voudrait',
  'voudrions',
  'souhaite',
  'souhaitons',
  'besoin',
  // the register's filler
  'commune',
  'communes',
  'communal',
  'communale',
  'communaux',
  'communales',
  'citoyen',
  'citoyens',
  'habitant',
  'habitants',
  'population',
  'village',
  'villages',
  'projet',
  'projets',
  'mise',
  'place',
  'nouveau',
  'nouvelle',
  'achat',
  'acheter',
  'améliorer',
  'amélioration',
  'gestion',
  'gérer',
  'suivi',
  'suivre',
  'outil',
  'système',
  'solution',
  'plateforme',
  'service',
  'services',
  'nos',
  'notre',
  'gens',
  'personnes',
  'besoins',
  'rue',
  'rues',
  // actions every need starts with
  'remplacer',
  'remplacement',
  'installer',
  'installation',
  'équiper',
  'moderniser',
  'modernisation',
  'rénover',
  'créer',
  'création',
  'développer',
  'organiser',
  'prévoir',
  'proposer',
  'utiliser',
  'offrir',
  'réaliser',
  'étudier',
  // when
  'jour',
  'jours',
  'journée',
  'semaine',
  'semaines',
  'mois',
  'année',
  'années',
  'week-end',
  'week',
  'end',
  'matin',
  'soir',
  'nuit',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'heure',
  'heures',
];
