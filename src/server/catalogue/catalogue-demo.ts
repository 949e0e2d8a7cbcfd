import type { SolutionInputDraft } from '../../domain/catalogue/solutions.ts';
import { SolutionInput } from '../../domain/catalogue/solutions.ts';
import { WatchItemInput } from '../../domain/watch/watch-items.ts';
import { BOOTSTRAP_CONTEXT, type RequestContext } from '../http/request-context.ts';
import type { WatchService } from '../watch/watch.service.ts';
import type { CatalogueService } from './catalogue.service.ts';

/**
 * A small demonstration catalogue, loaded with the demo workspace (SEED_DEMO): invented products and vendors, every
 * record flagged `demo` and its vendor marked "(démo)", one framework agreement with three lots, Arlon adherent.
 */
const demo = (s: Omit<SolutionInputDraft, 'demo'>): SolutionInputDraft => ({ ...s, demo: true });

export const DEMO_SOLUTIONS: SolutionInputDraft[] = [
  demo({
    name: 'LumiGest',
    vendor: 'Lumen Wallonie (démo)',
    summary: 'Télégestion de l’éclairage public : extinction et gradation nocturnes, pannes signalées automatiquement.',
    description:
      'Pilotage des luminaires LED point par point, programmation des horaires d’extinction nocturne, cartographie du parc et suivi des consommations.',
    categories: ['public-lighting', 'energy-monitoring'],
    dimensions: ['environment', 'living'],
    interoperability: {
      standards: ['TALQ', 'LoRaWAN'],
      mims: ['MIM1', 'MIM7'],
      openApi: true,
      exportFormats: ['CSV', 'GeoJSON'],
      singleSignOn: false,
    },
    hosting: 'belgium',
    gdpr: { dataProcessingAgreement: true, subProcessors: [] },
    languages: ['fr', 'nl', 'de'],
    pricing: { model: 'per-licence', amount: 4.5, details: 'par point lumineux et par an' },
    support: 'Service d’assistance en français, jours ouvrables 8 h–17 h',
    referenceCommunes: ['85039'],
    status: 'listed',
  }),
  demo({
    name: 'Signal’Commune',
    vendor: 'Civix (démo)',
    summary:
      'Les citoyens signalent un problème sur l’espace public (nid de poule, dépôt clandestin) et suivent sa résolution.',
    description: 'Application mobile et site web, tableau de bord des services techniques, statistiques par quartier.',
    categories: ['citizen-reporting', 'city-app'],
    dimensions: ['governance', 'people'],
    interoperability: {
      standards: ['OpenID Connect'],
      mims: ['MIM4'],
      openApi: true,
      exportFormats: ['CSV', 'XLSX'],
      singleSignOn: true,
    },
    hosting: 'eu',
    gdpr: { dataProcessingAgreement: true, subProcessors: ['OVHcloud'] },
    accessibilityStatementUrl: 'https://example.org/signal-commune/accessibilite',
    languages: ['fr', 'nl', 'en'],
    pricing: { model: 'per-inhabitant', amount: 0.35, details: 'par habitant et par an' },
    support: 'Assistance par e-mail et téléphone',
    referenceCommunes: ['83034', '84077'],
    status: 'listed',
  }),
  demo({
    name: 'Guichet Citoyen',
    vendor: 'Administration Simple (démo)',
    summary:
      'Guichet électronique : démarches en ligne, documents administratifs et prise de rendez-vous au service population.',
    description:
      'Formulaires en ligne, paiement, signature électronique, connexion avec la carte d’identité (itsme, eID).',
    categories: ['e-counter', 'back-office'],
    dimensions: ['governance'],
    interoperability: {
      standards: ['OpenID Connect', 'SAML'],
      mims: ['MIM4'],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: true,
    },
    hosting: 'belgium',
    gdpr: { dataProcessingAgreement: true, subProcessors: [] },
    accessibilityStatementUrl: 'https://example.org/guichet-citoyen/accessibilite',
    languages: ['fr', 'nl', 'de', 'en'],
    pricing: {
      model: 'tiered',
      amount: null,
      tiers: [
        { label: 'jusqu’à 10 000 habitants', price: 6000, upTo: 10_000 },
        { label: 'au-delà', price: 11000, upTo: null },
      ],
      details: 'forfait annuel selon la population',
    },
    support: 'Support prioritaire inclus',
    status: 'listed',
  }),
  demo({
    name: 'Participons',
    vendor: 'Open Démocratie (démo)',
    summary: 'Plateforme de participation citoyenne (logiciel libre) : consultations, budget participatif, pétitions.',
    description:
      'Basée sur un logiciel libre, hébergée en Belgique, modules de consultation, de concertation et de budget participatif.',
    categories: ['participation'],
    dimensions: ['people', 'governance'],
    interoperability: {
      standards: ['OpenID Connect'],
      mims: [],
      openApi: true,
      exportFormats: ['CSV', 'JSON'],
      singleSignOn: true,
    },
    hosting: 'belgium',
    gdpr: { dataProcessingAgreement: true, subProcessors: [] },
    accessibilityStatementUrl: 'https://example.org/participons/accessibilite',
    languages: ['fr', 'nl', 'en'],
    pricing: { model: 'flat', amount: 3500, details: 'hébergement et maintenance, par an' },
    support: 'Communauté et support contractuel',
    referenceCommunes: ['81004'],
    status: 'listed',
  }),
  demo({
    name: 'TriMalin',
    vendor: 'Capteurs Verts (démo)',
    summary: 'Capteurs de taux de remplissage des bulles à verre et conteneurs, tournées de collecte optimisées.',
    categories: ['waste', 'iot-network'],
    dimensions: ['environment'],
    interoperability: {
      standards: ['LoRaWAN', 'NGSI-LD'],
      mims: ['MIM1', 'MIM2'],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: false,
    },
    hosting: 'eu',
    pricing: { model: 'per-licence', amount: 60, details: 'par capteur et par an' },
    status: 'evaluated',
  }),
  demo({
    name: 'Balad’App',
    vendor: 'Ardenne Numérique (démo)',
    summary: 'Application de visite : balades, circuits et patrimoine de la commune, audioguide hors ligne.',
    categories: ['tourism'],
    dimensions: ['economy', 'living'],
    interoperability: {
      standards: ['DCAT-AP'],
      mims: ['MIM7'],
      openApi: false,
      exportFormats: ['GPX', 'GeoJSON'],
      singleSignOn: false,
    },
    hosting: 'belgium',
    languages: ['fr', 'nl', 'de', 'en'],
    pricing: { model: 'flat', amount: 2500, details: 'par an' },
    referenceCommunes: ['83012'],
    status: 'listed',
  }),
  demo({
    name: 'EnerBât',
    vendor: 'Watt Public (démo)',
    summary: 'Suivi énergétique des bâtiments communaux : compteurs intelligents, cadastre énergétique, alertes.',
    categories: ['energy-monitoring'],
    dimensions: ['environment'],
    interoperability: {
      standards: ['MQTT'],
      mims: [],
      openApi: true,
      exportFormats: ['CSV', 'XLSX'],
      singleSignOn: false,
    },
    hosting: 'eu',
    pricing: { model: 'per-licence', amount: 180, details: 'par bâtiment et par an' },
    status: 'evaluated',
  }),
  demo({
    name: 'Mobi’Rural',
    vendor: 'Navette Plus (démo)',
    summary: 'Transport à la demande : réservation de trajets pour les aînés, taxi social et navettes.',
    categories: ['on-demand-transport'],
    dimensions: ['mobility', 'living'],
    interoperability: {
      standards: ['GTFS', 'NeTEx'],
      mims: ['MIM2'],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: false,
    },
    hosting: 'belgium',
    languages: ['fr', 'de'],
    pricing: { model: 'per-inhabitant', amount: 0.5, details: 'par habitant et par an' },
    status: 'listed',
  }),
  demo({
    name: 'AirCapt',
    vendor: 'Qualité Air Lab (démo)',
    summary: 'Réseau de capteurs de qualité de l’air et de bruit, données ouvertes en temps réel.',
    categories: ['air-quality', 'iot-network'],
    dimensions: ['environment'],
    interoperability: {
      standards: ['OGC SensorThings', 'NGSI-LD'],
      mims: ['MIM1'],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: false,
    },
    hosting: 'eu',
    pricing: { model: 'per-licence', amount: 240, details: 'par capteur et par an' },
    status: 'watch',
  }),
  demo({
    name: 'Salles & Matériel',
    vendor: 'Réserv’Ici (démo)',
    summary: 'Réservation en ligne des salles communales, du hall sportif et prêt de matériel.',
    categories: ['booking-facilities'],
    dimensions: ['living', 'governance'],
    interoperability: {
      standards: ['iCalendar', 'OpenID Connect'],
      mims: [],
      openApi: false,
      exportFormats: ['CSV'],
      singleSignOn: true,
    },
    hosting: 'belgium',
    pricing: { model: 'flat', amount: 1200, details: 'par an' },
    status: 'listed',
  }),
  demo({
    name: 'GéoCommune',
    vendor: 'Carto Public (démo)',
    summary: 'Portail de données ouvertes et cartographie (géoportail) de la commune.',
    categories: ['open-data'],
    dimensions: ['governance'],
    interoperability: {
      standards: ['DCAT-AP', 'INSPIRE', 'OGC WMS/WFS'],
      mims: ['MIM7'],
      openApi: true,
      exportFormats: ['CSV', 'GeoJSON', 'Shapefile'],
      singleSignOn: false,
    },
    hosting: 'belgium',
    pricing: { model: 'per-inhabitant', amount: 0.2, details: 'par habitant et par an' },
    status: 'listed',
  }),
  demo({
    name: 'AlerteCrue',
    vendor: 'Hydro Veille (démo)',
    summary: 'Alerte inondation : niveau des cours d’eau, pluviomètres et messages aux riverains.',
    categories: ['flood-warning'],
    dimensions: ['environment', 'governance'],
    interoperability: {
      standards: ['OGC SensorThings'],
      mims: [],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: false,
    },
    hosting: 'eu',
    pricing: { model: 'flat', amount: 5000, details: 'par an' },
    status: 'evaluated',
  }),
];

