import { z } from 'zod';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { DomainError } from '../shared/errors.ts';
import { IsoDateTime, NisCode } from '../shared/schemas.ts';
import { SMART_CATEGORY_KEYS } from '../shared/smart-categories.ts';
import { SolutionImage } from './images.ts';

/**
 * A catalogue solution: one Smart application or service a commune may buy, with the facts a buyer compares
 * (interoperability, hosting, GDPR, accessibility, languages, pricing, support, references). Its categories come from
 * the taxonomy shared with the needs register (`shared/smart-categories.ts`), so a need meets the solutions answering it.
 */
export const SOLUTION_STATUSES = ['watch', 'evaluated', 'listed', 'withdrawn'] as const;
export const SolutionStatus = z
  .enum(SOLUTION_STATUSES)
  .describe('under watch → evaluated → listed in a framework agreement → withdrawn');
export type SolutionStatus = z.infer<typeof SolutionStatus>;

/** The moves between statuses. A withdrawn solution may be evaluated again; a listed one goes back only by withdrawal. */
const TRANSITIONS: Record<SolutionStatus, readonly SolutionStatus[]> = {
  watch: ['evaluated', 'withdrawn'],
  evaluated: ['watch', 'listed', 'withdrawn'],
  listed: ['withdrawn'],
  withdrawn: ['evaluated'],
};

export function canMoveSolution(from: SolutionStatus, to: SolutionStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function assertSolutionMove(from: SolutionStatus, to: SolutionStatus): void {
  if (!canMoveSolution(from, to)) {
    throw new DomainError('SOLUTION_STATUS_MOVE', `a solution cannot go from ${from} to ${to}`, { from, to });
  }
}

/** Open standards a buyer filters on (OASC MIMs apart). */
export const OPEN_STANDARDS = [
  'NGSI-LD',
  'GTFS',
  'GTFS-RT',
  'NeTEx',
  'DCAT-AP',
  'OCDS',
  'OGC SensorThings',
  'OGC WMS/WFS',
  'INSPIRE',
  'LoRaWAN',
  'MQTT',
  'OCPI',
  'TALQ',
  'iCalendar',
  'OpenID Connect',
  'SAML',
] as const;
export const OpenStandard = z.enum(OPEN_STANDARDS);
export type OpenStandard = z.infer<typeof OpenStandard>;

/** OASC Minimal Interoperability Mechanisms. */
export const OASC_MIMS = ['MIM1', 'MIM2', 'MIM3', 'MIM4', 'MIM5', 'MIM6', 'MIM7'] as const;
export const OascMim = z.enum(OASC_MIMS);

export const HOSTINGS = ['belgium', 'eu', 'outside-eu', 'on-premise'] as const;
export const Hosting = z.enum(HOSTINGS).describe('where the data is hosted');
export type Hosting = z.infer<typeof Hosting>;

export const PRICE_MODELS = ['per-inhabitant', 'per-licence', 'flat', 'tiered'] as const;
export const PriceModel = z.enum(PRICE_MODELS);
export type PriceModel = z.infer<typeof PriceModel>;

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

const url = z.url({ protocol: /^https?$/ }).max(500);
const shortText = z.string().trim().min(1).max(200);

export const CategoryKey = z
  .string()
  .refine((k) => SMART_CATEGORY_KEYS.includes(k), { message: 'UNKNOWN_CATEGORY' })
  .describe('a key of the Smart categories taxonomy (shared with the needs register)');

export const PriceTier = z.strictObject({
  label: shortText.describe('e.g. "jusqu’à 5 000 habitants"'),
  price: z.number().min(0).max(1e9).describe('euros excl. VAT, for the whole order in this tier'),
  upTo: z
    .number()
    .int()
    .min(0)
    .max(1e9)
    .nullable()
    .default(null)
    .describe('the tier applies up to this quantity (inhabitants, units) included; null for the last, open tier'),
});

export const Pricing = z
  .strictObject({
    model: PriceModel,
    /** The headline figure: per inhabitant, per licence or flat, per year, excl. VAT. */
    amount: z.number().min(0).max(1e9).nullable(),
    tiers: z.array(PriceTier).max(20).default([]),
    details: z.string().trim().max(2000).nullable().default(null),
  })
  .meta({ id: 'SolutionPricing' });
export type Pricing = z.infer<typeof Pricing>;

export const Interoperability = z
  .strictObject({
    standards: z.array(OpenStandard).max(OPEN_STANDARDS.length).default([]),
    mims: z.array(OascMim).max(OASC_MIMS.length).default([]),
    openApi: z.boolean().default(false).describe('an open, documented API'),
    apiDocsUrl: url.nullable().default(null),
    exportFormats: z.array(z.string().trim().min(1).max(40)).max(20).default([]).describe('e.g. CSV, GeoJSON'),
    singleSignOn: z.boolean().default(false),
  })
  .meta({ id: 'SolutionInteroperability' });
export type Interoperability = z.infer<typeof Interoperability>;

export const Gdpr = z
  .strictObject({
    dataProcessingAgreement: z.boolean().default(false),
    subProcessors: z.array(shortText).max(50).default([]),
  })
  .meta({ id: 'SolutionGdpr' });
export type Gdpr = z.infer<typeof Gdpr>;

const solutionFields = {
  name: shortText,
  vendor: shortText,
  summary: z.string().trim().min(1).max(400).describe('one or two sentences, in French'),
  description: z.string().trim().max(10000).default('').describe('the long description, in French'),
  categories: z.array(CategoryKey).min(1).max(10),
  dimensions: z.array(z.enum(DIMENSIONS)).max(6).default([]),
  logoUrl: url.nullable().default(null),
  screenshots: z.array(url).max(10).default([]),
  interoperability: Interoperability.default({
    standards: [],
    mims: [],
    openApi: false,
    apiDocsUrl: null,
    exportFormats: [],
    singleSignOn: false,
  }),
  hosting: Hosting,
  gdpr: Gdpr.default({ dataProcessingAgreement: false, subProcessors: [] }),
  accessibilityStatementUrl: url.nullable().default(null),
  languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length).default(['fr']),
  pricing: Pricing,
  support: z.string().trim().max(2000).default(''),
  referenceCommunes: z
    .array(NisCode)
    .max(100)
    .default([])
    .describe('communes that use it outside the agreement (its call-offs add the others)'),
  status: SolutionStatus.default('evaluated'),
  demo: z.boolean().default(false).describe('a demonstration record, labelled as such'),
};

