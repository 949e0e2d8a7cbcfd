import { watchContract } from '../../domain/watch/watch.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { WatchService } from './watch.service.ts';

/** The technology watch (agency staff), registered from its contract: items, the feed, promotion into the catalogue. */
export async function watchRoutes(app: ApiInstance, options: { watch: WatchService }) {
  const { watch } = options;
  const c = watchContract;
  const access = (action: 'read' | 'create' | 'update' | 'delete') => ({ action, resource: 'watch' }) as const;

  registerContract(app, c.feed, access('read'), (r) => watch.feed(r.actor, r.query));
  registerContract(app, c.create, access('create'), (r) => watch.create(r.ctx, r.body));
  registerContract(app, c.item, access('read'), (r) => watch.item(r.actor, r.params.id));
  registerContract(app, c.update, access('update'), (r) => watch.update(r.ctx, r.params.id, r.body));
  registerContract(app, c.delete, access('delete'), async (r) => {
    await watch.delete(r.ctx, r.params.id);
    return null;
  });
  registerContract(app, c.promote, access('create'), (r) => watch.promote(r.ctx, r.params.id, r.body));
}
