import { z } from 'zod';

/**
 * Which communes use what: from the call-offs under the agreements and the references a solution declares. The
 * province map colours each commune by how many of the chosen solutions it uses.
 */
export const AdoptionQuery = z.strictObject({
  solution: z.uuid().optional(),
  category: z.string().trim().max(60).optional(),
});
export type AdoptionQuery = z.infer<typeof AdoptionQuery>;

export const AdoptionEntry = z.object({
  communeNis: z.string(),
  solutions: z.array(z.object({ id: z.uuid(), name: z.string(), source: z.enum(['call-off', 'reference']) })),
});
export const Adoption = z
  .object({
    solutions: z.array(z.object({ id: z.uuid(), name: z.string(), communes: z.number().int() })),
    communes: z.array(AdoptionEntry),
  })
  .meta({ id: 'Adoption' });
export type Adoption = z.infer<typeof Adoption>;

export type UseRecord = {
  communeNis: string;
  solutionId: string;
  solutionName: string;
  source: 'call-off' | 'reference';
};

/** Groups uses by commune (a call-off wins over a reference for the same solution) and counts communes per solution. */
export function adoptionOf(uses: UseRecord[]): Adoption {
  const byCommune = new Map<string, Map<string, { id: string; name: string; source: 'call-off' | 'reference' }>>();
  for (const use of uses) {
    const solutions = byCommune.get(use.communeNis) ?? new Map();
    const known = solutions.get(use.solutionId);
    if (!known || (known.source === 'reference' && use.source === 'call-off')) {
      solutions.set(use.solutionId, { id: use.solutionId, name: use.solutionName, source: use.source });
    }
    byCommune.set(use.communeNis, solutions);
  }
  const counts = new Map<string, { id: string; name: string; communes: number }>();
  for (const solutions of byCommune.values()) {
    for (const s of solutions.values()) {
      const c = counts.get(s.id) ?? { id: s.id, name: s.name, communes: 0 };
      c.communes += 1;
      counts.set(s.id, c);
    }
  }
  return {
    solutions: [...counts.values()].sort((a, b) => b.communes - a.communes || a.name.localeCompare(b.name, 'fr')),
    communes: [...byCommune.entries()]
      .map(([communeNis, solutions]) => ({
        communeNis,
        solutions: [...solutions.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      }))
      .sort((a, b) => a.communeNis.localeCompare(b.communeNis)),
  };
}
