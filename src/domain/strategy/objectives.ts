import { z } from 'zod';

/**
 * The objectives tree of a mission's strategy, in the shape of the Walloon Programme stratégique transversal (PST):
 * strategic objectives, each broken into operational objectives, each carried out by actions (the project sheets).
 */
export const OBJECTIVE_KINDS = ['strategic', 'operational'] as const;

export const Objective = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable().describe('the strategic objective of an operational one; null for a strategic one'),
    kind: z.enum(OBJECTIVE_KINDS),
    code: z.string().describe('"OS 1" for a strategic objective, "OO 1.2" for an operational one'),
    position: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
  })
  .meta({ id: 'StrategyObjective' });
export type Objective = z.infer<typeof Objective>;

export const ObjectiveCreateInput = z.strictObject({
  parentId: z.uuid().nullable().optional().describe('give the strategic objective to create an operational one'),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4000).nullable().optional(),
});
export type ObjectiveCreateInput = z.infer<typeof ObjectiveCreateInput>;

export const ObjectiveUpdateInput = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type ObjectiveUpdateInput = z.infer<typeof ObjectiveUpdateInput>;

type ObjectiveRow = {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  description: string | null;
};

/**
 * Objectives in PST order, numbered: strategic objectives by position (OS 1, OS 2…), each followed by its operational
 * objectives (OO 1.1, OO 1.2…). An operational objective whose parent is missing is dropped.
 */
export function numberObjectives(rows: readonly ObjectiveRow[]): Objective[] {
  const byPosition = (a: ObjectiveRow, b: ObjectiveRow) => a.position - b.position || a.title.localeCompare(b.title);
  const strategic = rows.filter((r) => r.parentId === null).sort(byPosition);
  return strategic.flatMap((goal, s) => [
    { ...goal, parentId: null, kind: 'strategic' as const, code: `OS ${s + 1}` },
    ...rows
      .filter((r) => r.parentId === goal.id)
      .sort(byPosition)
      .map((op, o) => ({ ...op, kind: 'operational' as const, code: `OO ${s + 1}.${o + 1}` })),
  ]);
}
