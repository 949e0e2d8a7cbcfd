import { WatchItemInput } from '../../src/domain/watch/watch-items.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { type AccessCase, type AccessContext, agencyStaff } from './types.ts';

/** The technology watch (decision 060): agency staff keep it. */
const watch = (ctx: AccessContext) => ctx.t.app.services.watch;

const watchDraft = () => WatchItemInput.parse({ title: 'Fixture', publishedOn: '2026-01-01', categories: ['waste'] });
const watchItem = (ctx: AccessContext) =>
  ctx.fixture('watch-item', async () => (await watch(ctx).create(CLI_CONTEXT, watchDraft())).id);
const freshWatchItem = async (ctx: AccessContext) => (await watch(ctx).create(CLI_CONTEXT, watchDraft())).id;

export const cases: AccessCase[] = [
  {
    route: 'GET /api/watch/items',
    request: () => ({ method: 'GET', url: '/api/watch/items' }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/watch/items',
    request: () => ({
      method: 'POST',
      url: '/api/watch/items',
      payload: { title: 'Veille', publishedOn: '2026-02-01' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/watch/items/:id',
    request: async (ctx) => ({ method: 'GET', url: `/api/watch/items/${await watchItem(ctx)}` }),
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/watch/items/:id',
    request: async (ctx) => ({
      method: 'PUT',
      url: `/api/watch/items/${await watchItem(ctx)}`,
      payload: { title: `Veille ${Math.random()}`, publishedOn: '2026-02-01' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/watch/items/:id',
    request: async (ctx) => ({ method: 'DELETE', url: `/api/watch/items/${await freshWatchItem(ctx)}` }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/watch/items/:id/promote',
    request: async (ctx) => ({
      method: 'POST',
      url: `/api/watch/items/${await freshWatchItem(ctx)}/promote`,
      payload: {},
    }),
    expect: agencyStaff,
  },
];
