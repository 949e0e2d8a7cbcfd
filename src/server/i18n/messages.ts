/**
 * The server's messages, in French first. Error codes are stable; their wording is what users read in the UI
 * and in API responses (`Accept-Language: en` gives English).
 */
export type Lang = 'fr' | 'en';

type Catalogue = Record<string, { fr: string; en: string }>;

export const messages: Catalogue = {
  VALIDATION_FAILED: { fr: 'Données invalides : {problem}', en: 'Invalid data: {problem}' },
  INVALID_JSON: { fr: 'Le corps de la requête n’est pas du JSON valide.', en: 'The request body is not valid JSON.' },
  EMPTY_JSON_BODY: {
    fr: 'Le corps de la requête est vide alors que du JSON est annoncé.',
    en: 'The request body is empty although JSON is announced.',
  },
  PAYLOAD_TOO_LARGE: {
    fr: 'Le corps de la requête est trop volumineux (maximum {limit} octets).',
    en: 'The request body is too large (at most {limit} bytes).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    fr: 'Type de contenu non pris en charge : {type}. Envoyez du JSON (application/json).',
    en: 'Unsupported content type: {type}. Send JSON (application/json).',
  },
  UNAUTHENTICATED: { fr: 'Vous devez vous connecter.', en: 'You must sign in.' },
  SESSION_EXPIRED: { fr: 'Votre session a expiré, reconnectez-vous.', en: 'Your session has expired; sign in again.' },
  INVALID_CREDENTIALS: { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong e-mail address or password.' },
  ACCOUNT_DISABLED: { fr: 'Ce compte est désactivé.', en: 'This account is disabled.' },
  WRONG_PASSWORD: { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is wrong.' },
  FORBIDDEN: { fr: 'Vous n’avez pas le droit de faire cela.', en: 'You are not allowed to do this.' },
  FORBIDDEN_OTHER_COMMUNE: {
    fr: 'Vous n’avez accès qu’aux données de votre commune.',
    en: 'You only have access to your own commune’s data.',
  },
  ROUTE_WITHOUT_POLICY: {
    fr: 'Accès refusé : aucune règle d’accès n’est définie pour cette adresse.',
    en: 'Access denied: no access rule is defined for this address.',
  },
  CSRF_INVALID: {
    fr: 'Jeton anti-falsification (CSRF) absent ou invalide : rechargez la page.',
    en: 'Missing or invalid anti-forgery (CSRF) token: reload the page.',
  },
  NOT_FOUND: { fr: 'Ressource introuvable.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { fr: 'Adresse inconnue : {method} {url}.', en: 'Unknown address: {method} {url}.' },
  COMMUNE_NOT_FOUND: { fr: 'Aucune commune n’a le code INS {nisCode}.', en: 'No commune has NIS code {nisCode}.' },
  SITE_NOT_FOUND: { fr: 'Site introuvable.', en: 'Site not found.' },
  MISSION_NOT_FOUND: { fr: 'Mission introuvable.', en: 'Mission not found.' },
  SITE_NOT_IN_COMMUNE: {
    fr: 'Le site choisi n’appartient pas à cette commune.',
    en: 'The chosen site does not belong to this commune.',
  },
  CONSULTANT_NOT_STAFF: {
    fr: 'Les responsables d’une mission doivent être des membres actifs de l’agence.',
    en: 'A mission’s consultants must be active agency staff.',
  },
  END_BEFORE_START: {
    fr: 'la date de fin (« {field} ») précède la date de début',
    en: 'the end date (“{field}”) is before the start date',
  },
  USER_NOT_FOUND: { fr: 'Utilisateur introuvable.', en: 'User not found.' },
  EMAIL_TAKEN: {
    fr: 'Un compte existe déjà avec l’adresse {email}.',
    en: 'An account already exists with the address {email}.',
  },
  CANNOT_DISABLE_SELF: {
    fr: 'Vous ne pouvez pas désactiver votre propre compte.',
    en: 'You cannot disable your own account.',
  },
  LAST_ADMIN: {
    fr: 'Il doit rester au moins un administrateur actif.',
    en: 'At least one active administrator must remain.',
  },
  COMMUNE_MERGED: {
    fr: 'La commune {nisCode} a fusionné le {mergedOn} : choisissez la commune actuelle.',
    en: 'Commune {nisCode} merged on {mergedOn}: choose the current commune.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives. Réessayez dans {seconds} secondes.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  INTERNAL: {
    fr: 'Une erreur inattendue est survenue. Elle a été enregistrée.',
    en: 'An unexpected error occurred. It has been logged.',
  },
  // Validation problems, one per field; {field} is the field's path.
  FIELD_REQUIRED: { fr: 'le champ « {field} » est obligatoire', en: 'the field “{field}” is required' },
  FIELD_TYPE: {
    fr: 'le champ « {field} » doit être de type {expected}',
    en: 'the field “{field}” must be of type {expected}',
  },
  FIELD_UNKNOWN: { fr: 'champ inconnu : « {field} »', en: 'unknown field: “{field}”' },
  FIELD_TOO_SHORT: {
    fr: 'le champ « {field} » doit compter au moins {minimum} caractères ou éléments',
    en: 'the field “{field}” must have at least {minimum} characters or items',
  },
  FIELD_TOO_LONG: {
    fr: 'le champ « {field} » doit compter au plus {maximum} caractères ou éléments',
    en: 'the field “{field}” must have at most {maximum} characters or items',
  },
  FIELD_TOO_SMALL: {
    fr: 'le champ « {field} » doit valoir au moins {minimum}',
    en: 'the field “{field}” must be at least {minimum}',
  },
  FIELD_TOO_BIG: {
    fr: 'le champ « {field} » doit valoir au plus {maximum}',
    en: 'the field “{field}” must be at most {maximum}',
  },
  FIELD_FORMAT: {
    fr: 'le champ « {field} » n’a pas le bon format ({format})',
    en: 'the field “{field}” has the wrong format ({format})',
  },
  FIELD_CHOICE: {
    fr: 'le champ « {field} » doit valoir l’une de ces valeurs : {options}',
    en: 'the field “{field}” must be one of: {options}',
  },
  FIELD_INVALID: { fr: 'le champ « {field} » est invalide', en: 'the field “{field}” is invalid' },
  NIS_CODE_FORMAT: {
    fr: 'le champ « {field} » doit être un code INS de cinq chiffres (ex. 81001)',
    en: 'the field “{field}” must be a five-digit NIS code (e.g. 81001)',
  },
  COMMUNE_REQUIRED_FOR_ROLE: {
    fr: 'un utilisateur communal doit être rattaché à une commune (« {field} »)',
    en: 'a commune user must be bound to a commune (“{field}”)',
  },
  COMMUNE_FORBIDDEN_FOR_ROLE: {
    fr: 'un membre de l’agence n’est rattaché à aucune commune (« {field} » doit être vide)',
    en: 'agency staff are bound to no commune (“{field}” must be empty)',
  },
};

export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = messages[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}

export function hasMessage(code: string): boolean {
  return code in messages;
}

export function languageOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}