/** Loads the demo catalogue through the services (so every record is audited like any other). */
export async function seedCatalogueDemo(
  catalogue: CatalogueService,
  watch: WatchService,
  today: Date,
  ctx: RequestContext = BOOTSTRAP_CONTEXT,
): Promise<void> {
  const ids = new Map<string, string>();
  for (const draft of DEMO_SOLUTIONS) {
    const solution = await catalogue.createSolution(ctx, SolutionInput.parse(draft));
    ids.set(solution.name, solution.id);
  }
  const year = today.getUTCFullYear();
  const agreement = await catalogue.createAgreement(ctx, {
    reference: `IDELUX-SMART-${year}-DEMO`,
    title: 'Accord-cadre applications Smart (démo)',
    description: 'Centrale de marché de démonstration : trois lots, attribués à des fournisseurs fictifs.',
    startDate: `${year}-01-01`,
    endDate: `${year + 3}-12-31`,
    ceiling: 1_200_000,
    demo: true,
  });
  const lot = (number: number, title: string, vendor: string, ceiling: number, names: string[]) =>
    catalogue.createLot(ctx, agreement.id, {
      number,
      title,
      vendor,
      ceiling,
      solutions: names.map((n) => ({ solutionId: ids.get(n)!, unitPrice: null })),
    });
  await lot(1, 'Services en ligne aux citoyens', 'Consortium Services Publics (démo)', 400_000, [
    'Guichet Citoyen',
    'Signal’Commune',
    'Participons',
    'Salles & Matériel',
  ]);
  await lot(2, 'Territoire connecté', 'Territoires Intelligents SA (démo)', 600_000, [
    'LumiGest',
    'Balad’App',
    'GéoCommune',
  ]);
  await lot(3, 'Mobilité', 'Navette Plus (démo)', 250_000, ['Mobi’Rural']);
  await catalogue.adhere(ctx, agreement.id, '81001');

  const items = [
    {
      title: 'Capteurs de qualité de l’air à bas coût : retour d’expérience',
      sourceUrl: 'https://example.org/veille/capteurs-air',
      publishedOn: `${year}-03-12`,
      summary:
        'Des capteurs à bas coût reliés en LoRaWAN donnent des tendances utiles, pas des mesures réglementaires.',
      tags: ['capteurs', 'LoRaWAN'],
      categories: ['air-quality'],
      solutionIds: [ids.get('AirCapt')!],
      assessment: 'Intéressant pour sensibiliser ; à coupler avec les stations officielles.',
      recommendation: 'trial' as const,
      vendor: 'Qualité Air Lab (démo)',
      demo: true,
    },
    {
      title: 'Jumeau numérique de l’éclairage public',
      sourceUrl: 'https://example.org/veille/jumeau-eclairage',
      publishedOn: `${year}-05-02`,
      summary: 'Un modèle 3D du parc d’éclairage pour planifier le passage au LED et l’extinction nocturne.',
      tags: ['éclairage', 'jumeau numérique'],
      categories: ['public-lighting', 'open-data'],
      solutionIds: [],
      assessment: 'Prometteur, encore cher pour une commune rurale seule : à mutualiser.',
      recommendation: 'assess' as const,
      vendor: 'Lumen Wallonie (démo)',
      demo: true,
    },
  ];
  for (const item of items) await watch.create(ctx, WatchItemInput.parse(item));
}
