import type { Locale } from '../shared/format.ts';

/**
 * What each audit action code means, in French and English: the one table the audit log reads, so an administrator
 * sees « Modification d’une mission » rather than `mission.update`. A test scans the server for the codes it writes:
 * a new action without its phrases here fails it.
 */
export const AUDIT_ACTION_LABELS = {
  'agency.create': { fr: 'Création de l’agence', en: 'Agency created' },
  'auth.login': { fr: 'Connexion', en: 'Sign-in' },
  'auth.login_failed': { fr: 'Échec de connexion', en: 'Failed sign-in' },
  'auth.logout': { fr: 'Déconnexion', en: 'Sign-out' },
  'user.create': { fr: 'Création d’un utilisateur', en: 'User created' },
  'purchasing.scenario.create': {
    fr: 'Création d’un scénario d’achat centralisé',
    en: 'Central purchasing scenario created',
  },
  'purchasing.scenario.update': {
    fr: 'Modification d’un scénario d’achat centralisé',
    en: 'Central purchasing scenario updated',
  },
  'purchasing.scenario.launch': {
    fr: 'Lancement d’un scénario d’achat centralisé',
    en: 'Central purchasing scenario launched',
  },
  'purchasing.participation.confirm': {
    fr: 'Participation d’une commune confirmée',
    en: 'Commune participation confirmed',
  },
  'purchasing.participation.decline': {
    fr: 'Participation d’une commune déclinée',
    en: 'Commune participation declined',
  },
  'purchasing.adhesion': { fr: 'Adhésion à la centrale d’achat', en: 'Central purchasing body membership' },
  'purchasing.file.update': {
    fr: 'Modification du dossier de marché de l’agence',
    en: 'Agency procurement file updated',
  },
  'purchasing.scenario.savings': {
    fr: 'Hypothèses d’économies d’un scénario d’achat centralisé',
    en: 'Savings assumptions of a central purchasing scenario',
  },
  'purchasing.procedure_costs.update': {
    fr: 'Modification des coûts de procédure',
    en: 'Procedure costs updated',
  },
  'purchasing.award': { fr: 'Attribution d’un accord-cadre', en: 'Framework agreement awarded' },
  'ocds.release.publish': { fr: 'Publication de données OCDS (nouvelles versions)', en: 'OCDS releases published' },
  'api_key.create': { fr: 'Création d’une clé d’API', en: 'API key created' },
  'api_key.revoke': { fr: 'Révocation d’une clé d’API', en: 'API key revoked' },
  'user.update': { fr: 'Modification d’un utilisateur', en: 'User changed' },
  'user.disable': { fr: 'Désactivation d’un utilisateur', en: 'User disabled' },
  'user.password_reset': { fr: 'Réinitialisation d’un mot de passe', en: 'Password reset' },
  'user.password_change': { fr: 'Changement de mot de passe', en: 'Password changed' },
  'commune.update': { fr: 'Modification d’une commune', en: 'Commune changed' },
  'commune.official_designation': {
    fr: 'Confirmation de la désignation officielle d’une commune',
    en: 'Commune’s official designation confirmed',
  },
  'site.create': { fr: 'Ajout d’un site', en: 'Site added' },
  'site.update': { fr: 'Modification d’un site', en: 'Site changed' },
  'site.delete': { fr: 'Suppression d’un site', en: 'Site deleted' },

  'mission.create': { fr: 'Création d’une mission', en: 'Mission created' },
  'mission.update': { fr: 'Modification d’une mission', en: 'Mission changed' },

  'diagnostic.targets': {
    fr: 'Cibles de maturité par dimension et horizon',
    en: 'Target maturity per dimension and horizon set',
  },
  'diagnostic.guide': { fr: 'Choix du guide d’entretien de la mission', en: 'Mission interview guide chosen' },
  'guide.create': { fr: 'Création d’un guide d’entretien', en: 'Interview guide created' },
  'guide.draft': { fr: 'Nouvelle version de travail d’un guide', en: 'Interview guide draft started' },
  'guide.update': { fr: 'Modification d’un guide d’entretien', en: 'Interview guide changed' },
  'guide.publish': { fr: 'Publication d’un guide d’entretien', en: 'Interview guide published' },
  'guide.delete': { fr: 'Suppression d’un guide d’entretien', en: 'Interview guide deleted' },
  'guide.seed': { fr: 'Installation des guides d’entretien de départ', en: 'Starter interview guides installed' },
  'interview.create': { fr: 'Ajout d’un entretien', en: 'Interview added' },
  'interview.update': { fr: 'Modification d’un entretien', en: 'Interview changed' },
  'interview.delete': { fr: 'Suppression d’un entretien', en: 'Interview deleted' },
  'interview.erase_identity': {
    fr: 'Effacement de l’identité d’une personne interrogée',
    en: 'Interviewee identity erased',
  },
  'self_assessment.create': { fr: 'Création d’un lien d’auto-évaluation', en: 'Self-assessment link created' },
  'self_assessment.revoke': { fr: 'Révocation d’un lien d’auto-évaluation', en: 'Self-assessment link revoked' },
  'self_assessment.submit': { fr: 'Réponse à une auto-évaluation', en: 'Self-assessment submitted' },
  'swot.create': { fr: 'Ajout d’un élément AFOM', en: 'SWOT item added' },
  'swot.update': { fr: 'Modification d’un élément AFOM', en: 'SWOT item changed' },
  'swot.delete': { fr: 'Suppression d’un élément AFOM', en: 'SWOT item deleted' },
  'swot.merge': { fr: 'Fusion d’éléments AFOM', en: 'SWOT items merged' },
  'swot.reorder': { fr: 'Nouvel ordre des éléments AFOM', en: 'SWOT items reordered' },
  'specificities.update': { fr: 'Modification des spécificités du territoire', en: 'Territory specificities changed' },

  'strategy.start': { fr: 'Démarrage de la stratégie', en: 'Strategy started' },
  'strategy.objective.create': { fr: 'Ajout d’un objectif', en: 'Objective added' },
  'strategy.objective.update': { fr: 'Modification d’un objectif', en: 'Objective changed' },
  'strategy.objective.delete': { fr: 'Suppression d’un objectif', en: 'Objective deleted' },
  'strategy.project.create': { fr: 'Création d’une fiche projet', en: 'Project sheet created' },
  'strategy.project.update': { fr: 'Modification d’une fiche projet', en: 'Project sheet changed' },
  'strategy.project.gaps': { fr: 'Écarts comblés par une fiche projet', en: 'Gaps a project sheet closes' },
  'strategy.project.delete': { fr: 'Suppression d’une fiche projet', en: 'Project sheet deleted' },
  'strategy.comment.create': { fr: 'Ajout d’un commentaire', en: 'Comment added' },
  'strategy.comment.delete': { fr: 'Suppression d’un commentaire', en: 'Comment deleted' },
  'strategy.criterion.create': { fr: 'Ajout d’un critère', en: 'Criterion added' },
  'strategy.criterion.update': { fr: 'Modification d’un critère', en: 'Criterion changed' },
  'strategy.criterion.delete': { fr: 'Suppression d’un critère', en: 'Criterion deleted' },
  'strategy.weights.set': { fr: 'Modification des poids des critères', en: 'Criteria weights changed' },
  'strategy.ahp.set': { fr: 'Comparaisons par paires (AHP) enregistrées', en: 'Pairwise comparisons (AHP) saved' },
  'strategy.evaluations.set': { fr: 'Modification des notes de la grille', en: 'Evaluation grid scores changed' },
  'strategy.scenario.create': { fr: 'Création d’un scénario de pondération', en: 'Weighting scenario created' },
  'strategy.scenario.apply': { fr: 'Application d’un scénario de pondération', en: 'Weighting scenario applied' },
  'strategy.scenario.delete': { fr: 'Suppression d’un scénario de pondération', en: 'Weighting scenario deleted' },
  'strategy.horizons.set': { fr: 'Modification des horizons et budgets', en: 'Horizons and budgets changed' },
  'strategy.locks.set': { fr: 'Modification des verrous du plan', en: 'Plan locks changed' },
  'strategy.plan.request': { fr: 'Calcul du plan pluriannuel demandé', en: 'Multi-year plan requested' },
  'strategy.plan.approve': { fr: 'Approbation du plan pluriannuel', en: 'Multi-year plan approved' },

  'implementation.update': { fr: 'Modification du suivi d’un projet', en: 'Project follow-up changed' },
  'implementation.status': { fr: 'Changement de statut d’un projet', en: 'Project status changed' },
  'implementation.publish': { fr: 'Publication de l’avancement d’un projet', en: 'Project progress published' },
  'implementation.unpublish': { fr: 'Retrait de la publication d’un projet', en: 'Project progress unpublished' },
  'implementation.milestone.create': { fr: 'Ajout d’un jalon', en: 'Milestone added' },
  'implementation.milestone.update': { fr: 'Modification d’un jalon', en: 'Milestone changed' },
  'implementation.milestone.delete': { fr: 'Suppression d’un jalon', en: 'Milestone deleted' },
  'implementation.indicator.create': { fr: 'Ajout d’un indicateur', en: 'Indicator added' },
  'implementation.indicator.update': { fr: 'Modification d’un indicateur', en: 'Indicator changed' },
  'implementation.indicator.delete': { fr: 'Suppression d’un indicateur', en: 'Indicator deleted' },
  'implementation.measurement.create': { fr: 'Ajout d’une mesure d’indicateur', en: 'Indicator measurement added' },
  'implementation.measurement.update': {
    fr: 'Modification d’une mesure d’indicateur',
    en: 'Indicator measurement changed',
  },
  'implementation.measurement.delete': {
    fr: 'Suppression d’une mesure d’indicateur',
    en: 'Indicator measurement deleted',
  },
  'implementation.document.create': { fr: 'Ajout d’un document', en: 'Document added' },
  'implementation.document.delete': { fr: 'Suppression d’un document', en: 'Document deleted' },
  'implementation.procurement.create': { fr: 'Ajout d’un marché public', en: 'Public contract added' },
  'implementation.procurement.update': { fr: 'Modification d’un marché public', en: 'Public contract changed' },
  'procurement_thresholds.update': {
    fr: 'Modification des seuils des marchés publics',
    en: 'Public procurement thresholds changed',
  },
  'procurement_thresholds.delete': {
    fr: 'Retour aux seuils des marchés publics par défaut',
    en: 'Public procurement thresholds reset',
  },
  'notification_settings.update': { fr: 'Modification des avis d’alerte', en: 'Alert notice settings changed' },
  'notices.run': { fr: 'Envoi des avis d’alerte', en: 'Alert notices sent' },

  'need.create': { fr: 'Ajout d’un besoin', en: 'Need added' },
  'need.update': { fr: 'Modification d’un besoin', en: 'Need changed' },
  'need.delete': { fr: 'Suppression d’un besoin', en: 'Need deleted' },
  'need.import': { fr: 'Import de besoins', en: 'Needs imported' },
  'mutualisation.run': { fr: 'Regroupement des besoins semblables', en: 'Similar needs grouped' },
  'mutualisation.groups-proposed': { fr: 'Groupes de besoins proposés', en: 'Needs groups proposed' },
  'mutualisation.confirm': { fr: 'Confirmation d’un groupe de besoins', en: 'Needs group confirmed' },
  'mutualisation.dismiss': { fr: 'Rejet d’un groupe de besoins', en: 'Needs group dismissed' },
  'mutualisation.reopen': { fr: 'Réouverture d’un groupe de besoins', en: 'Needs group reopened' },
  'mutualisation.split': { fr: 'Scission d’un groupe de besoins', en: 'Needs group split' },
  'mutualisation.merge': { fr: 'Fusion de groupes de besoins', en: 'Needs groups merged' },
  'mutualisation.rename': { fr: 'Renommage d’un groupe de besoins', en: 'Needs group renamed' },
  'mutualisation.price-model': {
    fr: 'Modification du modèle de prix d’un groupe',
    en: 'Group price model changed',
  },
  'mutualisation.poll': { fr: 'Lancement d’un sondage d’intérêt', en: 'Interest poll started' },
  'mutualisation.answer': { fr: 'Réponse à un sondage d’intérêt', en: 'Interest poll answered' },
  'mutualisation.purchase': { fr: 'Préparation d’un achat groupé', en: 'Joint purchase prepared' },

  'catalogue.solution.create': { fr: 'Ajout d’une solution au catalogue', en: 'Catalogue solution added' },
  'catalogue.solution.update': { fr: 'Modification d’une solution du catalogue', en: 'Catalogue solution changed' },
  'catalogue.image.create': { fr: 'Ajout d’une image à une solution', en: 'Solution image added' },
  'catalogue.image.delete': { fr: 'Suppression d’une image d’une solution', en: 'Solution image deleted' },
  'catalogue.agreement.create': { fr: 'Création d’un accord-cadre', en: 'Framework agreement created' },
  'catalogue.agreement.update': { fr: 'Modification d’un accord-cadre', en: 'Framework agreement changed' },
  'catalogue.adhesion.create': { fr: 'Adhésion d’une commune à un accord-cadre', en: 'Commune joined an agreement' },
  'catalogue.lot.create': { fr: 'Ajout d’un lot', en: 'Lot added' },
  'catalogue.lot.update': { fr: 'Modification d’un lot', en: 'Lot changed' },
  'catalogue.call_off.create': { fr: 'Commande dans un accord-cadre', en: 'Call-off ordered' },
  'catalogue.call_off.cancel': { fr: 'Annulation d’une commande', en: 'Call-off cancelled' },
  'catalogue.shortlist.create': { fr: 'Création d’une liste restreinte', en: 'Shortlist created' },
  'catalogue.shortlist.update': { fr: 'Modification d’une liste restreinte', en: 'Shortlist changed' },
  'catalogue.shortlist.delete': { fr: 'Suppression d’une liste restreinte', en: 'Shortlist deleted' },
  'catalogue.shortlist.outcome': { fr: 'Décision sur une liste restreinte', en: 'Shortlist decision recorded' },
  'catalogue.search.save': { fr: 'Enregistrement d’une recherche', en: 'Search saved' },
  'catalogue.search.delete': { fr: 'Suppression d’une recherche enregistrée', en: 'Saved search deleted' },

  'watch.item.create': { fr: 'Ajout d’une fiche de veille', en: 'Watch item added' },
  'watch.item.update': { fr: 'Modification d’une fiche de veille', en: 'Watch item changed' },
  'watch.item.delete': { fr: 'Suppression d’une fiche de veille', en: 'Watch item deleted' },
  'watch.item.promote': { fr: 'Fiche de veille mise au catalogue', en: 'Watch item added to the catalogue' },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function isKnownAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code);
}

/** The readable phrase of an action; an unknown code (an older or newer server) shows as itself rather than nothing. */
export function auditActionLabel(code: string, locale: Locale): string {
  return isKnownAuditAction(code) ? AUDIT_ACTION_LABELS[code][locale] : code;
}
