import { z } from 'zod';
import { FollowUpStatus } from '../implementation/follow-up.ts';
import { DIMENSIONS } from '../shared/dimensions.ts';

/**
 * The front page's figures and map (issue 14): published projects only, counted by commune with their dimensions and
 * status so the page can filter without asking again. Aggregates (communes accompanied, pooled purchases, communes
 * using the catalogue's solutions) are counts: they name no commune's private work.
 */
export const PublicOverview = z
  .object({
    agency: z.string(),
    figures: z.object({
      communesAccompanied: z.number().int(),
      publishedProjects: z.number().int(),
      projectsByStatus: z.partialRecord(FollowUpStatus, z.number().int()),
      pooledPurchases: z.number().int(),
      communesUsingCatalogue: z.number().int(),
    }),
    communes: z.array(
      z.object({
        nisCode: z.string(),
        name: z.string(),
        projects: z.array(z.object({ status: FollowUpStatus, dimensions: z.array(z.string()) })),
      }),
    ),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicOverview' });
export type PublicOverview = z.infer<typeof PublicOverview>;

export const PublicOverviewFilter = z.object({
  dimension: z.enum(DIMENSIONS).nullable(),
  status: FollowUpStatus.nullable(),
});
export type PublicOverviewFilter = z.infer<typeof PublicOverviewFilter>;

/** A catalogue category's public adoption: which communes use which listed solution. */
export const PublicCategoryAdoption = z
  .object({
    category: z.string(),
    solutions: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        vendor: z.string(),
        summary: z.string(),
        communes: z.array(z.object({ nisCode: z.string(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: 'PublicCategoryAdoption' });
export type PublicCategoryAdoption = z.infer<typeof PublicCategoryAdoption>;

export const PublicCategories = z.array(
  z.object({ key: z.string(), solutions: z.number().int(), communes: z.number().int() }),
);
export type PublicCategories = z.infer<typeof PublicCategories>;
