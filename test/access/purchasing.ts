import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { type AccessCase, type AccessContext, adminOnly, agencyOrOwnEditor, agencyStaff, signedIn } from './types.ts';

/**
 * Central purchasing (issue 12): agency staff build and launch scenarios; a commune's users read the scenarios their
 * commune has a line in, its editors confirm their lines and record their commune's adhesion.
 */

/** A confirmed group of the commune's need, polled, the commune answering yes with a budget. */
async function groupOf(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`purchasing-group-${communeNis}`, async () => {
    const need = await ctx.t.app.services.needs.create(CLI_CONTEXT, {
      communeNis,
      title: 'Télégestion de l’éclairage public',
      description: '',
      dimensions: [],
      category: 'public-lighting',
      urgency: 'medium',
      estimatedBudget: 20_000,
      timeframe: null,
      source: 'direct',
      sourceRef: null,
    });
    const group = await ctx.t.app.services.uow.write((repos) =>
      repos.mutualisationGroups.insertGroup({ label: 'Éclairage', reason: 'fixture', status: 'confirmed' }, [need.id]),
    );
    const poll = await ctx.t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous ?',
      unit: 'commune',
      deadline: '2099-12-31',
      audience: 'group',
    });
    await ctx.t.app.services.mutualisation.answer(CLI_CONTEXT, poll.id, {
      communeNis,
      answer: 'yes',
      quantity: null,
      budget: 20_000,
      comment: null,
    });
    return group.id;
  });
}

async function scenarioOf(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`purchasing-scenario-${communeNis}`, async () =>
    ctx.t.app.services.purchasing.scenarios.create(CLI_CONTEXT, {
      title: 'Marché-cadre éclairage',
      groupIds: [await groupOf(ctx, communeNis)],
      launchDate: '2026-09-01',
      initialMonths: 48,
    }),
  );
}

export const cases: AccessCase[] = [
  {
    route: 'GET /api/purchasing/scenarios',
    request: () => ({ method: 'GET', url: '/api/purchasing/scenarios' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/purchasing/scenarios',
    request: async (ctx, c) => ({
      method: 'POST',
      url: '/api/purchasing/scenarios',
      payload: { title: 'Scénario', groupIds: [await groupOf(ctx, c)], launchDate: '2026-09-01', initialMonths: 48 },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/purchasing/scenarios/:id',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}` }),
    expect: {
      anonymous: 'deny',
      agency_admin: 'allow',
      consultant: 'allow',
      commune_editor: { own: 'allow', other: 'deny' },
      commune_viewer: { own: 'allow', other: 'deny' },
    },
  },
  {
    route: 'PUT /api/purchasing/scenarios/:id',
    request: async (ctx, c) => {
      const s = await scenarioOf(ctx, c);
      return {
        method: 'PUT',
        url: `/api/purchasing/scenarios/${s.id}`,
        payload: {
          title: s.title,
          launchDate: s.launchDate,
          initialMonths: 36,
          lots: s.lots,
          participations: [{ lotKey: s.lots[0]!.key, communeNis: c, amount: 20_000 }],
        },
      };
    },
    expect: agencyStaff,
  },
  {
    route: 'POST /api/purchasing/scenarios/:id/confirmations',
    request: async (ctx, c) => {
      const s = await scenarioOf(ctx, c);
      return {
        method: 'POST',
        url: `/api/purchasing/scenarios/${s.id}/confirmations`,
        payload: { communeNis: c, lotKey: s.lots[0]!.key, participate: true, amount: 20_000 },
      };
    },
    expect: agencyOrOwnEditor,
  },
  {
    // Refused while lines wait (409): the policy still decides first.
    route: 'POST /api/purchasing/scenarios/:id/launch',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, `${c}`)).id}/launch`,
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/purchasing/adhesions',
    request: () => ({ method: 'GET', url: '/api/purchasing/adhesions' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/purchasing/adhesions',
    request: (_ctx, c) => ({
      method: 'POST',
      url: '/api/purchasing/adhesions',
      payload: { communeNis: c, decisionDate: '2026-06-15', councilDecisionRef: 'CC 2026-06-15' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    // Before the launch the file does not exist yet (409): the policy decides first.
    route: 'GET /api/purchasing/scenarios/:id/file',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}/file`,
    }),
    expect: {
      anonymous: 'deny',
      agency_admin: 'allow',
      consultant: 'allow',
      commune_editor: { own: 'allow', other: 'deny' },
      commune_viewer: { own: 'allow', other: 'deny' },
    },
  },
  {
    route: 'PUT /api/purchasing/scenarios/:id/file',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}/file`,
      payload: { procedure: 'open', steps: [] },
    }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/purchasing/scenarios/:id/award',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}/award`,
      payload: {
        awardDate: '2026-10-01',
        agreementReference: `CA-${c}`,
        startDate: '2026-10-20',
        awards: [{ lotKey: 'lot-1', vendor: 'Fournisseur', amount: 1000 }],
      },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/purchasing/scenarios/:id/savings',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}/savings`,
      payload: { fee: { kind: 'rate', ratePercent: 1 } },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/purchasing/procedure-costs',
    request: () => ({ method: 'GET', url: '/api/purchasing/procedure-costs' }),
    expect: signedIn,
  },
  {
    route: 'PUT /api/purchasing/procedure-costs',
    request: () => ({
      method: 'PUT',
      url: '/api/purchasing/procedure-costs',
      payload: [{ procedure: 'open', cost: 6_000, source: 'Relevé 2026', verified: true }],
    }),
    expect: adminOnly,
  },
  {
    // Before the launch there is no process to publish (409): the policy decides first.
    route: 'GET /api/purchasing/scenarios/:id/ocds',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}/ocds`,
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/purchasing/scenarios/:id/ocds/records',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/purchasing/scenarios/${(await scenarioOf(ctx, c)).id}/ocds/records`,
    }),
    expect: agencyStaff,
  },
];
