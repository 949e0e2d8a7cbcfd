import { ProjectSheetCreateInput } from '../../domain/strategy/project-sheets.ts';
import type { Services } from '../app.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

export const LIBRAMONT = '84077';
export const ARLON = '81001';

/**
 * Words that must never reach a public page, export, feed or catalogue (issue 14): an unpublished project, the
 * objectives of a strategy still in draft, a private need, a milestone's owner, the amounts of a project whose
 * commune does not publish them, a solution still under watch.
 */
export const SECRETS = {
  unpublishedProject: 'Projet-confidentiel-Zorglub',
  draftObjective: 'Objectif-brouillon-Xyloph',
  draftProject: 'Projet-brouillon-Quaternion',
  privateNeed: 'Besoin-prive-Wombat',
  milestoneOwner: 'Responsable-Gribouille',
  /** the planned budget of a project published without its amounts */
  hiddenAmount: 987_654,
  watchSolution: 'AirCapt',
  /** the procurement reference of the unpublished project, and of the one published without its amounts */
  unpublishedProcurement: 'CSC-Confidentiel-777',
  amountlessProcurement: 'CSC-Sans-Montants-555',
} as const;

const procurementFile = (reference: string) => ({
  nature: 'supplies' as const,
  estimatedAmountExclVat: 180_000,
  launchDate: '2026-03-01',
  procedure: 'negotiated-direct-with-publication' as const,
  framework: null,
  reference,
  steps: [
    { step: 'specifications' as const, plannedDate: '2026-02-15', actualDate: '2026-02-20' },
    { step: 'publication' as const, plannedDate: '2026-03-10' },
  ],
  vendorName: null,
  vendorEnterpriseNumber: null,
  awardAmountExclVat: null,
});

export type PublicScenario = Awaited<ReturnType<typeof seedPublicScenario>>;

/**
 * Libramont's strategy with two strategic objectives, an operational one under the first, and four projects: two
 * published (one with its amounts), one not published, one draft sheet. Arlon has a mission still in strategy with a
 * draft objective and project, and a private need. Everything through the services, like the app does.
 */
export async function seedPublicScenario(services: Services, consultantId: string) {
  const mission = await services.missions.create(CLI_CONTEXT, {
    title: 'Libramont-Chevigny Smart',
    communeNis: LIBRAMONT,
    consultantIds: consultantId ? [consultantId] : [],
    startDate: '2026-01-15',
  });
  const objective = (missionId: string, title: string, parentId?: string) =>
    createObjective(services, missionId, title, parentId);
  const strategic = await objective(mission.id, 'Une commune plus sobre en énergie');
  const operational = await objective(mission.id, 'Réduire la consommation de l’éclairage public', strategic.id);
  const online = await objective(mission.id, 'Des services en ligne pour tous');
  const counterGoal = await objective(mission.id, 'Ouvrir un guichet en ligne', online.id);
  const sheet = async (title: string, objectiveId: string | null, status = 'approved') =>
    (
      await services.strategy.sheets.createProject(
        CLI_CONTEXT,
        mission.id,
        ProjectSheetCreateInput.parse({
          title,
          investmentCost: 120_000,
          status,
          dimensions: ['environment'],
          objectiveId,
        }),
      )
    ).id;
  const lighting = await sheet('Éclairage public LED', operational.id);
  const counter = await sheet('Guichet en ligne', counterGoal.id);
  const secret = await sheet(SECRETS.unpublishedProject, operational.id);
  await sheet(SECRETS.draftProject, operational.id, 'draft');
  await services.missions.update(CLI_CONTEXT, mission.id, { phase: 'implementation' });

  await followLibramontProjects(services, { lighting, counter, secret });
  await seedArlonDraft(services, consultantId);
  return { missionId: mission.id, lighting, counter, secret, strategic: strategic.id, operational: operational.id };
}

/** createObjective answers the whole tree: the new objective is the one with its title. */
async function createObjective(services: Services, missionId: string, title: string, parentId?: string) {
  return (await services.strategy.objectives.createObjective(CLI_CONTEXT, missionId, { title, parentId })).find(
    (o) => o.title === title,
  )!;
}

