import { SMART_CATEGORY_KEYS } from '../../domain/shared/smart-categories.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { groupNeedsInDatabase } from './grouping-engine.ts';

export type AnalysisNeed = {
  id: string;
  nis_code: string;
  title: string;
  description?: string | undefined;
  category?: string | null | undefined;
};

/** The calculator of `analyse needs` and `POST /api/analysis/needs`: the app's engine, in the format. */
export async function analyseNeeds(db: Database, needs: AnalysisNeed[], max = Number.POSITIVE_INFINITY) {
  if (needs.length > max) throw new AppError(422, 'TOO_MANY_NEEDS', { max });
  const seen = new Set<string>();
  for (const need of needs) {
    if (seen.has(need.id)) throw new AppError(422, 'DUPLICATE_NEED_ID', { id: need.id });
    seen.add(need.id);
    if (need.category && !SMART_CATEGORY_KEYS.includes(need.category))
      throw new AppError(422, 'NEED_UNKNOWN_CATEGORY', { id: need.id, category: need.category });
  }
  const groups = await groupNeedsInDatabase(
    db,
    needs.map((n) => ({
      id: n.id,
      communeNis: n.nis_code,
      title: n.title,
      description: n.description ?? '',
      category: n.category || null,
    })),
  );
  return {
    groups: groups.map((g) => ({ needs: g.needIds, communes: g.communes, label: g.label, reason: g.reason })),
  };
}
