import { expect } from 'vitest';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import {
  type AccessCase,
  type AccessContext,
  agencyOrOwnCommune,
  agencyOrOwnEditor,
  agencyStaff,
  signedIn,
} from './types.ts';

/**
 * The needs register and the mutualisation (issue 5): commune editors keep their own commune's needs and answer
 * their commune's polls; viewers read; agency staff run the grouping, manage groups, polls and purchases.
 */
const needsService = (ctx: AccessContext) => ctx.t.app.services.needs;

async function needIn(ctx: AccessContext, communeNis: string, fresh = false): Promise<string> {
  const create = async () =>
    (
      await needsService(ctx).create(CLI_CONTEXT, {
        communeNis,
        title: 'Éclairage public LED',
        description: '',
        dimensions: [],
        category: null,
        urgency: 'medium',
        estimatedBudget: null,
        timeframe: null,
        source: 'direct',
        sourceRef: null,
      })
    ).id;
  return fresh ? create() : ctx.fixture(`need-${communeNis}`, create);
}

/** A proposed group holding the commune's need, with an open poll of its commune. */
async function groupIn(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`group-${communeNis}`, async () => {
    const needId = await needIn(ctx, communeNis);
    const group = await ctx.t.app.services.uow.write((repos) =>
      repos.mutualisationGroups.insertGroup({ label: 'Éclairage', reason: 'fixture' }, [needId]),
    );
    const poll = await ctx.t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous ?',
      unit: 'point lumineux',
      deadline: '2099-12-31',
      audience: 'group',
    });
    return { groupId: group.id, pollId: poll.id };
  });
}

const THIRD = '83012';

/**
 * A group pooling the commune's need with a third commune's (its description and budget are that commune's own),
 * asked by a poll both answered: what a commune user may see of the other commune is its name and need title.
 */
async function pooledGroup(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`pooled-${communeNis}`, async () => {
    const make = (nis: string, description: string, budget: number) =>
      needsService(ctx).create(CLI_CONTEXT, {
        communeNis: nis,
        title: `Wi-Fi public ${nis}`,
        description,
        dimensions: [],
        category: 'public-wifi',
        urgency: 'high',
        estimatedBudget: budget,
        timeframe: null,
        source: 'direct',
        sourceRef: null,
      });
    const own = await make(communeNis, `Détail de ${communeNis}`, 1234);
    const other = await make(THIRD, 'Détail confidentiel de la troisième commune', 98765);
    const group = await ctx.t.app.services.uow.write((repos) =>
      // Confirmed: a grouping run of another row of the matrix replaces proposed groups only.
      repos.mutualisationGroups.insertGroup({ label: 'Wi-Fi public', reason: 'fixture', status: 'confirmed' }, [
        own.id,
        other.id,
      ]),
    );
    const poll = await ctx.t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous ?',
      unit: 'borne',
      deadline: '2099-12-31',
      audience: 'group',
    });
    for (const nis of [communeNis, THIRD]) {
      await ctx.t.app.services.mutualisation.answer(CLI_CONTEXT, poll.id, {
        communeNis: nis,
        answer: 'yes',
        quantity: nis === THIRD ? 777 : 3,
        budget: null,
        comment: nis === THIRD ? 'Commentaire confidentiel' : null,
      });
    }
    return group.id;
  });
}

type SeenGroup = {
  needs: { communeNis: string; restricted: boolean; description: string | null; estimatedBudget: number | null }[];
  communes: { nisCode: string; budget: number | null }[];
  totals: { budget: number | null };
  polls: { answers: { communeNis: string }[] }[];
};

const csvFor = (communeNis: string) => ({
  filename: 'besoins.csv',
  contentBase64: Buffer.from(`nis_code;title\n${communeNis};Wi-Fi public sur la place\n`).toString('base64'),
});