/** The follow-up of Libramont's projects: the lighting published with its amounts, the counter without, one private. */
async function followLibramontProjects(
  services: Services,
  { lighting, counter, secret }: { lighting: string; counter: string; secret: string },
): Promise<void> {
  const { followUp, items, procurement } = services.implementation;
  await followUp.updateFollowUp(CLI_CONTEXT, lighting, {
    progress: 60,
    budget: [{ year: 2026, planned: 80_000, committed: 50_000, spent: 42_500 }],
  });
  await items.addMilestone(CLI_CONTEXT, lighting, {
    title: 'Marché attribué',
    dueDate: '2026-05-31',
    owner: SECRETS.milestoneOwner,
    doneDate: '2026-05-20',
  });
  const withIndicator = await items.addIndicator(CLI_CONTEXT, lighting, {
    name: 'Consommation annuelle',
    unit: 'MWh',
    baseline: 400,
    target: 200,
  });
  await items.addMeasurement(CLI_CONTEXT, withIndicator.indicators[0]!.id, { date: '2026-06-30', value: 310 });
  await followUp.publish(CLI_CONTEXT, lighting, { published: true, publishAmounts: true });

  await followUp.updateFollowUp(CLI_CONTEXT, counter, {
    progress: 20,
    budget: [{ year: 2026, planned: SECRETS.hiddenAmount, committed: 0, spent: 0 }],
  });
  await followUp.publish(CLI_CONTEXT, counter, { published: true });

  await followUp.updateFollowUp(CLI_CONTEXT, secret, { progress: 10 });
  await procurement.saveProcurement(CLI_CONTEXT, lighting, procurementFile('CSC 2026-F-012') as never);
  await procurement.saveProcurement(CLI_CONTEXT, counter, procurementFile(SECRETS.amountlessProcurement) as never);
  await procurement.saveProcurement(CLI_CONTEXT, secret, procurementFile(SECRETS.unpublishedProcurement) as never);
}

/** Arlon: a strategy still in draft, and a need of its register. */
async function seedArlonDraft(services: Services, consultantId: string): Promise<void> {
  const arlon = await services.missions.create(CLI_CONTEXT, {
    title: 'Arlon Smart',
    communeNis: ARLON,
    consultantIds: consultantId ? [consultantId] : [],
    startDate: '2026-02-01',
  });
  const draft = await createObjective(services, arlon.id, 'Objectif stratégique d’Arlon');
  const draftOperational = await createObjective(services, arlon.id, SECRETS.draftObjective, draft.id);
  await services.strategy.sheets.createProject(
    CLI_CONTEXT,
    arlon.id,
    ProjectSheetCreateInput.parse({
      title: `${SECRETS.draftProject}-Arlon`,
      status: 'approved',
      objectiveId: draftOperational.id,
    }),
  );
  await services.needs.create(CLI_CONTEXT, {
    communeNis: ARLON,
    title: SECRETS.privateNeed,
    description: 'Un besoin du registre, jamais public.',
    dimensions: [],
    category: 'public-lighting',
    urgency: 'medium',
    estimatedBudget: 12_345,
    timeframe: null,
    source: 'direct',
    sourceRef: null,
  });
}

/**
 * One approved project of a new mission of the commune, followed and published with its amounts (80 000 € planned,
 * 42 500 € spent) and a procurement file under the reference the test gives: for a test that changes a published
 * project without touching the scenario other tests read. The OCDS is not published yet (the job would do it).
 */
export async function publishedProject(
  services: Services,
  options: { communeNis: string; title: string; reference: string },
): Promise<string> {
  const mission = await services.missions.create(CLI_CONTEXT, {
    title: `Smart ${options.communeNis}`,
    communeNis: options.communeNis,
    consultantIds: [],
    startDate: '2026-01-15',
  });
  const { id } = await services.strategy.sheets.createProject(
    CLI_CONTEXT,
    mission.id,
    ProjectSheetCreateInput.parse({ title: options.title, investmentCost: 120_000, status: 'approved' }),
  );
  await services.missions.update(CLI_CONTEXT, mission.id, { phase: 'implementation' });
  const { followUp, procurement } = services.implementation;
  await followUp.updateFollowUp(CLI_CONTEXT, id, {
    progress: 60,
    budget: [{ year: 2026, planned: 80_000, committed: 50_000, spent: 42_500 }],
  });
  await followUp.publish(CLI_CONTEXT, id, { published: true, publishAmounts: true });
  await procurement.saveProcurement(CLI_CONTEXT, id, procurementFile(options.reference) as never);
  return id;
}

/**
 * A new approved project of Libramont's strategy under its operational objective, followed but not published: the
 * public sees nothing of it until a test publishes it, so the scenario other tests read stays as it is.
 */
export async function unpublishedProject(services: Services, scenario: PublicScenario, title: string): Promise<string> {
  const { id } = await services.strategy.sheets.createProject(
    CLI_CONTEXT,
    scenario.missionId,
    ProjectSheetCreateInput.parse({
      title,
      investmentCost: 40_000,
      status: 'approved',
      dimensions: ['environment'],
      objectiveId: scenario.operational,
    }),
  );
  await services.implementation.followUp.updateFollowUp(CLI_CONTEXT, id, { progress: 10 });
  return id;
}