export const SolutionInput = z.strictObject(solutionFields).meta({ id: 'SolutionCreateInput' });
export type SolutionInput = z.infer<typeof SolutionInput>;
export type SolutionInputDraft = z.input<typeof SolutionInput>;

function withoutDefault(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  return def.type === 'default' && def.innerType ? def.innerType : schema;
}

/** Every field optional, and no defaults: what is left out stays as it is. */
export const SolutionUpdateInput = z
  .strictObject(
    Object.fromEntries(Object.entries(solutionFields).map(([k, v]) => [k, withoutDefault(v).optional()])) as {
      [K in keyof typeof solutionFields]: z.ZodOptional<(typeof solutionFields)[K]>;
    },
  )
  .meta({ id: 'SolutionUpdateInput' });
export type SolutionUpdateInput = z.infer<typeof SolutionUpdateInput>;

/** What the caller may do with a solution, decided by the server's policy (the web only reads it). */
export const SolutionPermissions = z.object({
  update: z.boolean().describe('change the solution, its status and images'),
  order: z.boolean().describe('place a call-off for it'),
  chooseCommune: z.boolean().describe('order for any commune (agency staff), not only the caller’s own'),
});
export type SolutionPermissions = z.infer<typeof SolutionPermissions>;

export const Solution = z
  .object({
    id: z.uuid(),
    name: z.string(),
    vendor: z.string(),
    summary: z.string(),
    description: z.string(),
    categories: z.array(z.string()),
    dimensions: z.array(z.enum(DIMENSIONS)),
    logoUrl: z.string().nullable(),
    screenshots: z.array(z.string()),
    /** the uploaded logo, served by the app (logoUrl and screenshots are links, not shown as images) */
    logo: SolutionImage.nullable(),
    /** the uploaded screenshots, served by the app */
    gallery: z.array(SolutionImage),
    interoperability: z.object({
      standards: z.array(z.string()),
      mims: z.array(z.string()),
      openApi: z.boolean(),
      apiDocsUrl: z.string().nullable(),
      exportFormats: z.array(z.string()),
      singleSignOn: z.boolean(),
    }),
    hosting: Hosting,
    gdpr: z.object({ dataProcessingAgreement: z.boolean(), subProcessors: z.array(z.string()) }),
    accessibilityStatementUrl: z.string().nullable(),
    languages: z.array(z.string()),
    pricing: z.object({
      model: PriceModel,
      amount: z.number().nullable(),
      tiers: z.array(z.object({ label: z.string(), price: z.number(), upTo: z.number().nullable() })),
      details: z.string().nullable(),
    }),
    support: z.string(),
    referenceCommunes: z.array(z.string()),
    /** reference communes plus the communes that ordered it */
    usedBy: z.array(z.string()),
    status: SolutionStatus,
    demo: z.boolean(),
    /** the lots that offer it (with their agreement) */
    lots: z.array(
      z.object({
        lotId: z.uuid(),
        lotNumber: z.number().int(),
        lotTitle: z.string(),
        agreementId: z.uuid(),
        agreementReference: z.string(),
        unitPrice: z.number().nullable(),
      }),
    ),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    permissions: SolutionPermissions,
  })
  .meta({ id: 'Solution' });
export type Solution = z.infer<typeof Solution>;

/** What a search hit carries: enough to list and to compare at a glance. */
export const SolutionSummary = Solution.pick({
  id: true,
  name: true,
  vendor: true,
  summary: true,
  categories: true,
  dimensions: true,
  hosting: true,
  status: true,
  demo: true,
  logoUrl: true,
})
  .extend({
    priceModel: PriceModel,
    standards: z.array(z.string()),
    /** the uploaded logo's address (served by the app), or null */
    logo: z.string().nullable(),
    /** rank of the hit, higher is better (0 when no text was searched) */
    score: z.number(),
  })
  .meta({ id: 'SolutionSummary' });
export type SolutionSummary = z.infer<typeof SolutionSummary>;

const statusList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : String(v).split(',')),
  z.array(SolutionStatus).max(4),
);

/** GET /api/catalogue/solutions: by status (comma-separated) and category. */
export const SolutionListQuery = z.strictObject({
  status: statusList,
  category: z.string().trim().max(60).optional(),
});

/** GET /api/catalogue/compare: two to four solutions, ids comma-separated. */
export const CompareQuery = z.strictObject({
  ids: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
    z.array(z.uuid()).min(1).max(10),
  ),
});
