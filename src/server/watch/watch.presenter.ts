import type { WatchItem } from '../../domain/watch/watch-items.ts';
import { type Actor, permissionsOf } from '../auth/policy.ts';
import type { WatchItemRow } from './watch.repository.ts';

/** A watch item as the API answers it: its linked solutions named, and what the caller may do with it. */
export function presentWatchItem(
  row: WatchItemRow,
  solutions: { id: string; name: string; status: string }[],
  actor: Actor,
): WatchItem {
  const allowed = permissionsOf(actor, {
    update: ['update', { type: 'watch' }],
    delete: ['delete', { type: 'watch' }],
    createWatch: ['create', { type: 'watch' }],
    createSolution: ['create', { type: 'catalogue' }],
  });
  return {
    id: row.id,
    title: row.title,
    sourceUrl: row.sourceUrl,
    publishedOn: row.publishedOn,
    summary: row.summary,
    tags: row.tags,
    categories: row.categories,
    solutions: row.solutionIds
      .map((id) => solutions.find((s) => s.id === id))
      .filter((s) => s !== undefined)
      .map((s) => ({ id: s.id, name: s.name, status: s.status })),
    assessment: row.assessment,
    recommendation: row.recommendation,
    vendor: row.vendor,
    demo: row.demo,
    createdAt: row.createdAt.toISOString(),
    permissions: {
      update: allowed.update,
      delete: allowed.delete,
      promote: allowed.createWatch && allowed.createSolution,
    },
  };
}
