import { type CallOffPricing, quoteCallOff } from '../../domain/catalogue/call-off-price.ts';
import { SolutionInput, type SolutionInputDraft } from '../../domain/catalogue/solutions.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { DEMO_CONTEXT, type DemoServices } from './context.ts';

/**
 * The catalogue of the demo: the demonstration catalogue (catalogue-demo.ts: twelve solutions, the framework
 * agreement and its three lots, watch items), five more listed solutions so that every Smart dimension has some,
 * a fourth lot, the communes' adhesions and call-offs, and one watch item promoted to the catalogue.
 */
const demo = (s: Omit<SolutionInputDraft, 'demo'>): SolutionInputDraft => ({ ...s, demo: true });

const MORE_SOLUTIONS: SolutionInputDraft[] = [
  demo({
    name: 'Covoit’Frontière',
    vendor: 'Route Commune (démo)',
    summary: 'Covoiturage des navetteurs frontaliers : trajets domicile–travail, aires de covoiturage, incitants.',
    categories: ['car-sharing', 'mobility-information'],
    dimensions: ['mobility', 'environment'],
    interoperability: {
      standards: ['GTFS', 'NeTEx'],
      mims: ['MIM1'],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: true,
    },
    hosting: 'eu',
    pricing: { model: 'per-inhabitant', amount: 0.25, details: 'par habitant et par an' },
    status: 'listed',
  }),
  demo({
    name: 'Commerce Local',
    vendor: 'Vitrine Rurale (démo)',
    summary: 'Vitrine en ligne des commerçants et producteurs locaux, chèques commerce et retrait en magasin.',
    categories: ['local-commerce'],
    dimensions: ['economy', 'living'],
    interoperability: {
      standards: ['OpenID Connect'],
      mims: [],
      openApi: true,
      exportFormats: ['CSV', 'XLSX'],
      singleSignOn: true,
    },
    hosting: 'belgium',
    pricing: { model: 'flat', amount: 2400, details: 'par an, commerçants illimités' },
    status: 'listed',
  }),
  demo({
    name: 'CoWork’Ardenne',
    vendor: 'Tiers-Lieux Numériques (démo)',
    summary: 'Réservation et accès des espaces de coworking communaux (badge, agenda, facturation).',
    categories: ['coworking', 'booking-facilities'],
    dimensions: ['economy', 'people'],
    interoperability: {
      standards: ['iCalendar'],
      mims: [],
      openApi: false,
      exportFormats: ['CSV'],
      singleSignOn: false,
    },
    hosting: 'belgium',
    pricing: { model: 'per-licence', amount: 300, details: 'par poste de travail et par an' },
    status: 'listed',
  }),
  demo({
    name: 'Clic Seniors',
    vendor: 'Numérique Pour Tous (démo)',
    summary: 'Parcours d’apprentissage du numérique pour les aînés, suivi des ateliers de l’espace public numérique.',
    categories: ['digital-inclusion', 'education'],
    dimensions: ['people'],
    interoperability: { standards: [], mims: [], openApi: false, exportFormats: ['CSV'], singleSignOn: false },
    hosting: 'belgium',
    pricing: { model: 'flat', amount: 1800, details: 'par an, formateurs compris' },
    status: 'listed',
  }),
  demo({
    name: 'Navette à la Carte',
    vendor: 'Mobilité Douce (démo)',
    summary: 'Transport à la demande : réservation par téléphone ou application, tournées calculées la veille.',
    categories: ['on-demand-transport'],
    dimensions: ['mobility', 'people'],
    interoperability: {
      standards: ['GTFS'],
      mims: ['MIM1'],
      openApi: true,
      exportFormats: ['CSV'],
      singleSignOn: false,
    },
    hosting: 'eu',
    pricing: { model: 'flat', amount: 9000, details: 'par an, logiciel et centrale de réservation' },
    status: 'listed',
  }),
];

/** Orders placed by several communes under the agreement: [commune, solution name, quantity]. */
const CALL_OFFS: [string, string, number][] = [
  ['81001', 'Guichet Citoyen', 1],
  ['81001', 'LumiGest', 2_400],
  ['85039', 'Signal’Commune', 4_302],
  ['85039', 'Navette à la Carte', 1],
  ['81004', 'Salles & Matériel', 1],
  ['83034', 'LumiGest', 1_800],
  ['82003', 'Balad’App', 1],
  ['84077', 'Commerce Local', 1],
];

export async function seedCatalogue(
  s: DemoServices,
  today: Date,
): Promise<{ lumigestLotId: string; lumigestId: string }> {
  await seedCatalogueDemo(s.catalogue, s.watch, today, DEMO_CONTEXT);
  for (const draft of MORE_SOLUTIONS) await s.catalogue.createSolution(DEMO_CONTEXT, SolutionInput.parse(draft));
  const [agreement] = await s.catalogue.agreements(DEMO_CONTEXT.actor);
  const solutions = await s.catalogue.list(DEMO_CONTEXT.actor, { status: ['listed'] });
  const idOf = (name: string) => solutions.find((x) => x.name === name)!.id;
  await s.catalogue.createLot(DEMO_CONTEXT, agreement!.id, {
    number: 4,
    title: 'Économie locale et inclusion',
    vendor: 'Groupement Ruralité Numérique (démo)',
    ceiling: 150_000,
    solutions: ['Commerce Local', 'CoWork’Ardenne', 'Clic Seniors', 'Covoit’Frontière', 'Navette à la Carte'].map(
      (name) => ({ solutionId: idOf(name), unitPrice: null }),
    ),
  });
  const lots = (await s.catalogue.agreement(DEMO_CONTEXT.actor, agreement!.id)).lots;
  const lotOf = (solutionId: string) => lots.find((l) => l.solutions.some((x) => x.solutionId === solutionId))!;
  for (const communeNis of new Set(CALL_OFFS.map(([nis]) => nis))) {
    if (communeNis !== '81001') await s.catalogue.adhere(DEMO_CONTEXT, agreement!.id, communeNis);
  }
  for (const [communeNis, name, quantity] of CALL_OFFS) {
    const solution = solutions.find((x) => x.name === name)!;
    const quote = quoteCallOff({ pricing: solution.pricing as CallOffPricing, lotUnitPrice: null, quantity });
    await s.catalogue.order(DEMO_CONTEXT, {
      lotId: lotOf(solution.id).id,
      solutionId: solution.id,
      communeNis,
      quantity,
      amount: quote!.amount,
      note: 'Commande de démonstration',
    });
  }
  // The watch item on the lighting's digital twin, promoted to the catalogue for evaluation.
  const feed = await s.watch.feed(DEMO_CONTEXT.actor, { limit: 50 });
  const twin = feed.find((item) => item.title.startsWith('Jumeau numérique'));
  if (twin) await s.watch.promote(DEMO_CONTEXT, twin.id, { name: 'Jumeau Lumière', vendor: 'Lumen Wallonie (démo)' });
  const lumigestId = idOf('LumiGest');
  return { lumigestLotId: lotOf(lumigestId).id, lumigestId };
}
