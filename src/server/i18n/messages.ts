import type { DomainErrorCode } from '../../domain/shared/error-codes.ts';

/**
 * The server's messages, in French first. Error codes are stable; their wording is what users read in the UI
 * and in API responses (`Accept-Language: en` gives English).
 */
export type Lang = 'fr' | 'en';

/** One message in both languages: a code missing either does not compile. */
type Message = { fr: string; en: string };

export const messages = {
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
  // Why a chosen password is refused (auth/password-policy.ts); shown under the password field.
  PASSWORD_PERSONAL: {
    fr: 'ce mot de passe reprend le nom ou l’adresse e-mail du compte, ou le nom de l’application ou de l’agence : choisissez-en un sans lien avec eux',
    en: 'this password reuses the account’s name or e-mail address, or the name of the application or the agency: choose one unrelated to them',
  },
  PASSWORD_COMMON: {
    fr: 'ce mot de passe est l’un des plus répandus, ou ressemble à un mot de passe déjà divulgué : choisissez-en un autre',
    en: 'this password is one of the most common, or looks like one already leaked: choose another',
  },
  PASSWORD_PATTERN: {
    fr: 'ce mot de passe est une répétition ou une suite (comme « aaaa », « 1234 » ou « azerty ») : il serait deviné trop vite',
    en: 'this password is a repetition or a sequence (like “aaaa”, “1234” or “qwerty”): it would be guessed too fast',
  },
  PASSWORD_DATES: {
    fr: 'ce mot de passe repose sur une date ou une année : il serait deviné trop vite',
    en: 'this password rests on a date or a year: it would be guessed too fast',
  },
  PASSWORD_WORDS: {
    fr: 'ce mot de passe se résume à un mot ou à un nom courant : ajoutez-y d’autres mots sans rapport entre eux',
    en: 'this password comes down to a common word or name: add other, unrelated words',
  },
  PASSWORD_GUESSABLE: {
    fr: 'ce mot de passe serait deviné trop vite : allongez-le, par exemple avec trois ou quatre mots sans rapport entre eux',
    en: 'this password would be guessed too fast: make it longer, for instance with three or four unrelated words',
  },
  PASSWORD_UNCHANGED: {
    fr: 'le nouveau mot de passe doit être différent de l’actuel',
    en: 'the new password must differ from the current one',
  },
  ADMIN_PASSWORD_WEAK: {
    fr:
      'Réglage ADMIN_PASSWORD refusé : {reason}. Choisissez un mot de passe plus sûr, ou laissez ADMIN_PASSWORD vide : ' +
      'un mot de passe sûr sera alors créé et affiché une seule fois.',
    en:
      'Setting ADMIN_PASSWORD refused: {reason}. Choose a stronger password, or leave ADMIN_PASSWORD empty: a strong ' +
      'one will then be created and shown once.',
  },

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
  CATEGORY_NOT_FOUND: {
    fr: 'Aucune catégorie du catalogue ne s’appelle « {category} ».',
    en: 'No catalogue category is called “{category}”.',
  },
  DATASET_FORMAT_NOT_FOUND: {
    fr: 'Le jeu de données « {dataset} » n’existe pas au format {format}.',
    en: 'Dataset “{dataset}” is not offered as {format}.',
  },
  API_KEY_INVALID: {
    fr: 'Clé d’API inconnue ou révoquée : retirez l’en-tête X-API-Key ou demandez une clé à l’agence.',
    en: 'Unknown or revoked API key: drop the X-API-Key header or ask the agency for a key.',
  },
  API_KEY_NOT_FOUND: { fr: 'Cette clé d’API n’existe pas.', en: 'This API key does not exist.' },
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
  LOGIN_RATE_LIMITED: {
    fr:
      'Trop de tentatives de connexion ont échoué pour ce compte ou depuis cette adresse. Par sécurité, patientez ' +
      '{wait} avant de réessayer.',
    en: 'Too many sign-in attempts failed for this account or from this address. For safety, wait {wait} before trying again.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives. Réessayez dans {seconds} secondes.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  // Strategy (issue 4): project sheets, criteria, ranking, plan, calculators.
  STRATEGY_PROJECT_NOT_FOUND: { fr: 'Fiche projet introuvable.', en: 'Project sheet not found.' },
  CRITERION_NOT_FOUND: { fr: 'Critère introuvable.', en: 'Criterion not found.' },
  SCENARIO_NOT_FOUND: { fr: 'Scénario introuvable.', en: 'Scenario not found.' },
  OBJECTIVE_NOT_FOUND: { fr: 'Objectif introuvable.', en: 'Objective not found.' },
  COMMENT_NOT_FOUND: { fr: 'Commentaire introuvable.', en: 'Comment not found.' },
  PROJECT_SELF_REFERENCE: {
    fr: 'un projet ne peut pas se citer lui-même (« {field} »)',
    en: 'a project cannot refer to itself (“{field}”)',
  },
  PROJECT_REFERENCE_UNKNOWN: {
    fr: 'le champ « {field} » cite un projet qui n’est pas une fiche de cette mission',
    en: 'the field “{field}” names a project that is not a sheet of this mission',
  },
  PROJECT_REQUIRES_EXCLUDED: {
    fr: 'un projet ne peut pas exclure un projet dont il dépend (« {field} »)',
    en: 'a project cannot exclude a project it depends on (“{field}”)',
  },
  PROJECT_DEPENDENCY_CYCLE: {
    fr: 'Ces projets dépendent les uns des autres en boucle : {cycle}. Retirez l’une de ces dépendances.',
    en: 'These projects depend on each other in a circle: {cycle}. Remove one of these dependencies.',
  },
  OBJECTIVE_NOT_OPERATIONAL: {
    fr: 'le champ « {field} » doit désigner un objectif opérationnel de cette mission',
    en: 'the field “{field}” must name an operational objective of this mission',
  },
  OBJECTIVE_PARENT_NOT_STRATEGIC: {
    fr: 'le champ « {field} » doit désigner un objectif stratégique de cette mission',
    en: 'the field “{field}” must name a strategic objective of this mission',
  },
  CRITERIA_TOO_MANY: {
    fr: 'Une mission compte au plus {max} critères.',
    en: 'A mission has at most {max} criteria.',
  },
  WEIGHTS_INCOMPLETE: {
    fr: 'le champ « {field} » doit donner un poids à chaque critère de la mission, et à eux seuls',
    en: 'the field “{field}” must give a weight to every criterion of the mission, and to them only',
  },
  WEIGHTS_ALL_ZERO: {
    fr: 'au moins un critère doit avoir un poids supérieur à 0 (« {field} »)',
    en: 'at least one criterion needs a weight above 0 (“{field}”)',
  },
  AHP_CRITERIA_MISMATCH: {
    fr: 'les comparaisons (« {field} ») doivent porter sur tous les critères de la mission, une fois chacun',
    en: 'the comparisons (“{field}”) must cover every criterion of the mission, once each',
  },
  EVALUATION_UNKNOWN_CELL: {
    fr: 'la cellule « {field} » ne désigne pas un projet et un critère de cette mission',
    en: 'cell “{field}” does not name a project and a criterion of this mission',
  },
  EVALUATION_NOT_MANUAL: {
    fr: 'le critère « {name} » est repris de la fiche projet et ne se note pas (« {field} »)',
    en: 'criterion “{name}” is read from the project sheet and is not scored (“{field}”)',
  },
  EVALUATION_OUT_OF_SCALE: {
    fr: 'la note du critère « {name} » doit être comprise entre {min} et {max} (« {field} »)',
    en: 'the score on “{name}” must be between {min} and {max} (“{field}”)',
  },
  LOCK_DUPLICATE: {
    fr: 'un projet ne peut être verrouillé qu’une fois (« {field} »)',
    en: 'a project can be locked once only (“{field}”)',
  },
  LOCK_PROJECT_REJECTED: {
    fr: 'le projet « {title} » est écarté : il ne peut pas être verrouillé (« {field} »)',
    en: 'project “{title}” is rejected: it cannot be locked (“{field}”)',
  },
  LOCK_BEFORE_EARLIEST: {
    fr: 'le projet « {title} » ne peut pas commencer aussi tôt (« {field} »)',
    en: 'project “{title}” cannot start that early (“{field}”)',
  },
  PLAN_NOT_COMPUTED: {
    fr: 'Aucun plan calculé à approuver : calculez d’abord le plan.',
    en: 'No computed plan to approve: compute the plan first.',
  },
  PLAN_STALE: {
    fr: 'Les données ont changé depuis le calcul du plan : recalculez-le avant de l’approuver.',
    en: 'The data changed since the plan was computed: compute it again before approving it.',
  },
  PLAN_EMPTY: {
    fr: 'Le plan ne retient aucun projet : il n’y a rien à approuver.',
    en: 'The plan holds no project: there is nothing to approve.',
  },
  PLAN_NEEDS_BUDGET: {
    fr: 'Aucun horizon n’a de budget : saisissez et enregistrez le budget d’investissement d’au moins un horizon avant de calculer le plan.',
    en: 'No horizon has a budget: enter and save the investment budget of at least one horizon before computing the plan.',
  },
  PLAN_ALREADY_RUNNING: {
    fr: 'Un calcul du plan est déjà en cours pour cette mission : attendez son résultat.',
    en: 'A plan is already being computed for this mission: wait for its result.',
  },
  HORIZON_ORDER: {
    fr: 'les horizons (« {field} ») doivent être, dans l’ordre, court, moyen et long terme',
    en: 'the horizons (“{field}”) must be short, medium and long term, in that order',
  },
  HORIZON_YEARS: {
    fr: 'l’année de fin (« {field} ») précède l’année de début',
    en: 'the end year (“{field}”) is before the start year',
  },
  HORIZON_YEARS_ORDER: {
    fr: 'un horizon ne peut pas commencer avant le précédent (« {field} »)',
    en: 'a horizon cannot start before the previous one (“{field}”)',
  },
  SCALE_ORDER: {
    fr: 'le maximum de l’échelle (« {field} ») doit dépasser son minimum',
    en: 'the scale’s maximum (“{field}”) must exceed its minimum',
  },
  CALCULATOR_TOO_LARGE: {
    fr: 'Problème trop grand pour le calculateur : « {field} » compte au plus {max} éléments.',
    en: 'Problem too large for the calculator: “{field}” has at most {max} items.',
  },
  CALCULATOR_BUSY: {
    fr: 'Le calculateur de portefeuille est occupé. Réessayez dans un instant.',
    en: 'The portfolio calculator is busy. Try again in a moment.',
  },
  RANK_NO_CRITERIA: { fr: 'Un classement demande au moins un critère.', en: 'A ranking needs at least one criterion.' },
  RANK_DUPLICATE_CRITERION: {
    fr: 'Le critère « {criterion} » figure deux fois.',
    en: 'Criterion “{criterion}” is listed twice.',
  },
  RANK_NEGATIVE_WEIGHT: {
    fr: 'Critère « {criterion} » : le poids doit être un nombre fini ≥ 0.',
    en: 'Criterion “{criterion}”: the weight must be a finite number ≥ 0.',
  },
  RANK_WEIGHTS_ALL_ZERO: {
    fr: 'Au moins un critère doit avoir un poids supérieur à 0.',
    en: 'At least one criterion needs a weight above 0.',
  },
  RANK_DUPLICATE_ALTERNATIVE: {
    fr: 'L’alternative « {alternative} » figure deux fois.',
    en: 'Alternative “{alternative}” is listed twice.',
  },
  RANK_UNKNOWN_CRITERION: {
    fr: 'L’alternative « {alternative} » a une valeur pour « {criterion} », qui n’est pas un critère.',
    en: 'Alternative “{alternative}” has a value for “{criterion}”, which is not a criterion.',
  },
  RANK_MISSING_VALUE: {
    fr: 'L’alternative « {alternative} » n’a pas de valeur pour le critère « {criterion} ».',
    en: 'Alternative “{alternative}” has no value for criterion “{criterion}”.',
  },
  RANK_VALUE_NOT_FINITE: {
    fr: 'Alternative « {alternative} » : la valeur du critère « {criterion} » doit être un nombre fini.',
    en: 'Alternative “{alternative}”: the value for criterion “{criterion}” must be a finite number.',
  },
  RANK_PREFERENCE_PARAMETER_MISSING: {
    fr: 'Critère « {criterion} » : la fonction de préférence choisie demande le paramètre {parameter}.',
    en: 'Criterion “{criterion}”: the chosen preference function needs parameter {parameter}.',
  },
  RANK_PREFERENCE_PARAMETER_INVALID: {
    fr: 'Critère « {criterion} » : le paramètre {parameter} de la fonction de préférence est invalide.',
    en: 'Criterion “{criterion}”: parameter {parameter} of the preference function is invalid.',
  },
  RANK_PREFERENCE_THRESHOLDS_ORDER: {
    fr: 'Critère « {criterion} » : le seuil d’indifférence q ({q}) dépasse le seuil de préférence p ({p}).',
    en: 'Criterion “{criterion}”: the indifference threshold q ({q}) exceeds the preference threshold p ({p}).',
  },
  PREFERENCE_PARAMETER_MISSING: {
    fr: 'la fonction de préférence choisie demande le champ « {field} »',
    en: 'the chosen preference function needs the field “{field}”',
  },
  PREFERENCE_PARAMETER_INVALID: {
    fr: 'le champ « {field} » doit être supérieur à 0 pour cette fonction de préférence',
    en: 'the field “{field}” must be above 0 for this preference function',
  },
  PREFERENCE_THRESHOLDS_ORDER: {
    fr: 'le seuil d’indifférence (« {field} ») ne peut dépasser le seuil de préférence p',
    en: 'the indifference threshold (“{field}”) cannot exceed the preference threshold p',
  },
  SCENARIO_DUPLICATE: {
    fr: 'Le scénario « {scenario} » figure deux fois.',
    en: 'Scenario “{scenario}” is listed twice.',
  },
  SCENARIO_UNKNOWN_CRITERION: {
    fr: 'Le scénario « {scenario} » pondère « {criterion} », qui n’est pas un critère.',
    en: 'Scenario “{scenario}” weighs “{criterion}”, which is not a criterion.',
  },
  SCENARIO_MISSING_WEIGHT: {
    fr: 'Le scénario « {scenario} » ne donne pas de poids à « {criterion} ».',
    en: 'Scenario “{scenario}” gives no weight to “{criterion}”.',
  },
  AHP_MATRIX_EMPTY: { fr: 'La matrice de comparaison est vide.', en: 'The comparison matrix has no criteria.' },
  AHP_MATRIX_TOO_LARGE: {
    fr: 'L’AHP compare au plus {max} critères à la fois (reçu : {size}).',
    en: 'AHP compares at most {max} criteria at once (got {size}).',
  },
  AHP_MATRIX_NOT_SQUARE: {
    fr: 'La matrice de comparaison n’est pas carrée (ligne {row}).',
    en: 'The comparison matrix is not square (row {row}).',
  },
  EIGEN_MATRIX_NOT_SQUARE: {
    fr: 'La matrice n’est pas carrée (ligne {row}).',
    en: 'The matrix is not square (row {row}).',
  },
  EIGEN_MATRIX_NOT_SYMMETRIC: {
    fr: 'La matrice n’est pas symétrique (cases ({row}, {column}) et ({column}, {row})).',
    en: 'The matrix is not symmetric (entries ({row}, {column}) and ({column}, {row})).',
  },
  AHP_TRIANGLE_SHAPE: {
    fr: 'Le triangle supérieur a une forme incorrecte à la ligne {row}.',
    en: 'The upper triangle has the wrong shape at row {row}.',
  },
  AHP_JUDGEMENT_NOT_POSITIVE: {
    fr: 'Le jugement ({row}, {column}) doit être un nombre positif.',
    en: 'Judgement ({row}, {column}) must be a positive number.',
  },
  AHP_JUDGEMENT_OUT_OF_SCALE: {
    fr: 'Le jugement ({row}, {column}) sort de l’échelle de Saaty (1/9 à 9).',
    en: 'Judgement ({row}, {column}) is outside Saaty’s scale (1/9 to 9).',
  },
  AHP_DIAGONAL_NOT_ONE: {
    fr: 'Un critère comparé à lui-même vaut 1 : l’élément ({row}, {column}) est différent.',
    en: 'A criterion compared with itself is 1: entry ({row}, {column}) is not.',
  },
  AHP_MATRIX_NOT_RECIPROCAL: {
    fr: 'Les éléments ({row}, {column}) et ({column}, {row}) doivent être inverses l’un de l’autre.',
    en: 'Entries ({row}, {column}) and ({column}, {row}) must be reciprocals.',
  },
  PORTFOLIO_NO_HORIZONS: {
    fr: 'Un portefeuille demande au moins un horizon.',
    en: 'A portfolio needs at least one horizon.',
  },
  PORTFOLIO_DUPLICATE_HORIZON: {
    fr: 'L’horizon « {horizon} » figure deux fois.',
    en: 'Horizon “{horizon}” is listed twice.',
  },
  PORTFOLIO_NEGATIVE_BUDGET: {
    fr: 'Horizon « {horizon} » : le budget doit être un montant ≥ 0.',
    en: 'Horizon “{horizon}”: the budget must be an amount ≥ 0.',
  },
  PORTFOLIO_INVALID_VALUE_FACTOR: {
    fr: 'Horizon « {horizon} » : le facteur de valeur doit être un nombre ≥ 0.',
    en: 'Horizon “{horizon}”: the value factor must be a number ≥ 0.',
  },
  PORTFOLIO_DUPLICATE_PROJECT: {
    fr: 'Le projet « {project} » figure deux fois.',
    en: 'Project “{project}” is listed twice.',
  },
  PORTFOLIO_NEGATIVE_COST: {
    fr: 'Projet « {project} » : le coût doit être un montant ≥ 0.',
    en: 'Project “{project}”: the cost must be an amount ≥ 0.',
  },
  PORTFOLIO_INVALID_PHASING: {
    fr: 'Projet « {project} » : les parts du phasage doivent être positives et totaliser 100 %.',
    en: 'Project “{project}”: the phasing shares must be positive and add up to 100 %.',
  },
  PORTFOLIO_INVALID_BALANCE: {
    fr: 'Règle d’équilibre « {rule} » : le minimum et le maximum sont des parts de 0 à 100 %, le minimum ne dépassant pas le maximum, et une règle ne figure qu’une fois.',
    en: 'Balance rule “{rule}”: min and max are shares from 0 to 100 % with min ≤ max, and a rule is listed once.',
  },
  PORTFOLIO_INVALID_VALUE: {
    fr: 'Projet « {project} » : la valeur doit être un nombre fini.',
    en: 'Project “{project}”: the value must be a finite number.',
  },
  PORTFOLIO_UNKNOWN_PROJECT: {
    fr: 'Le projet « {unknown} » est cité mais n’existe pas.',
    en: 'Project “{unknown}” is named but does not exist.',
  },
  PORTFOLIO_UNKNOWN_HORIZON: {
    fr: 'L’horizon « {unknown} » est cité mais n’existe pas.',
    en: 'Horizon “{unknown}” is named but does not exist.',
  },
  PORTFOLIO_SELF_EXCLUSION: {
    fr: 'Le projet « {project} » s’exclut lui-même.',
    en: 'Project “{project}” excludes itself.',
  },
  PORTFOLIO_DUPLICATE_LOCK: {
    fr: 'Le projet « {project} » est verrouillé deux fois.',
    en: 'Project “{project}” is locked twice.',
  },
  PORTFOLIO_LOCK_BEFORE_EARLIEST: {
    fr: 'Le projet « {project} » est verrouillé dans « {horizon} », avant son horizon au plus tôt.',
    en: 'Project “{project}” is locked in “{horizon}”, before its earliest horizon.',
  },
  PORTFOLIO_SOLVER_FAILED: {
    fr: 'Le solveur s’est arrêté sans plan (statut « {status} »).',
    en: 'The solver stopped without a plan (status “{status}”).',
  },
  // Needs register and mutualisation (issue 5).
  NEED_NOT_FOUND: { fr: 'Besoin introuvable.', en: 'Need not found.' },
  NEED_UNKNOWN: {
    fr: '« {field} » : une fiche projet ne répond qu’aux besoins du registre de la commune de sa mission.',
    en: '“{field}”: a project sheet answers only needs of its mission’s commune register.',
  },
  UNKNOWN_CATEGORY: {
    fr: 'le champ « {field} » doit être une catégorie de la taxonomie des applications Smart',
    en: 'the field “{field}” must be a category of the Smart applications taxonomy',
  },
  NEED_UNKNOWN_CATEGORY: {
    fr: 'Besoin « {id} » : catégorie inconnue « {category} ».',
    en: 'Need “{id}”: unknown category “{category}”.',
  },
  DUPLICATE_NEED_ID: { fr: 'L’identifiant « {id} » figure deux fois.', en: 'Id “{id}” is listed twice.' },
  TOO_MANY_NEEDS: {
    fr: 'Au plus {max} besoins par calcul : utilisez la commande smart-rural analyse needs pour davantage.',
    en: 'At most {max} needs per calculation: use the smart-rural analyse needs command for more.',
  },
  IMPORT_EMPTY: { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  IMPORT_TOO_MANY_ROWS: {
    fr: 'Le fichier compte plus de {max} lignes : découpez-le.',
    en: 'The file has more than {max} rows: split it.',
  },
  IMPORT_TOO_LARGE: {
    fr: 'Le fichier décompressé dépasse {max} Mo : découpez-le ou enregistrez-le à nouveau depuis votre tableur.',
    en: 'The unzipped file exceeds {max} MB: split it or save it again from your spreadsheet.',
  },
  IMPORT_CELL_TOO_LONG: {
    fr: 'Ligne {line}, colonne {column} : la cellule dépasse {max} caractères.',
    en: 'Line {line}, column {column}: the cell exceeds {max} characters.',
  },
  IMPORT_UNREADABLE: {
    fr: 'Fichier illisible ({reason}). Envoyez un CSV (UTF-8, virgule ou point-virgule) ou un XLSX.',
    en: 'Unreadable file ({reason}). Send a CSV (UTF-8, comma or semicolon) or an XLSX file.',
  },
  IMPORT_MISSING_COLUMNS: {
    fr: 'Colonnes obligatoires absentes de la première ligne : {columns}.',
    en: 'Required columns missing from the first line: {columns}.',
  },
  IMPORT_NOTHING_VALID: {
    fr: 'Aucune ligne valide à importer : corrigez le fichier.',
    en: 'No valid row to import: fix the file.',
  },
  MUTUALISATION_RUN_IN_PROGRESS: {
    fr: 'Un regroupement est déjà en cours : attendez qu’il se termine.',
    en: 'A grouping is already running: wait for it to finish.',
  },
  MUTUALISATION_RUN_NOT_FOUND: { fr: 'Regroupement introuvable.', en: 'Grouping run not found.' },
  MUTUALISATION_GROUP_NOT_FOUND: { fr: 'Groupe introuvable.', en: 'Group not found.' },
  NEED_NOT_IN_GROUP: {
    fr: 'le champ « {field} » cite un besoin qui n’est pas dans ce groupe',
    en: 'the field “{field}” names a need that is not in this group',
  },
  SPLIT_LEAVES_NOTHING: {
    fr: 'le champ « {field} » retirerait tous les besoins du groupe : gardez-en au moins un',
    en: 'the field “{field}” would take every need out of the group: keep at least one',
  },
  NOTICES_STILL_RUNNING: {
    fr: 'Les avis sont toujours en cours d’envoi. Consultez le journal des envois dans quelques minutes.',
    en: 'The notices are still being sent. Look at the log of notices in a few minutes.',
  },
  MERGE_TWO_PURCHASES: {
    fr: 'Les deux groupes ont chacun un achat groupé : un groupe n’en porte qu’un. Fusionnez-les quand l’un des deux n’en a plus.',
    en: 'Both groups have a joint purchase, and a group holds only one. Merge them once one of the two has none.',
  },
  MERGE_SAME_GROUP: {
    fr: 'un groupe ne peut pas être fusionné avec lui-même (« {field} »)',
    en: 'a group cannot be merged with itself (“{field}”)',
  },
  DEADLINE_IN_PAST: {
    fr: 'l’échéance (« {field} ») est déjà passée',
    en: 'the deadline (“{field}”) is already past',
  },
  POLL_NOT_FOUND: { fr: 'Sondage introuvable.', en: 'Poll not found.' },
  POLL_CLOSED: {
    fr: 'L’échéance de ce sondage est passée : la réponse n’est plus possible.',
    en: 'This poll’s deadline has passed: it can no longer be answered.',
  },
  COMMUNE_NOT_POLLED: {
    fr: 'cette commune n’est pas interrogée par ce sondage (« {field} »)',
    en: 'this commune is not asked by this poll (“{field}”)',
  },
  QUANTITY_OR_BUDGET_REQUIRED: {
    fr: 'pour répondre oui, indiquez une quantité ou un budget (« {field} »)',
    en: 'to answer yes, give a quantity or a budget (“{field}”)',
  },
  GROUP_NOT_CONFIRMED: {
    fr: 'Confirmez le groupe avant d’en faire un achat groupé.',
    en: 'Confirm the group before turning it into a joint purchase.',
  },
  PURCHASE_EXISTS: { fr: 'Ce groupe a déjà son achat groupé.', en: 'This group already has its joint purchase.' },
  PURCHASE_WITHOUT_ANSWERS: {
    fr: 'Aucune commune n’a encore répondu oui au sondage : pas d’achat groupé possible.',
    en: 'No commune has answered yes to the poll yet: no joint purchase possible.',
  },
  PURCHASE_NEEDS_CONFIRMATION: {
    fr: 'Confirmez l’achat groupé en connaissance de cause : {reasons}',
    en: 'Confirm the joint purchase knowingly: {reasons}',
  },
  PURCHASE_NOT_FOUND: { fr: 'Achat groupé introuvable.', en: 'Joint purchase not found.' },
  // Central purchasing (issue 12).
  PROCUREMENT_SCENARIO_NOT_FOUND: { fr: 'Scénario de marché introuvable.', en: 'Procurement scenario not found.' },
  SCENARIO_GROUP_NOT_CONFIRMED: {
    fr: 'Le groupe « {label} » n’est pas confirmé : confirmez-le avant d’en faire un scénario de marché.',
    en: 'The group “{label}” is not confirmed: confirm it before building a procurement scenario from it.',
  },
  SCENARIO_NOT_DRAFT: {
    fr: 'Ce scénario est lancé ou abandonné : il ne peut plus être modifié.',
    en: 'This scenario is launched or cancelled: it can no longer be changed.',
  },
  SCENARIO_NOT_READY: {
    fr: 'Le scénario ne peut pas encore être lancé : {reasons}',
    en: 'The scenario cannot be launched yet: {reasons}',
  },
  SCENARIO_UNKNOWN_LOT: {
    fr: 'aucun lot du scénario n’a la clé « {lot} » (« {field} »)',
    en: 'no lot of the scenario has the key “{lot}” (“{field}”)',
  },
  COMMUNE_TWICE_IN_LOT: {
    fr: 'la commune figure deux fois dans le même lot (« {field} »)',
    en: 'the commune appears twice in the same lot (“{field}”)',
  },
  LOT_KEY_TWICE: { fr: 'deux lots portent la même clé (« {field} »)', en: 'two lots have the same key (“{field}”)' },
  PARTICIPATION_NOT_FOUND: {
    fr: 'Votre commune n’a pas de ligne dans ce lot du scénario.',
    en: 'Your commune has no line in this lot of the scenario.',
  },
  COMMUNE_REQUIRED: { fr: 'indiquez la commune (« {field} »)', en: 'name the commune (“{field}”)' },
  QUANTITY_OR_AMOUNT_REQUIRED: {
    fr: 'indiquez une quantité ou un montant pour participer (« {field} »)',
    en: 'give a quantity or an amount to take part (“{field}”)',
  },
  RENEWAL_MONTHS_REQUIRED: {
    fr: 'des reconductions demandent leur durée en mois (« {field} »)',
    en: 'renewals need their length in months (“{field}”)',
  },
  INVALID_SCENARIO: { fr: '{issue}', en: '{issue}' },
  INVALID_SAVINGS_ASSUMPTIONS: {
    fr: 'Hypothèses d’économies invalides : {issue} (« {field} »).',
    en: 'Invalid savings assumptions ({issue}, “{field}”).',
  },
  INVALID_PROCEDURE_COSTS: {
    fr: 'Coûts de procédure invalides : {issue} (« {field} »).',
    en: 'Invalid procedure costs ({issue}, “{field}”).',
  },
  SCENARIO_NOT_LAUNCHED: {
    fr: 'Le dossier de marché de l’agence s’ouvre au lancement du scénario (voie de la centrale d’achat, du marché conjoint ou du « in house »).',
    en: 'The agency’s procurement file opens when the scenario is launched (central purchasing body, joint or in-house route).',
  },
  SCENARIO_ALREADY_AWARDED: {
    fr: 'Ce marché est déjà attribué : son accord-cadre est au catalogue.',
    en: 'This procurement is already awarded: its framework agreement is in the catalogue.',
  },
  AGENCY_FILE_NOT_FOUND: { fr: 'Dossier de marché introuvable.', en: 'Procurement file not found.' },
  AWARD_SOLUTION_NOT_LISTED: {
    fr: 'la solution choisie n’est pas une solution référencée du catalogue (« {field} »)',
    en: 'the chosen solution is not a listed solution of the catalogue (“{field}”)',
  },
  AGREEMENT_STARTS_BEFORE_AWARD: {
    fr: 'L’accord-cadre ne peut commencer avant la date d’attribution.',
    en: 'The framework agreement cannot start before the award date.',
  },
  AGREEMENT_STARTS_IN_STANDSTILL: {
    fr: 'L’accord-cadre ne peut être conclu qu’après le délai d’attente de 15 jours (fin le {endsOn}).',
    en: 'The framework agreement can only be concluded after the 15-day standstill (ending {endsOn}).',
  },
  AWARD_LOT_MISSING: { fr: 'Le lot « {lot} » n’a pas d’attributaire.', en: 'The lot “{lot}” has no awarded vendor.' },
  AWARD_ABOVE_ESTIMATE: {
    fr: 'L’offre retenue pour le lot « {lot} » dépasse sa valeur estimée publiée.',
    en: 'The awarded offer for the lot “{lot}” exceeds its published estimated value.',
  },
  AWARD_UNKNOWN_LOT: {
    fr: 'Une attribution vise un lot inconnu du scénario.',
    en: 'An award names a lot the scenario does not have.',
  },
  SOLUTION_REQUIRED: {
    fr: 'choisissez la solution du lot à acheter (« {field} »)',
    en: 'choose the lot’s solution to buy (“{field}”)',
  },
  COMMUNE_NOT_IN_GROUP: {
    fr: 'la commune {nisCode} n’est ni dans ce groupe ni interrogée par ses sondages (« {field} »)',
    en: 'commune {nisCode} is neither in this group nor asked by its polls (“{field}”)',
  },
  // The price model's rules (src/domain/mutualisation/savings.ts), named where a request breaks them.
  NO_TIERS: { fr: 'indiquez au moins un palier de prix (« {field} »)', en: 'give at least one price tier (“{field}”)' },
  TIERS_MUST_START_AT_ZERO: {
    fr: 'le premier palier doit commencer à 0 unité (« {field} »)',
    en: 'the first tier must start at 0 units (“{field}”)',
  },
  TIERS_NOT_SORTED: {
    fr: 'les paliers doivent être classés par quantité croissante, sans doublon (« {field} »)',
    en: 'tiers must be sorted by increasing quantity, without duplicates (“{field}”)',
  },
  TIER_PRICE_INCREASES: {
    fr: 'le prix unitaire ne peut pas augmenter d’un palier au suivant (« {field} »)',
    en: 'the unit price cannot rise from one tier to the next (“{field}”)',
  },
  PRICE_NOT_IN_WHOLE_CENTS: {
    fr: 'les prix se donnent au cent près (« {field} »)',
    en: 'prices are given to the cent (“{field}”)',
  },
  NEGATIVE_PRICE: {
    fr: 'un prix ne peut pas être négatif (« {field} »)',
    en: 'a price cannot be negative (“{field}”)',
  },
  INVALID_PRICE_MODEL: {
    fr: 'Modèle de prix invalide : {reason} (« {field} »).',
    en: 'Invalid price model ({issue}, “{field}”).',
  },
  INVALID_OCDS_INPUT: {
    fr: 'Le dossier de marché est incomplet pour la publication OCDS : « {field} » manque ou est invalide.',
    en: 'The procurement file is incomplete for OCDS publication: “{field}” is missing or invalid.',
  },
  INVALID_PARTICIPANTS: { fr: 'Participants invalides ({issue}).', en: 'Invalid participants ({issue}).' },
  INTERNAL: {
    fr: 'Une erreur inattendue est survenue. Elle a été enregistrée.',
    en: 'An unexpected error occurred. It has been logged.',
  },
  // Infrastructure: the embedded database's folder, the database server, the framework's own refusals.
  DATA_DIR_LOCKED: {
    fr:
      'La base de données du dossier {dataDir} est déjà utilisée par un autre processus ({command}, n° {pid} sur {host}, ' +
      'depuis le {since} UTC). La base intégrée ne sert qu’un seul processus à la fois : arrêtez d’abord l’application ' +
      'ou la commande qui l’utilise, puis réessayez (pour faire tourner plusieurs instances, utilisez un serveur ' +
      'PostgreSQL avec DATABASE_URL). Rien n’a été modifié.',
    en:
      'The database in {dataDir} is already in use by another process ({command}, pid {pid} on {host}, since ' +
      '{since} UTC). The embedded database serves one process at a time: stop the app or command using it first, ' +
      'then try again (to run several instances, use a PostgreSQL server with DATABASE_URL). Nothing was changed.',
  },
  DATABASE_UNAVAILABLE: {
    fr: 'La base de données est momentanément injoignable. Réessayez dans quelques secondes ; rien n’a été enregistré.',
    en: 'The database cannot be reached for the moment. Try again in a few seconds; nothing was saved.',
  },
  VALUE_NOT_STORABLE: {
    fr: 'Une valeur envoyée ne peut pas être enregistrée (caractère invisible NUL, ou date hors limites). Rien n’a été modifié.',
    en: 'A value sent cannot be stored (an invisible NUL character, or a date out of range). Nothing was changed.',
  },
  CONTENT_LENGTH_MISMATCH: {
    fr: 'La taille annoncée du corps de la requête (Content-Length) ne correspond pas à ce qui a été reçu.',
    en: 'The announced size of the request body (Content-Length) does not match what was received.',
  },
  BAD_URL: {
    fr: 'L’adresse demandée contient un caractère mal encodé.',
    en: 'The requested address holds a badly encoded character.',
  },
  URL_PARAMETER_TOO_LONG: {
    fr: 'Un élément de l’adresse dépasse {maximum} caractères : aucune ressource n’a un identifiant aussi long.',
    en: 'A part of the address exceeds {maximum} characters: no resource has such a long identifier.',
  },
  METHOD_NOT_ALLOWED: {
    fr: 'L’adresse {url} n’accepte pas la méthode {method} (méthodes acceptées : {allowed}).',
    en: 'The address {url} does not accept the method {method} (accepted: {allowed}).',
  },
  REQUEST_REFUSED: {
    fr: 'La requête a été refusée (erreur {status}) : elle ne correspond pas à ce que cette adresse attend.',
    en: 'The request was refused (error {status}): it does not match what this address expects.',
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
  FIELD_NUL_CHARACTER: {
    fr: 'le champ « {field} » contient un caractère invisible interdit (NUL) : retapez ou recollez le texte',
    en: 'the field “{field}” holds a forbidden invisible character (NUL): type or paste the text again',
  },
  FIELD_DATE_RANGE: {
    fr: 'le champ « {field} » doit être une date comprise entre le 01/01/1900 et le 31/12/2199',
    en: 'the field “{field}” must be a date between 01/01/1900 and 31/12/2199',
  },
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
  GUIDE_KEY_EXISTS: {
    fr: 'Un guide d’entretien a déjà la clé « {key} » : choisissez-en une autre, ou créez une nouvelle version de ce guide.',
    en: 'An interview guide already has key “{key}”: choose another one, or create a new version of that guide.',
  },
  GUIDE_NOT_PUBLISHED: {
    fr: 'Le guide d’entretien « {key} » n’a aucune version publiée.',
    en: 'Interview guide “{key}” has no published version.',
  },
  DIAGNOSTIC_ALREADY_STARTED: {
    fr: 'Le diagnostic de cette mission a déjà des entretiens : son guide ne change plus.',
    en: 'This mission’s diagnostic already has interviews: its guide no longer changes.',
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
  SCORE_OUT_OF_SCALE: {
    fr: 'Le score {score} sort des paliers de l’échelle de maturité.',
    en: 'The score {score} is outside the bands of the maturity scale.',
  },
  POPULATION_OUT_OF_BANDS: {
    fr: 'Aucune tranche de population ne comprend {population} habitants.',
    en: 'No population band includes {population} inhabitants.',
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
  SWOT_MERGE_NEEDS_TWO: {
    fr: 'choisissez au moins deux éléments à fusionner',
    en: 'choose at least two items to merge',
  },
  TARGET_DUPLICATE: {
    fr: 'une dimension n’a qu’une cible par horizon (« {field} »)',
    en: 'a dimension has one target per horizon (“{field}”)',
  },
  TARGET_BELOW_EARLIER_HORIZON: {
    fr: 'la cible d’un horizon ne peut pas être sous celle d’un horizon plus proche (« {field} »)',
    en: 'a horizon’s target cannot be below that of an earlier horizon (“{field}”)',
  },
  TARGET_ABOVE_SCALE: {
    fr: 'la cible (« {field} ») dépasse le niveau le plus haut de l’échelle du guide ({max})',
    en: 'the target (“{field}”) is above the top level of the guide’s scale ({max})',
  },
  GAP_FACTOR_UNKNOWN: {
    fr: 'le champ « {field} » cite un facteur qui n’est pas dans le guide de la mission',
    en: 'the field “{field}” names a factor that is not in the mission’s guide',
  },
  DUPLICATE_FACTOR: {
    fr: 'le champ « {field} » cite deux fois le même facteur',
    en: 'the field “{field}” names the same factor twice',
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
  // ── implementation ──
  IMPLEMENTATION_PROJECT_NOT_FOUND: {
    fr: 'Projet introuvable dans la mise en œuvre (seules les fiches approuvées sont suivies).',
    en: 'Project not found in the implementation (only approved sheets are followed).',
  },
  IMPLEMENTATION_NOT_STARTED: {
    fr: 'La mission n’est pas encore en phase de mise en œuvre : passez-la en « Mise en œuvre » pour suivre ses projets.',
    en: 'The mission is not in its implementation phase yet: move it to “Implementation” to follow its projects.',
  },
  STATUS_UNCHANGED: { fr: 'Le projet a déjà ce statut.', en: 'The project already has this status.' },
  STATUS_TRANSITION_NOT_ALLOWED: {
    fr: 'Ce changement de statut n’est pas permis ({from} → {to}).',
    en: 'This status change is not allowed ({from} → {to}).',
  },
  STATUS_REASON_REQUIRED: {
    fr: 'Indiquez la raison de la suspension ou de l’abandon.',
    en: 'Give the reason for suspending or abandoning the project.',
  },
  MILESTONE_NOT_FOUND: { fr: 'Jalon introuvable.', en: 'Milestone not found.' },
  INDICATOR_NOT_FOUND: { fr: 'Indicateur introuvable.', en: 'Indicator not found.' },
  MEASUREMENT_NOT_FOUND: { fr: 'Mesure introuvable.', en: 'Measurement not found.' },
  DOCUMENT_NOT_FOUND: { fr: 'Document introuvable.', en: 'Document not found.' },
  DOCUMENT_TOO_LARGE: {
    fr: 'Le fichier dépasse 512 Kio : déposez-le ailleurs et ajoutez un lien.',
    en: 'The file is larger than 512 KiB: store it elsewhere and add a link.',
  },
  YEAR_TWICE: { fr: 'l’année « {field} » figure deux fois dans le budget', en: 'year “{field}” appears twice' },
  ENTERPRISE_NUMBER_FORMAT: {
    fr: '« {field} » doit être un numéro d’entreprise belge (ex. 0712.345.678)',
    en: '“{field}” must be a Belgian enterprise number (e.g. 0712.345.678)',
  },
  CALL_OFF_NOT_FOR_THIS_FILE: {
    fr: '« {field} » : choisissez une commande non annulée de la commune, pour cette solution et ce lot.',
    en: '“{field}”: choose a call-off of the commune, not cancelled, for this solution and lot.',
  },
  FRAMEWORK_SOLUTION_NOT_IN_LOT: {
    fr: 'Cette solution n’est pas référencée dans ce lot du marché-cadre : choisissez une solution et un lot du catalogue.',
    en: 'This solution is not listed in this lot of the framework agreement: choose a solution and lot of the catalogue.',
  },
  FRAMEWORK_AGREEMENT_NOT_IN_FORCE: {
    fr: 'L’accord-cadre {reference} ne couvre que la période du {start} au {end} : la date de lancement en sort.',
    en: 'Framework agreement {reference} only covers {start} to {end}: the launch date falls outside.',
  },
  CALL_OFF_NEEDS_REFERENCE: {
    fr: 'Une commande dans le marché-cadre doit citer la solution et le lot du catalogue.',
    en: 'A call-off under the framework agreement must name the catalogue solution and lot.',
  },
  PROCEDURE_NOT_ALLOWED: {
    fr: 'La procédure « {procedure} » n’est pas permise pour ce montant à cette date.',
    en: 'The procedure “{procedure}” is not allowed for this amount on this date.',
  },
  PROCUREMENT_FILE_INVALID: {
    fr: 'Dossier de marché incohérent : {problem}',
    en: 'Inconsistent procurement file: {problem}',
  },
  PROCUREMENT_STEP_DONE_IN_FUTURE: {
    fr: 'La date réalisée de l’étape « {step} » ({date}) est dans le futur : une étape faite l’est au plus tard aujourd’hui ({today}). Indiquez plutôt une date prévue.',
    en: 'The date done of the step “{step}” ({date}) is in the future: a step is done today at the latest ({today}). Give a planned date instead.',
  },
  MILESTONE_DONE_IN_FUTURE: {
    fr: 'Le jalon ne peut pas être atteint le {date} : cette date est dans le futur (aujourd’hui : {today}).',
    en: 'The milestone cannot be met on {date}: that date is in the future (today: {today}).',
  },
  PROCUREMENT_STEPS_NEED_PROCEDURE: {
    fr: 'Choisissez la procédure avant d’enregistrer les étapes du marché.',
    en: 'Choose the procedure before recording the steps.',
  },
  PROCUREMENT_NOT_FOUND: {
    fr: 'Ce projet n’a pas encore de dossier de marché avec une procédure choisie.',
    en: 'This project has no procurement file with a chosen procedure yet.',
  },
  THRESHOLDS_INVALID: { fr: 'Seuils invalides : {problem}', en: 'Invalid thresholds: {problem}' },
  THRESHOLD_PERIOD_UNKNOWN: {
    fr: 'Aucune période de seuils ne commence le {date}.',
    en: 'No threshold period starts on {date}.',
  },
  THRESHOLD_PERIOD_IN_FORCE: {
    fr: 'La période du {from} au {to} est celle des seuils en vigueur aujourd’hui (ou la seule) : corrigez-la plutôt que de la supprimer.',
    en: 'The period from {from} to {to} holds the thresholds in force today (or is the only one): correct it rather than delete it.',
  },
  THRESHOLD_PERIOD_LEAVES_GAP: {
    fr: 'Supprimer la période du {from} au {to} laisserait des dates sans seuils entre la précédente et la suivante.',
    en: 'Deleting the period from {from} to {to} would leave dates without thresholds between the previous and the next one.',
  },
  THRESHOLD_PERIOD_NOT_FOUND: {
    fr: 'Aucun seuil de marchés publics n’est enregistré pour le {date} : un administrateur doit compléter la table.',
    en: 'No procurement thresholds are recorded for {date}: an admin must complete the table.',
  },
  INVALID_PROCEDURE_QUERY: { fr: 'Demande invalide : {issue}', en: 'Invalid request: {issue}' },
  PERIODS_OVERLAP: { fr: 'les périodes de seuils se chevauchent', en: 'the threshold periods overlap' },
  PERIOD_ENDS_BEFORE_IT_STARTS: { fr: 'la période finit avant de commencer', en: 'the period ends before it starts' },
  UNVERIFIED_FIGURE_NEEDS_NOTE: {
    fr: 'un chiffre non vérifié doit dire ce qui reste à vérifier (« {field} »)',
    en: 'an unverified figure must say what remains to check (“{field}”)',
  },
  MUST_BE_BELOW_negotiatedWithoutPublication: {
    fr: '« {field} » doit être inférieur au seuil de la procédure négociée sans publication',
    en: '“{field}” must be below the negotiated-without-publication threshold',
  },
  MUST_BE_BELOW_euSuppliesServicesSubCentral: {
    fr: '« {field} » doit être inférieur au seuil européen des fournitures et services',
    en: '“{field}” must be below the EU supplies and services threshold',
  },
  MUST_BE_BELOW_negotiatedDirectWithPublicationWorks: {
    fr: '« {field} » doit être inférieur au plafond des travaux en procédure négociée avec publication',
    en: '“{field}” must be below the works negotiated-with-publication ceiling',
  },
  MUST_BE_BELOW_euWorks: {
    fr: '« {field} » doit être inférieur au seuil européen des travaux',
    en: '“{field}” must be below the EU works threshold',
  },
  // ── catalogue and watch (issue 6; UNKNOWN_CATEGORY is shared with the needs register, above) ──────────────────
  AGREEMENT_PERIOD_ORDER: {
    fr: 'La fin de l’accord-cadre doit suivre son début.',
    en: 'The agreement must end after it starts.',
  },
  SOLUTION_NOT_FOUND: { fr: 'Solution introuvable.', en: 'Solution not found.' },
  SOLUTION_STATUS_MOVE: {
    fr: 'Une solution ne peut pas passer du statut « {from} » à « {to} » (veille → évaluée → référencée → retirée).',
    en: 'A solution cannot go from “{from}” to “{to}” (watch → evaluated → listed → withdrawn).',
  },
  AGREEMENT_NOT_FOUND: { fr: 'Accord-cadre introuvable.', en: 'Framework agreement not found.' },
  AGREEMENT_REFERENCE_TAKEN: {
    fr: 'Un accord-cadre porte déjà la référence {reference}.',
    en: 'An agreement already has the reference {reference}.',
  },
  LOT_NOT_FOUND: { fr: 'Lot introuvable.', en: 'Lot not found.' },
  LOT_NUMBER_TAKEN: {
    fr: 'L’accord-cadre a déjà un lot n° {number}.',
    en: 'The agreement already has a lot {number}.',
  },
  LOT_SOLUTION_TWICE: { fr: 'Une solution figure deux fois dans le lot.', en: 'A solution is twice in the lot.' },
  LOT_CEILING_BELOW_ORDERED: {
    fr: 'Le plafond du lot ne peut pas descendre sous ce qui est déjà commandé ({ordered} € HTVA).',
    en: 'The lot’s ceiling cannot go below what was already ordered (€{ordered} excl. VAT).',
  },
  AGREEMENT_PERIOD_EXCLUDES_CALL_OFFS: {
    fr: 'La période de l’accord-cadre doit couvrir ses commandes (du {first} au {last}).',
    en: 'The agreement’s period must cover its call-offs ({first} to {last}).',
  },
  AGREEMENT_CEILING_BELOW_ORDERED: {
    fr: 'Le plafond de l’accord-cadre ne peut pas descendre sous ce qui est déjà commandé ({ordered} € HTVA).',
    en: 'The agreement’s ceiling cannot go below what was already ordered (€{ordered} excl. VAT).',
  },
  CALL_OFF_NOT_FOUND: { fr: 'Commande introuvable.', en: 'Call-off not found.' },
  CALL_OFF_ALREADY_CANCELLED: { fr: 'Cette commande est déjà annulée.', en: 'This call-off is already cancelled.' },
  CALL_OFF_CANCEL_TOO_LATE: {
    fr: 'Passé {days} jours, seule l’agence peut annuler une commande.',
    en: 'After {days} days, only the agency can cancel a call-off.',
  },
  IMAGE_NOT_FOUND: { fr: 'Image introuvable.', en: 'Image not found.' },
  IMAGE_EMPTY: { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  IMAGE_TOO_LARGE: {
    fr: 'L’image dépasse la taille permise ({limitBytes} octets).',
    en: 'The image exceeds the allowed size ({limitBytes} bytes).',
  },
  IMAGE_TYPE: {
    fr: 'Le fichier n’est pas une image PNG, JPEG ou WebP.',
    en: 'The file is not a PNG, JPEG or WebP image.',
  },
  TOO_MANY_SCREENSHOTS: {
    fr: 'Une solution garde au plus {max} captures d’écran.',
    en: 'A solution keeps at most {max} screenshots.',
  },
  ALREADY_ADHERENT: {
    fr: 'La commune adhère déjà à cet accord-cadre.',
    en: 'The commune already adheres to this agreement.',
  },
  AGREEMENT_NOT_RUNNING: {
    fr: 'L’accord-cadre ne court pas aujourd’hui (du {start} au {end}) : aucune commande possible.',
    en: 'The agreement is not running today ({start} to {end}): no order possible.',
  },
  COMMUNE_NOT_ADHERENT: {
    fr: 'La commune doit d’abord adhérer à l’accord-cadre pour commander.',
    en: 'The commune must adhere to the agreement before ordering.',
  },
  LOT_NOT_AWARDED: { fr: 'Ce lot n’est pas encore attribué.', en: 'This lot is not awarded yet.' },
  SOLUTION_NOT_IN_LOT: { fr: 'Ce lot ne propose pas cette solution.', en: 'This lot does not offer this solution.' },
  SOLUTION_NOT_LISTED: {
    fr: 'Seule une solution référencée peut être commandée.',
    en: 'Only a listed solution can be ordered.',
  },
  AMOUNT_REASON_REQUIRED: {
    fr: 'Le montant diffère de celui que donne le prix de la solution ({computed}) : indiquez pourquoi (« {field} »).',
    en: 'The amount differs from the one the solution’s price gives ({computed}): say why (“{field}”).',
  },
  DUPLICATE_CALL_OFF: {
    fr: 'Une commande identique a été passée il y a {minutes} min pour cette commune : confirmez si vous voulez vraiment commander une seconde fois.',
    en: 'An identical order was placed {minutes} min ago for this commune: confirm if you really want to order a second time.',
  },
  LOT_CEILING_EXCEEDED: {
    fr: 'Cette commande dépasserait le plafond du lot : il reste {remaining} € HTVA.',
    en: 'This order would exceed the lot’s ceiling: €{remaining} excl. VAT remain.',
  },
  AGREEMENT_CEILING_EXCEEDED: {
    fr: 'Cette commande dépasserait le plafond de l’accord-cadre : il reste {remaining} € HTVA.',
    en: 'This order would exceed the agreement’s ceiling: €{remaining} excl. VAT remain.',
  },
  COMPARE_COUNT: { fr: 'Comparez de 2 à {max} solutions.', en: 'Compare 2 to {max} solutions.' },
  OUTCOME_NOT_SHORTLISTED: {
    fr: 'La solution retenue doit figurer dans la liste restreinte.',
    en: 'The chosen solution must be on the shortlist.',
  },
  SHORTLIST_NOT_FOUND: { fr: 'Liste restreinte introuvable.', en: 'Shortlist not found.' },
  SAVED_SEARCH_NOT_FOUND: { fr: 'Recherche enregistrée introuvable.', en: 'Saved search not found.' },
  USER_REQUIRED: { fr: 'Cette action demande un compte utilisateur.', en: 'This action needs a user account.' },
  WATCH_ITEM_NOT_FOUND: { fr: 'Élément de veille introuvable.', en: 'Watch item not found.' },
  WATCH_ITEM_NEEDS_CATEGORY: {
    fr: 'Donnez au moins une catégorie à l’élément de veille avant de le verser au catalogue.',
    en: 'Give the watch item at least one category before promoting it into the catalogue.',
  },
} satisfies Record<string, Message>;

/** A code the server may answer with; every one has its French and English message. */
export type MessageCode = keyof typeof messages;

/** Every code a domain rule throws is worded too: a missing one fails here, at compile time. */
const domainCodesWorded: Record<DomainErrorCode, Message> = messages;
void domainCodesWorded;

export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = hasMessage(code) ? messages[code] : undefined;
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}

export function hasMessage(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

export function languageOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}
