import type { FollowUpStatus } from '../implementation/follow-up.ts';
import type { PublicOverview, PublicOverviewFilter } from './overview.ts';

/**
 * What the public front page needs beside its data, without zod (decision 105: the first page of the app must not
 * download the schemas library for a constant). `front-page.test.ts` checks the list is the follow-up's own.
 */
export const PROJECT_STATUSES: readonly FollowUpStatus[] = [
  'planned',
  'procurement',
  'in-progress',
  'delivered',
  'evaluated',
  'suspended',
  'abandoned',
];

/** How many published projects each commune has that match the filter (communes without any are left out). */
export function countByCommune(
  communes: PublicOverview['communes'],
  filter: PublicOverviewFilter,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of communes) {
    const n = c.projects.filter(
      (p) =>
        (!filter.dimension || p.dimensions.includes(filter.dimension)) &&
        (!filter.status || p.status === filter.status),
    ).length;
    if (n > 0) out.set(c.nisCode, n);
  }
  return out;
}
