import type { ThresholdTable } from '../../src/domain/implementation/thresholds.ts';
import { ProjectSheetCreateInput } from '../../src/domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import {
  type AccessCase,
  type AccessContext,
  adminOnly,
  agencyOrOwnCommune,
  agencyOrOwnEditor,
  agencyStaff,
  everyone,
  signedIn,
} from './types.ts';

/**
 * The implementation phase (decision 070): agency staff edit every follow-up; a commune's editors update their own
 * commune's follow-up and publish its projects, but do not keep the procurement file; viewers read their own.
 * Thresholds are read by everyone signed in and maintained by admins; the dashboard is the agency's; the notices log
 * is the admins'; the public progress page is public.
 */
const services = (ctx: AccessContext) => ctx.t.app.services;

/** A mission of the commune in its implementation phase, with its own approved project (not the shared fixtures'). */
async function missionIn(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`implementation-mission-${communeNis}`, async () => {
    const consultant = await ctx.fixture('implementation-consultant', () => ctx.t.createUser('consultant'));
    const mission = await services(ctx).missions.create(CLI_CONTEXT, {
      title: `Mise en œuvre ${communeNis}`,
      communeNis,
      consultantIds: [consultant.id],
      startDate: '2026-01-15',
    });
    await services(ctx).missions.update(CLI_CONTEXT, mission.id, { phase: 'implementation' });
    return mission.id;
  });
}

async function freshProject(ctx: AccessContext, communeNis: string) {
  const missionId = await missionIn(ctx, communeNis);
  const sheet = await services(ctx).strategy.sheets.createProject(
    CLI_CONTEXT,
    missionId,
    ProjectSheetCreateInput.parse({ title: `Projet ${Math.random()}`, investmentCost: 50_000, status: 'approved' }),
  );
  return sheet.id;
}

const projectIn = (ctx: AccessContext, c: string) =>
  ctx.fixture(`implementation-project-${c}`, () => freshProject(ctx, c));

async function freshMilestone(ctx: AccessContext, c: string) {
  const projectId = await projectIn(ctx, c);
  const state = await services(ctx).implementation.items.addMilestone(CLI_CONTEXT, projectId, {
    title: `Jalon ${Math.random()}`,
    dueDate: '2026-09-30',
    owner: null,
    doneDate: null,
  });
  return state.milestones.at(-1)!.id;
}

async function freshIndicator(ctx: AccessContext, c: string) {
  const projectId = await projectIn(ctx, c);
  const state = await services(ctx).implementation.items.addIndicator(CLI_CONTEXT, projectId, {
    name: `Indicateur ${Math.random()}`,
    unit: 'kWh',
    baseline: 100,
    target: 50,
  });
  return state.indicators.at(-1)!.id;
}

async function freshMeasurement(ctx: AccessContext, c: string) {
  const indicatorId = await freshIndicator(ctx, c);
  const state = await services(ctx).implementation.items.addMeasurement(CLI_CONTEXT, indicatorId, {
    date: '2026-05-31',
    value: 90,
  });
  return state.indicators.find((i) => i.id === indicatorId)!.measurements.at(-1)!.id;
}

async function freshDocument(ctx: AccessContext, c: string) {
  const projectId = await projectIn(ctx, c);
  const state = await services(ctx).implementation.items.addDocument(CLI_CONTEXT, projectId, {
    kind: 'file',
    name: `note-${Math.random()}.txt`,
    mimeType: 'text/plain',
    contentBase64: Buffer.from('Compte rendu').toString('base64'),
  });
  return state.documents[0]!.id;
}

async function projectWithProcurement(ctx: AccessContext, c: string) {
  return ctx.fixture(`implementation-procurement-${c}`, async () => {
    const projectId = await projectIn(ctx, c);
    await services(ctx).implementation.procurement.saveProcurement(CLI_CONTEXT, projectId, procurement);
    return projectId;
  });
}

const procurement = {
  nature: 'supplies' as const,
  estimatedAmountExclVat: 25_000,
  launchDate: '2026-03-01',
  procedure: 'low-value' as const,
  framework: null,
  reference: null,
  steps: [{ step: 'specifications' as const, plannedDate: '2026-03-01' }],
  vendorName: null,
  vendorEnterpriseNumber: null,
  awardAmountExclVat: null,
};

const milestone = { title: 'Réception', dueDate: '2026-10-01', owner: 'Service travaux', doneDate: null };

