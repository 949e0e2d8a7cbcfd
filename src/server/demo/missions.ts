import { MissionCreateInput, type MissionPhase } from '../../domain/missions/mission.ts';
import { DEMO_CONTEXT, type DemoCalendar, type DemoServices } from './context.ts';
import { type DiagnosticSpec, seedDiagnostic } from './diagnostic.ts';
import { seedFollowUp } from './implementation.ts';
import {
  ARLON_DIAGNOSTIC,
  AUBANGE_DIAGNOSTIC,
  LIBRAMONT_DIAGNOSTIC,
  MARCHE_DIAGNOSTIC,
  MUSEUM_DIAGNOSTIC,
  TINTIGNY_DIAGNOSTIC,
} from './portfolio-diagnostics.ts';
import { ARLON_PROJECTS, type ProjectSpec } from './portfolio-projects.ts';
import { AUBANGE_PROJECTS, MARCHE_PROJECTS, TINTIGNY_PROJECTS } from './portfolio-projects-other.ts';
import { type StrategySpec, seedStrategy } from './strategy.ts';

type MissionSpec = {
  communeNis: string;
  /** The reference site the mission serves (the Bastogne War Museum), by its key in sites.csv. */
  siteKey?: string;
  title: string;
  description: string;
  startedDaysAgo: number;
  endedDaysAgo?: number;
  phase: MissionPhase;
  diagnostic: DiagnosticSpec;
  strategy?: Omit<StrategySpec, 'sheets'> & { projects: ProjectSpec[] };
};

const WEIGHTS = { impact: 30, alignment: 20, cost: 15, feasibility: 15, risk: 10, pooling: 5, openness: 5 };

/**
 * The agency's portfolio as its own text describes it (Arlon, Aubange, Libramont-Chevigny, Marche-en-Famenne,
 * Tintigny and the Bastogne War Museum), each mission at a different moment of the work.
 */
export const PORTFOLIO: MissionSpec[] = [
  {
    communeNis: '81001',
    title: 'Stratégie Smart d’Arlon',
    description: 'Accompagnement de la Ville d’Arlon : diagnostic, plan Smart et suivi de sa mise en œuvre (démo).',
    startedDaysAgo: 430,
    phase: 'implementation',
    diagnostic: ARLON_DIAGNOSTIC,
    strategy: { projects: ARLON_PROJECTS, weights: WEIGHTS, budgets: [300_000, 60_000, 40_000], plan: 'approve' },
  },
  {
    communeNis: '85039',
    title: 'Tintigny, commune connectée',
    description: 'Des services numériques pour les villages et les aînés de Tintigny (démo).',
    startedDaysAgo: 390,
    phase: 'implementation',
    diagnostic: TINTIGNY_DIAGNOSTIC,
    strategy: { projects: TINTIGNY_PROJECTS, weights: WEIGHTS, budgets: [100_000, 20_000, 10_000], plan: 'decided' },
  },
  {
    communeNis: '81004',
    title: 'Plan Smart d’Aubange',
    description: 'Mobilité transfrontalière et énergie : le plan Smart d’Aubange en préparation (démo).',
    startedDaysAgo: 160,
    phase: 'planning',
    diagnostic: AUBANGE_DIAGNOSTIC,
    strategy: {
      projects: AUBANGE_PROJECTS,
      weights: { ...WEIGHTS, pooling: 10, openness: 0 },
      budgets: [150_000, 120_000, 60_000],
      plan: 'compute',
    },
  },
  {
    communeNis: '84077',
    title: 'Diagnostic Smart de Libramont-Chevigny',
    description: 'Entretiens et auto-évaluations en cours avec la commune (démo).',
    startedDaysAgo: 30,
    phase: 'diagnostic',
    diagnostic: LIBRAMONT_DIAGNOSTIC,
  },
  {
    communeNis: '83034',
    title: 'Marche-en-Famenne, centre-ville connecté',
    description: 'Mission terminée : stationnement et réservations en ligne livrés (démo).',
    startedDaysAgo: 700,
    endedDaysAgo: 60,
    phase: 'closed',
    diagnostic: MARCHE_DIAGNOSTIC,
    strategy: { projects: MARCHE_PROJECTS, weights: WEIGHTS, budgets: [120_000, 20_000, 10_000], plan: 'decided' },
  },
  {
    communeNis: '82003',
    siteKey: 'bastogne-war-museum',
    title: 'Bastogne War Museum, visite connectée',
    description: 'Billetterie, réservation des groupes et parcours de visite numériques du musée (démo).',
    startedDaysAgo: 15,
    phase: 'diagnostic',
    diagnostic: MUSEUM_DIAGNOSTIC,
  },
];

/** Creates the portfolio's missions and takes each through its phases; returns the missions' ids by commune. */
export async function seedMissions(
  s: DemoServices,
  calendar: DemoCalendar,
  random: () => number,
  consultantId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const sites = await s.uow.read((repos) => repos.communes.allSites());
  for (const spec of PORTFOLIO) {
    const siteId = spec.siteKey ? (sites.find((site) => site.referenceKey === spec.siteKey)?.id ?? null) : null;
    const mission = await s.missions.create(
      DEMO_CONTEXT,
      MissionCreateInput.parse({
        title: spec.title,
        description: spec.description,
        communeNis: spec.communeNis,
        siteId,
        consultantIds: [consultantId],
        startDate: calendar.day(-spec.startedDaysAgo),
        ...(spec.endedDaysAgo ? { endDate: calendar.day(-spec.endedDaysAgo) } : {}),
      }),
    );
    ids.set(spec.siteKey ?? spec.communeNis, mission.id);
    await seedDiagnostic(s, calendar, random, mission.id, spec.diagnostic);
    if (!spec.strategy) continue;
    await s.missions.update(DEMO_CONTEXT, mission.id, { phase: 'planning' });
    const { projects, ...strategy } = spec.strategy;
    const sheetIds = await seedStrategy(s, mission.id, { ...strategy, sheets: projects });
    if (spec.phase === 'planning') continue;
    await s.missions.update(DEMO_CONTEXT, mission.id, { phase: 'implementation' });
    for (const [i, project] of projects.entries()) {
      if (project.followUp) await seedFollowUp(s, calendar, sheetIds[i]!, project.followUp);
    }
    if (spec.phase === 'closed') await s.missions.update(DEMO_CONTEXT, mission.id, { phase: 'closed' });
  }
  return ids;
}
