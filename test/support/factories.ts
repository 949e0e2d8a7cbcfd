/**
 * Test data built the same way in every integration test: through the API, as a user would, each test making its own.
 * Each factory takes the client that may create the thing, fills what the test does not care about with plausible
 * values, and fails loudly with the server's answer when the creation is refused.
 */
import type { z } from 'zod';
import type { Role } from '../../src/domain/auth/roles.ts';
import type { Interview, InterviewCreateInput } from '../../src/domain/diagnostic/interviews.ts';
import type { SwotItem, SwotItemInput } from '../../src/domain/diagnostic/swot.ts';
import type { Mission, MissionCreateInput } from '../../src/domain/missions/mission.ts';
import type { Need, NeedInput } from '../../src/domain/needs/need.ts';
import type { ProjectSheet, ProjectSheetCreateInput } from '../../src/domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import type { Client, TestApp, TestUser } from './test-app.ts';

async function created<T>(what: string, answer: Promise<{ statusCode: number; body: string }>): Promise<T> {
  const response = await answer;
  if (response.statusCode !== 201 && response.statusCode !== 200) {
    throw new Error(`creating ${what} was refused (${response.statusCode}): ${response.body}`);
  }
  return JSON.parse(response.body) as T;
}

/** A new account with the role (and commune), already signed in. */
export async function signedIn(
  t: TestApp,
  role: Role,
  communeNis: string | null = null,
): Promise<Client & { user: TestUser }> {
  const user = await t.createUser(role, communeNis);
  return (await t.login(user)) as Client & { user: TestUser };
}

/** A mission for a commune, opened by a consultant who is in charge of it unless the test names others. */
export function mission(
  consultant: Client & { user: TestUser },
  fields: Partial<z.input<typeof MissionCreateInput>> & { communeNis: string },
): Promise<Mission> {
  return created(
    'a mission',
    consultant.post('/api/missions', {
      title: `Stratégie Smart ${fields.communeNis}`,
      consultantIds: [consultant.user.id],
      startDate: '2026-01-15',
      ...fields,
    }),
  );
}

/** An interview of a resource person in a mission's diagnostic, without answers yet. */
export function interview(
  consultant: Client,
  missionId: string,
  fields: Partial<z.input<typeof InterviewCreateInput>> = {},
): Promise<Interview> {
  return created(
    'an interview',
    consultant.post(`/api/missions/${missionId}/interviews`, {
      resourcePerson: { type: 'elected_official', role: 'bourgmestre' },
      date: '2026-02-10',
      interviewer: 'Consultant de test',
      ...fields,
    }),
  );
}

/** An interview of a mission's diagnostic with its answers saved, as the consultant leaves it after the meeting. */
export async function answeredInterview(
  consultant: Client,
  missionId: string,
  answers: readonly { questionKey: string; level: number | null; comment?: string }[],
  fields: Partial<z.input<typeof InterviewCreateInput>> = {},
): Promise<Interview> {
  const { id } = await interview(consultant, missionId, fields);
  return created(
    'the answers of an interview',
    consultant.patch(`/api/missions/${missionId}/interviews/${id}`, { answers }),
  );
}

/** A SWOT item of a mission's diagnostic. */
export function swotItem(
  consultant: Client,
  missionId: string,
  fields: Partial<z.input<typeof SwotItemInput>> = {},
): Promise<SwotItem> {
  return created(
    'a SWOT item',
    consultant.post(`/api/missions/${missionId}/swot`, { category: 'weakness', text: 'Pas de wifi public', ...fields }),
  );
}

/** A project sheet of a mission's strategy. */
export function projectSheet(
  consultant: Client,
  missionId: string,
  fields: Partial<z.input<typeof ProjectSheetCreateInput>> = {},
): Promise<ProjectSheet> {
  return created(
    'a project sheet',
    consultant.post(`/api/missions/${missionId}/strategy/projects`, { title: 'Wifi public sur la place', ...fields }),
  );
}

/** A need in a commune's register, entered by whoever may (a commune editor of that commune, or the agency). */
export function need(
  author: Client,
  fields: Partial<z.input<typeof NeedInput>> & { communeNis: string },
): Promise<Need> {
  return created('a need', author.post('/api/needs', { title: 'Éclairage public LED', ...fields }));
}

/**
 * A confirmed group of the same need (« Télégestion de l’éclairage public ») in several communes, each with its
 * budget, and, unless `poll: false`, an interest poll every commune answered « yes » with that budget: where central
 * purchasing starts. Built through the services, as the agency's grouping run and the communes' answers would leave it.
 */
export async function pooledGroup(
  t: TestApp,
  options: { communes: readonly string[]; budget: number; poll?: boolean; category?: string },
): Promise<{ groupId: string; pollId: string | null }> {
  const { services } = t.app;
  const needIds: string[] = [];
  for (const communeNis of options.communes) {
    const created = await services.needs.create(CLI_CONTEXT, {
      communeNis,
      title: 'Télégestion de l’éclairage public',
      description: '',
      dimensions: [],
      category: 'public-lighting',
      urgency: 'medium',
      estimatedBudget: options.budget,
      timeframe: null,
      source: 'direct',
      sourceRef: null,
    });
    needIds.push(created.id);
  }
  const group = await services.uow.write((repos) =>
    repos.mutualisationGroups.insertGroup(
      {
        label: 'Éclairage public intelligent',
        reason: 'test',
        status: 'confirmed',
        ...(options.category ? { category: options.category } : {}),
      },
      needIds,
    ),
  );
  if (options.poll === false) return { groupId: group.id, pollId: null };
  const poll = await services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
    question: 'Rejoignez-vous ?',
    unit: 'commune',
    deadline: '2099-12-31',
    audience: 'group',
  });
  for (const communeNis of options.communes) {
    await services.mutualisation.answer(CLI_CONTEXT, poll.id, {
      communeNis,
      answer: 'yes',
      quantity: null,
      budget: options.budget,
      comment: null,
    });
  }
  return { groupId: group.id, pollId: poll.id };
}

/**
 * Every commune confirms its line in a scenario's lot and adheres to the central purchasing body, each through the
 * client `by(commune)` returns (its own editor, or agency staff recording it for them): what a launch needs.
 */
export async function confirmAndAdhere(
  scenarioId: string,
  lotKey: string,
  communes: readonly string[],
  by: (communeNis: string) => Client,
  amount: number,
): Promise<void> {
  for (const communeNis of communes) {
    const client = by(communeNis);
    const confirmed = await client.post(`/api/purchasing/scenarios/${scenarioId}/confirmations`, {
      communeNis,
      lotKey,
      participate: true,
      amount,
    });
    if (confirmed.statusCode !== 200) throw new Error(`confirming ${communeNis} was refused: ${confirmed.body}`);
    const adhered = await client.post('/api/purchasing/adhesions', {
      communeNis,
      decisionDate: '2026-05-20',
      councilDecisionRef: `CC ${communeNis} 20/05/2026`,
    });
    if (adhered.statusCode !== 200) throw new Error(`the adhesion of ${communeNis} was refused: ${adhered.body}`);
  }
}