export const cases: AccessCase[] = [
  {
    route: 'GET /api/missions/:missionId/implementation',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/missions/${await missionIn(ctx, c)}/implementation` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/implementation/projects/:id',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/implementation/projects/${await projectIn(ctx, c)}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/implementation/projects/:id/status',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/implementation/projects/${await freshProject(ctx, c)}/status`,
      payload: { status: 'procurement' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PATCH /api/implementation/projects/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}`,
      payload: { progress: 40, budget: [{ year: 2026, planned: 50_000, committed: 20_000, spent: 10_000 }] },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/implementation/projects/:id/milestones',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}/milestones`,
      payload: milestone,
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/implementation/milestones/:id',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/implementation/milestones/${await freshMilestone(ctx, c)}`,
      payload: { ...milestone, doneDate: '2026-09-28' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/implementation/milestones/:id',
    request: async (ctx, c) => ({
      method: 'DELETE',
      url: `/api/implementation/milestones/${await freshMilestone(ctx, c)}`,
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/implementation/projects/:id/indicators',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}/indicators`,
      payload: { name: 'Consommation', unit: 'MWh/an', baseline: 420, target: 250 },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/implementation/indicators/:id',
    request: async (ctx, c) => ({
      method: 'DELETE',
      url: `/api/implementation/indicators/${await freshIndicator(ctx, c)}`,
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/implementation/indicators/:id',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/implementation/indicators/${await freshIndicator(ctx, c)}`,
      payload: { name: 'Consommation', unit: 'MWh/an', baseline: 430, target: 240 },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/implementation/measurements/:id',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/implementation/measurements/${await freshMeasurement(ctx, c)}`,
      payload: { date: '2026-05-30', value: 85 },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/implementation/measurements/:id',
    request: async (ctx, c) => ({
      method: 'DELETE',
      url: `/api/implementation/measurements/${await freshMeasurement(ctx, c)}`,
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/implementation/indicators/:id/measurements',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/implementation/indicators/${await freshIndicator(ctx, c)}/measurements`,
      payload: { date: '2026-06-30', value: 380 },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/implementation/projects/:id/documents',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}/documents`,
      payload: { kind: 'link', name: 'Délibération', url: 'https://example.org/deliberation.pdf' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/implementation/documents/:id',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/implementation/documents/${await ctx.fixture(`implementation-document-${c}`, () => freshDocument(ctx, c))}`,
    }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'DELETE /api/implementation/documents/:id',
    request: async (ctx, c) => ({
      method: 'DELETE',
      url: `/api/implementation/documents/${await freshDocument(ctx, c)}`,
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/implementation/projects/:id/publication',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}/publication`,
      payload: { published: true },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/implementation/projects/:id/procurement/advice',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}/procurement/advice?nature=works&estimatedAmountExclVat=200000&launchDate=2026-05-01`,
    }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PUT /api/implementation/projects/:id/procurement',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/implementation/projects/${await projectIn(ctx, c)}/procurement`,
      payload: procurement,
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/implementation/projects/:id/procurement/ocds',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/implementation/projects/${await projectWithProcurement(ctx, c)}/procurement/ocds`,
    }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/implementation/thresholds',
    request: () => ({ method: 'GET', url: '/api/implementation/thresholds' }),
    expect: signedIn,
  },
  {
    route: 'PUT /api/implementation/thresholds',
    request: async (ctx) => {
      const current = await services(ctx).implementation.thresholds.thresholds(CLI_CONTEXT.actor);
      return {
        method: 'PUT',
        url: '/api/implementation/thresholds',
        payload: current.map(({ updatedAt: _, ...period }) => period),
      };
    },
    expect: adminOnly,
  },
  {
    route: 'DELETE /api/implementation/thresholds/:validFrom',
    request: async (ctx) => {
      // A far-future period, added when missing: the last one, never in force today, so it may go.
      const current = (await services(ctx).implementation.thresholds.thresholds(CLI_CONTEXT.actor)).map(
        ({ updatedAt: _, ...period }) => period as ThresholdTable[number],
      );
      if (!current.some((p) => p.validFrom === '2098-01-01')) {
        const last = current.at(-1)!;
        await services(ctx).implementation.thresholds.replaceThresholds(CLI_CONTEXT, [
          ...current,
          { ...last, validFrom: '2098-01-01', validTo: '2099-12-31' },
        ]);
      }
      return { method: 'DELETE', url: '/api/implementation/thresholds/2098-01-01' };
    },
    expect: adminOnly,
  },
  {
    route: 'GET /api/implementation/area',
    request: () => ({ method: 'GET', url: '/api/implementation/area' }),
    expect: signedIn,
  },
  {
    route: 'GET /api/implementation/alerts',
    request: () => ({ method: 'GET', url: '/api/implementation/alerts' }),
    expect: signedIn,
  },
  {
    route: 'GET /api/account/notifications',
    request: () => ({ method: 'GET', url: '/api/account/notifications' }),
    expect: signedIn,
  },
  {
    route: 'PUT /api/account/notifications',
    request: () => ({
      method: 'PUT',
      url: '/api/account/notifications',
      payload: { alertEmails: true, weeklyDigest: true },
    }),
    expect: signedIn,
  },
  {
    route: 'GET /api/implementation/notices',
    request: () => ({ method: 'GET', url: '/api/implementation/notices' }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/implementation/notices/run',
    request: () => ({ method: 'POST', url: '/api/implementation/notices/run' }),
    expect: adminOnly,
  },
  {
    route: 'GET /api/implementation/dashboard',
    request: () => ({ method: 'GET', url: '/api/implementation/dashboard' }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/implementation/dashboard.xlsx',
    request: () => ({ method: 'GET', url: '/api/implementation/dashboard.xlsx' }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/public/communes/:nisCode/progress',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/public/communes/${c}/progress` }),
    expect: everyone,
  },
  {
    route: 'GET /api/public/progress',
    request: () => ({ method: 'GET', url: '/api/public/progress' }),
    expect: everyone,
  },
];