export const cases: AccessCase[] = [
  {
    route: 'GET /api/needs',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/needs?communeNis=${c}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/needs',
    request: (_ctx, c) => ({ method: 'POST', url: '/api/needs', payload: { communeNis: c, title: 'Wi-Fi public' } }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/needs/export.csv',
    request: async (ctx, c) => {
      await pooledGroup(ctx, c);
      // Without a commune: a commune user gets theirs, whatever the register holds.
      return { method: 'GET', url: `/api/needs/export.csv${c === '81001' ? '' : `?communeNis=${c}`}` };
    },
    expect: agencyOrOwnCommune,
    sees: (answer, who, scope) => {
      if (!who.startsWith('commune_') || scope !== 'own') return;
      const codes = answer.body
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(';')[1]);
      expect(new Set(codes)).toEqual(new Set(['81001']));
    },
  },
  {
    route: 'GET /api/needs/export.xlsx',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/needs/export.xlsx?communeNis=${c}` }),
    expect: agencyOrOwnCommune,
  },
  {
    // The empty file to fill in: whoever may import.
    route: 'GET /api/needs/template.csv',
    request: () => ({ method: 'GET', url: '/api/needs/template.csv' }),
    expect: { ...agencyStaff, commune_editor: 'allow' },
  },
  {
    route: 'GET /api/needs/template.xlsx',
    request: () => ({ method: 'GET', url: '/api/needs/template.xlsx' }),
    expect: { ...agencyStaff, commune_editor: 'allow' },
  },
  {
    // Checking a file writes nothing; another commune's rows are listed as not the editor's to import.
    route: 'POST /api/needs/import/preview',
    request: (_ctx, c) => ({ method: 'POST', url: '/api/needs/import/preview', payload: csvFor(c) }),
    expect: { ...agencyStaff, commune_editor: 'allow' },
    writesNothing: true,
  },
  {
    route: 'POST /api/needs/import',
    request: (_ctx, c) => ({ method: 'POST', url: '/api/needs/import', payload: csvFor(c) }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/needs/:id',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/needs/${await needIn(ctx, c)}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PATCH /api/needs/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/needs/${await needIn(ctx, c)}`,
      payload: { urgency: 'high' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/needs/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/needs/${await needIn(ctx, c, true)}` }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/mutualisation/runs',
    request: async (ctx) => {
      // One run at a time: wait for the previous caller's run to end.
      const latest = await ctx.t.app.services.mutualisation.latestRun(CLI_CONTEXT.actor);
      if (latest) await ctx.t.app.services.mutualisation.waitForRun(latest.id);
      return { method: 'POST', url: '/api/mutualisation/runs' };
    },
    expect: agencyStaff,
  },
  {
    route: 'GET /api/mutualisation/runs/latest',
    request: () => ({ method: 'GET', url: '/api/mutualisation/runs/latest' }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/mutualisation/runs/:id',
    request: async (ctx) => {
      const run = await ctx.fixture('run', async () => {
        const started = await ctx.t.app.services.mutualisation.startRun(CLI_CONTEXT);
        await ctx.t.app.services.mutualisation.waitForRun(started.id);
        return started;
      });
      return { method: 'GET', url: `/api/mutualisation/runs/${run.id}` };
    },
    expect: agencyStaff,
  },
  {
    route: 'GET /api/mutualisation/groups',
    request: () => ({ method: 'GET', url: '/api/mutualisation/groups' }),
    expect: signedIn,
  },
  {
    // Issue 10, the rule of policy.ts (needView): in a group holding one of its needs, a commune user sees the other
    // communes' names and need titles, and its own needs in full; agency staff see everything.
    route: 'GET /api/mutualisation/groups/:id',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/mutualisation/groups/${await pooledGroup(ctx, c)}` }),
    expect: agencyOrOwnCommune,
    sees: (answer, who) => {
      const group = answer.json() as SeenGroup;
      const third = group.needs.find((n) => n.communeNis === THIRD)!;
      const mine = group.needs.find((n) => n.communeNis !== THIRD)!;
      expect(mine).toMatchObject({ restricted: false, estimatedBudget: 1234 });
      if (who.startsWith('commune_')) {
        expect(third).toMatchObject({ restricted: true, description: null, estimatedBudget: null });
        expect(group.communes.find((c) => c.nisCode === THIRD)!.budget).toBeNull();
        expect(group.totals.budget).toBeNull();
        expect(group.polls[0]!.answers.map((a) => a.communeNis)).not.toContain(THIRD);
        expect(answer.body).not.toMatch(/confidentiel|98765|777/);
      } else {
        expect(third).toMatchObject({ restricted: false, estimatedBudget: 98765 });
        expect(answer.body).toContain('Détail confidentiel');
      }
    },
  },
  {
    route: 'POST /api/mutualisation/groups/:id/actions',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/mutualisation/groups/${(await groupIn(ctx, c)).groupId}/actions`,
      payload: { action: 'rename', label: 'Éclairage public' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/mutualisation/groups/:id/polls',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/mutualisation/groups/${(await groupIn(ctx, c)).groupId}/polls`,
      payload: { question: 'Rejoignez-vous ?', unit: 'licence', deadline: '2099-06-30' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/mutualisation/groups/:id/purchase/draft',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/mutualisation/groups/${(await groupIn(ctx, c)).groupId}/purchase/draft`,
    }),
    expect: agencyStaff,
  },
  {
    // The group is not confirmed: allowed callers get 409, the others 401/403.
    route: 'POST /api/mutualisation/groups/:id/purchase',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/mutualisation/groups/${(await groupIn(ctx, c)).groupId}/purchase`,
      payload: { title: 'Achat groupé' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/mutualisation/polls/mine',
    request: async (ctx) => {
      await pooledGroup(ctx, '81001');
      return { method: 'GET', url: '/api/mutualisation/polls/mine' };
    },
    expect: signedIn,
    sees: (answer, who) => {
      if (!who.startsWith('commune_')) return;
      const polls = answer.json() as { answers: { communeNis: string }[] }[];
      expect(polls.length).toBeGreaterThan(0);
      expect(new Set(polls.flatMap((p) => p.answers.map((a) => a.communeNis)))).toEqual(new Set(['81001']));
      expect(answer.body).not.toMatch(/confidentiel|777/);
    },
  },
  {
    route: 'POST /api/mutualisation/polls/:id/answers',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/mutualisation/polls/${(await groupIn(ctx, c)).pollId}/answers`,
      payload: { communeNis: c, answer: 'yes', quantity: 12 },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/analysis/needs',
    request: (_ctx, c) => ({
      method: 'POST',
      url: '/api/analysis/needs',
      payload: {
        needs: [
          { id: 'a', nis_code: c, title: 'Wi-Fi public' },
          { id: 'b', nis_code: '83012', title: 'Bornes wifi' },
        ],
      },
    }),
    expect: signedIn,
    writesNothing: true,
  },
];
