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
  // Diagnostic
  GUIDE_NOT_FOUND: {
    fr: 'Version {version} du guide d’entretien « {key} » introuvable.',
    en: 'Version {version} of interview guide “{key}” not found.',
  },
  GUIDE_DRAFT_EXISTS: {
    fr: 'Un brouillon (version {version}) existe déjà : modifiez-le, publiez-le ou supprimez-le.',
    en: 'A draft (version {version}) already exists: edit, publish or discard it.',
  },
  GUIDE_ALREADY_PUBLISHED: {
    fr: 'La version {version} est déjà publiée.',
    en: 'Version {version} is already published.',
  },
  GUIDE_VERSION_PUBLISHED: {
    fr: 'La version {version} du guide « {key} » est publiée et ne peut plus changer : créez une nouvelle version.',
    en: 'Version {version} of guide “{key}” is published and cannot change: create a new version.',
  },
  GUIDE_IDENTITY_CHANGED: {
    fr: 'La clé et le numéro de version d’un guide ne changent jamais ({key}, version {version}).',
    en: 'The key and version number of a guide never change ({key}, version {version}).',
  },
  GUIDE_KEY_MISMATCH: {
    fr: 'Une nouvelle version doit garder la clé {key}.',
    en: 'A new version must keep key {key}.',
  },
  GUIDE_VERSION_SEQUENCE: {
    fr: 'La prochaine version doit porter le numéro {expected}.',
    en: 'The next version must be number {expected}.',
  },
  INTERVIEW_NOT_FOUND: { fr: 'Entretien introuvable.', en: 'Interview not found.' },
  UNKNOWN_QUESTION: {
    fr: 'la question « {field} » n’existe pas dans cette version du guide',
    en: 'question “{field}” is not in this version of the guide',
  },
  LEVEL_OUT_OF_SCALE: {
    fr: 'le niveau « {field} » sort de l’échelle du guide',
    en: 'level “{field}” is outside the guide’s scale',
  },
  DUPLICATE_ANSWER: {
    fr: 'une même question reçoit deux réponses (« {field} »)',
    en: 'the same question is answered twice (“{field}”)',
  },
  GUIDE_VERSION_MISMATCH: {
    fr: 'l’entretien utilise une autre version du guide (« {field} »)',
    en: 'the interview uses another version of the guide (“{field}”)',
  },
  IDENTITY_ERASED: {
    fr: 'Les données personnelles de cet entretien ont été effacées : elles ne peuvent pas être saisies à nouveau (« {field} »).',
    en: 'The personal data of this interview was erased and cannot be entered again (“{field}”).',
  },
  SWOT_ITEM_NOT_FOUND: { fr: 'Élément AFOM introuvable.', en: 'SWOT item not found.' },
  SWOT_INTERVIEW_UNKNOWN: {
    fr: 'le champ « {field} » cite un entretien qui n’appartient pas à cette mission',
    en: 'the field “{field}” names an interview that is not part of this mission',
  },
  SWOT_ITEM_UNKNOWN: {
    fr: 'le champ « {field} » cite un élément AFOM qui n’appartient pas à cette mission',
    en: 'the field “{field}” names a SWOT item that is not part of this mission',
  },
  SWOT_REORDER_MISMATCH: {
    fr: 'le nouvel ordre (« {field} ») doit citer chaque élément de la catégorie une seule fois',
    en: 'the new order (“{field}”) must list every item of the category exactly once',
  },
  SWOT_MERGE_CATEGORIES: {
    fr: 'seuls des éléments d’une même catégorie peuvent être fusionnés (« {field} »)',
    en: 'only items of one category can be merged (“{field}”)',
  },
  DUPLICATE_DIMENSION: {
    fr: 'le champ « {field} » cite deux fois la même dimension',
    en: 'the field “{field}” names the same dimension twice',
  },
  KEY_FORMAT: {
    fr: 'le champ « {field} » doit être une clé en minuscules (lettres, chiffres, _ ou -)',
    en: 'the field “{field}” must be a lowercase key (letters, digits, _ or -)',
  },
  DESCRIPTOR_PER_LEVEL_REQUIRED: {
    fr: 'la question « {field} » doit décrire chaque niveau de l’échelle',
    en: 'question “{field}” must describe every level of the scale',
  },
  QUESTION_KEY_DUPLICATE: {
    fr: 'la clé « {field} » est déjà utilisée par une autre question',
    en: 'key “{field}” is already used by another question',
  },
  FACTOR_KEY_DUPLICATE: {
    fr: 'la clé « {field} » est déjà utilisée par un autre facteur',
    en: 'key “{field}” is already used by another factor',
  },
  SELF_ASSESSMENT_INVALID: {
    fr: 'Ce lien d’auto-évaluation n’est pas valide. Vérifiez l’adresse reçue ou demandez un nouveau lien à votre consultant.',
    en: 'This self-assessment link is not valid. Check the address you received or ask your consultant for a new link.',
  },
  SELF_ASSESSMENT_EXPIRED: {
    fr: 'Ce lien d’auto-évaluation a expiré. Demandez un nouveau lien à votre consultant.',
    en: 'This self-assessment link has expired. Ask your consultant for a new link.',
  },
  SELF_ASSESSMENT_USED: {
    fr: 'Ce lien d’auto-évaluation a déjà été utilisé : vos réponses ont bien été reçues. Un lien ne sert qu’une fois.',
    en: 'This self-assessment link has already been used: the answers were received. A link works only once.',
  },
  SELF_ASSESSMENT_REVOKED: {
    fr: 'Ce lien d’auto-évaluation a été annulé par le consultant.',
    en: 'This self-assessment link was cancelled by the consultant.',
  },
  SELF_ASSESSMENT_OTHER_MISSION: {
    fr: 'Ce lien d’auto-évaluation a été créé pour une autre mission : il ne peut pas servir ici.',
    en: 'This self-assessment link was made for another mission and cannot be used here.',
  },
  SELF_ASSESSMENT_LINK_NOT_FOUND: { fr: 'Lien d’auto-évaluation introuvable.', en: 'Self-assessment link not found.' },
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
