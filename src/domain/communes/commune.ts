import { z } from 'zod';
import { IsoDate, IsoDateTime, NisCode, QueryFlag } from '../shared/schemas.ts';
import { SITE_KINDS } from './facts.ts';
import { COMMUNE_TITLES } from './official-name.ts';

export { ARRONDISSEMENTS, densityPerKm2, isCurrentOn, SITE_KINDS } from './facts.ts';

/** GeoJSON geometry of a commune, as drawn on the map. */
export const Boundary = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.any()),
});
export type Boundary = z.infer<typeof Boundary>;

export const CommuneSummary = z
  .object({
    nisCode: NisCode,
    name: z.string(),
    nameNl: z.string().nullable(),
    arrondissement: z.string(),
    population: z.number().int().nullable(),
    populationYear: z.number().int().nullable(),
    areaKm2: z.number().nullable(),
    densityPerKm2: z.number().nullable(),
    current: z.boolean().describe('false once the commune has merged into another'),
    mergedInto: NisCode.nullable(),
    mergedOn: IsoDate.nullable(),
    mergedFrom: z.array(NisCode).describe('communes absorbed by this one'),
    officialName: z
      .string()
      .nullable()
      .describe('how the institution is called (« Ville d’Arlon », « Commune de Tintigny »): the name OCDS publishes'),
    officialNameVerified: z.boolean().describe('false while the designation is « à vérifier »'),
  })
  .meta({ id: 'CommuneSummary' });
export type CommuneSummary = z.infer<typeof CommuneSummary>;

export const CommuneProfile = z.object({
  description: z.string().nullable(),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
export type CommuneProfile = z.infer<typeof CommuneProfile>;

export const Site = z
  .object({
    id: z.uuid(),
    communeNis: NisCode,
    name: z.string(),
    kind: z.string(),
    description: z.string().nullable(),
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof Site>;

export const CommuneRef = z.object({ nisCode: NisCode, name: z.string() });
export type CommuneRef = z.infer<typeof CommuneRef>;

/** The commune's official designation and how far it can be trusted (issue 12). */
export const OfficialDesignation = z.object({
  source: z.string().nullable().describe('where the designation comes from, or why it is still to check'),
  checkedAt: IsoDateTime.nullable().describe(
    'when the agency confirmed it on the screen (the reference data then keeps it)',
  ),
});
export type OfficialDesignation = z.infer<typeof OfficialDesignation>;

export const OfficialDesignationInput = z.strictObject({
  title: z.enum(COMMUNE_TITLES).describe('« ville » for a commune that holds the title, « commune » otherwise'),
  source: z.string().trim().min(1).max(1000).describe('the text that shows it (decree, council decision, letterhead)'),
});
export type OfficialDesignationInput = z.infer<typeof OfficialDesignationInput>;

export const CommuneDetail = CommuneSummary.extend({
  officialDesignation: OfficialDesignation,
  mergedIntoCommune: CommuneRef.nullable().describe('the commune this one merged into, with its name'),
  absorbedCommunes: z.array(CommuneRef).describe('the communes merged into this one, with their names'),
  profile: CommuneProfile,
  sites: z.array(Site),
  boundary: Boundary.nullable(),
  permissions: z
    .object({
      editProfile: z.boolean(),
      editDesignation: z.boolean(),
      manageSites: z.boolean(),
      readMissions: z.boolean(),
    })
    .describe('what the caller may do here, decided by the server’s policy'),
}).meta({ id: 'CommuneDetail' });
export type CommuneDetail = z.infer<typeof CommuneDetail>;

export const CommuneListQuery = z.object({
  includeHistorical: QueryFlag.optional().describe('add communes that have merged into another'),
  arrondissement: z.string().max(100).optional(),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const CommuneProfileInput = z.strictObject({
  description: optionalText(4000),
  website: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ })])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  contactEmail: z
    .union([z.literal(''), z.email()])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
});
export type CommuneProfileInput = z.infer<typeof CommuneProfileInput>;

export const SiteInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SITE_KINDS),
  description: optionalText(2000),
});
export type SiteInput = z.infer<typeof SiteInput>;

/**
 * Who a mission serves: a whole commune, or a site inside one (e.g. the Bastogne War Museum). A site always
 * belongs to a commune, so commune-scoped permissions apply to both.
 */
export const Beneficiary = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commune'), communeNis: NisCode }),
  z.object({ kind: z.literal('site'), communeNis: NisCode, siteId: z.uuid() }),
]);
export type Beneficiary = z.infer<typeof Beneficiary>;

/** GET /api/communes/boundaries: one feature per commune, with the figures a choropleth needs. */
export const BoundaryFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object({
    nisCode: z.string(),
    name: z.string(),
    arrondissement: z.string(),
    population: z.number().nullable(),
    areaKm2: z.number().nullable(),
  }),
  geometry: Boundary,
});
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;
export const BoundaryCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(BoundaryFeature) })
  .meta({ id: 'BoundaryCollection' });
export type BoundaryCollection = z.infer<typeof BoundaryCollection>;
