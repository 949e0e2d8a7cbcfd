import { z } from 'zod';
import { CategoryKey, type SolutionInput } from '../catalogue/solutions.ts';
import { IsoDate, IsoDateTime } from '../shared/schemas.ts';

/**
 * The technology watch (veille): what the agency reads and assesses — a product, a standard, a pilot elsewhere — with
 * its recommendation. A watched product can be promoted into the catalogue as a solution under watch.
 */
export const RECOMMENDATIONS = ['adopt', 'trial', 'assess', 'hold'] as const;
export const Recommendation = z
  .enum(RECOMMENDATIONS)
  .describe('adopt: list it; trial: pilot it; assess: keep studying; hold: do not pursue');

export const WatchItemInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .default(null),
    publishedOn: IsoDate,
    summary: z.string().trim().max(4000).default(''),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    categories: z.array(CategoryKey).max(10).default([]),
    solutionIds: z.array(z.uuid()).max(20).default([]),
    assessment: z.string().trim().max(8000).default(''),
    recommendation: Recommendation.nullable().default(null),
    vendor: z.string().trim().max(200).nullable().default(null).describe('the product’s vendor, if it is a product'),
    demo: z.boolean().default(false),
  })
  .meta({ id: 'WatchItemCreateInput' });
export type WatchItemInput = z.infer<typeof WatchItemInput>;

export const WatchItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    sourceUrl: z.string().nullable(),
    publishedOn: IsoDate,
    summary: z.string(),
    tags: z.array(z.string()),
    categories: z.array(z.string()),
    solutions: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })),
    assessment: z.string(),
    recommendation: Recommendation.nullable(),
    vendor: z.string().nullable(),
    demo: z.boolean(),
    createdAt: IsoDateTime,
    /** what the caller may do with it, decided by the server's policy */
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), promote: z.boolean() }),
  })
  .meta({ id: 'WatchItem' });
export type WatchItem = z.infer<typeof WatchItem>;

export const WatchFeedQuery = z.strictObject({
  tag: z.string().trim().max(40).optional(),
  category: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PromoteInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    vendor: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'PromoteInput' });
export type PromoteInput = z.infer<typeof PromoteInput>;

/** The solution a watch item becomes: under watch, prefilled from what the item says. */
export function solutionFromWatchItem(
  item: Pick<WatchItem, 'title' | 'summary' | 'categories' | 'sourceUrl' | 'vendor' | 'assessment' | 'demo'>,
  overrides: { name?: string; vendor?: string },
): Omit<SolutionInput, 'categories'> & { categories: string[] } {
  const description = [item.summary, item.assessment, item.sourceUrl ? `Source : ${item.sourceUrl}` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    name: overrides.name ?? item.title,
    vendor: overrides.vendor ?? item.vendor ?? '—',
    summary: (item.summary || item.title).slice(0, 400),
    description,
    categories: item.categories,
    dimensions: [],
    logoUrl: null,
    screenshots: [],
    interoperability: {
      standards: [],
      mims: [],
      openApi: false,
      apiDocsUrl: null,
      exportFormats: [],
      singleSignOn: false,
    },
    hosting: 'eu',
    gdpr: { dataProcessingAgreement: false, subProcessors: [] },
    accessibilityStatementUrl: null,
    languages: ['fr'],
    pricing: { model: 'flat', amount: null, tiers: [], details: null },
    support: '',
    referenceCommunes: [],
    status: 'watch',
    demo: item.demo,
  };
}
