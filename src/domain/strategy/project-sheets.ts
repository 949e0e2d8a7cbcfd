import { z } from 'zod';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { DomainError } from '../shared/errors.ts';
import { IsoDateTime } from '../shared/schemas.ts';
import { FundingStatus } from './funding.ts';
import { HorizonKey } from './horizons.ts';

/**
 * A project sheet (fiche projet): one project a mission proposes to the commune, with what it answers (SWOT items of
 * the diagnostic, needs), what it costs, when it can start and how it depends on the others.
 *
 * The SWOT items and the needs live in features built in parallel (diagnostic, needs register): a sheet keeps their
 * ids (SWOT) and free references (needs) without a foreign key until those features land (decision 040).
 */
export const PROJECT_STATUSES = ['draft', 'proposed', 'approved', 'rejected'] as const;
export const ProjectStatus = z
  .enum(PROJECT_STATUSES)
  .describe('draft → proposed to the commune → approved by it, or rejected (left out of the ranking and the plan)');
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const Dimension = z.enum(DIMENSIONS);

export const Money = z.number().min(0).max(1e10).describe('euros, VAT included (what the commune pays)');

export const FundingSource = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('e.g. "Appel Smart Région", "PCDR", "FEDER"'),
    amount: Money.nullable().optional(),
    rate: z.number().min(0).max(100).nullable().optional().describe('share of the investment, in %'),
    status: FundingStatus.optional().describe('requested (the default) or granted; the plan can count granted only'),
  })
  .meta({ id: 'FundingSource' });
export type FundingSource = z.infer<typeof FundingSource>;

export const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;

/** What the diagnostic's SWOT item brings to a new sheet: its id, kind, text and dimensions. */
export const SwotItemRef = z.strictObject({
  id: z.uuid(),
  kind: z.enum(SWOT_KINDS),
  text: z.string().trim().min(1).max(2000),
  dimensions: z.array(Dimension).max(6).default([]),
});
export type SwotItemRef = z.infer<typeof SwotItemRef>;

const sheetFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(8000).nullable(),
  dimensions: z.array(Dimension).max(6).describe('Smart dimensions the project serves'),
  swotItemIds: z.array(z.uuid()).max(50).describe('SWOT items of the diagnostic the project answers'),
  needIds: z.array(z.uuid()).max(50).describe('needs of the commune’s register the project answers'),
  needRefs: z
    .array(z.string().trim().min(1).max(200))
    .max(50)
    .describe('needs the project answers, as free references until the needs register is linked'),
  owner: z.string().trim().max(200).nullable().describe('who carries the project (a service, an alderman…)'),
  investmentCost: Money,
  runningCostPerYear: Money,
  funding: z.array(FundingSource).max(20).describe('possible funding'),
  earliestHorizon: HorizonKey.nullable().describe('the project cannot start before this horizon'),
  durationMonths: z.number().int().min(1).max(84).describe('how long the project runs once started (roadmap)'),
  phasing: z
    .array(z.number().min(0).max(100))
    .min(1)
    .max(3)
    .refine((shares) => Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 0.01, { message: 'PHASING_SUM' })
    .nullable()
    .describe(
      '% of the investment in the start horizon and the next ones (sum 100), as edited; null: spread by the duration',
    ),
  requires: z.array(z.uuid()).max(50).describe('projects that must be done in the same or an earlier horizon'),
  excludes: z.array(z.uuid()).max(50).describe('projects that cannot both be done'),
  mandatory: z.boolean().describe('must be in the plan (a legal obligation, a commitment already made)'),
  status: ProjectStatus,
  objectiveId: z.uuid().nullable().describe('the operational objective of the PST the project serves'),
};

export const ProjectSheet = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    ...sheetFields,
    phasing: sheetFields.phasing.optional(),
    commentCount: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'ProjectSheet' });
export type ProjectSheet = z.infer<typeof ProjectSheet>;

export const ProjectSheetCreateInput = z.strictObject({
  title: sheetFields.title,
  description: sheetFields.description.optional(),
  dimensions: sheetFields.dimensions.default([]),
  swotItemIds: sheetFields.swotItemIds.default([]),
  needIds: sheetFields.needIds.default([]),
  needRefs: sheetFields.needRefs.default([]),
  owner: sheetFields.owner.optional(),
  investmentCost: sheetFields.investmentCost.default(0),
  runningCostPerYear: sheetFields.runningCostPerYear.default(0),
  funding: sheetFields.funding.default([]),
  earliestHorizon: sheetFields.earliestHorizon.optional(),
  durationMonths: sheetFields.durationMonths.default(12),
  phasing: sheetFields.phasing.optional(),
  requires: sheetFields.requires.default([]),
  excludes: sheetFields.excludes.default([]),
  mandatory: sheetFields.mandatory.default(false),
  status: sheetFields.status.default('draft'),
  objectiveId: sheetFields.objectiveId.optional(),
});
export type ProjectSheetCreateInput = z.infer<typeof ProjectSheetCreateInput>;

export const ProjectSheetUpdateInput = z.strictObject({
  title: sheetFields.title.optional(),
  description: sheetFields.description.optional(),
  dimensions: sheetFields.dimensions.optional(),
  swotItemIds: sheetFields.swotItemIds.optional(),
  needIds: sheetFields.needIds.optional(),
  needRefs: sheetFields.needRefs.optional(),
  owner: sheetFields.owner.optional(),
  investmentCost: sheetFields.investmentCost.optional(),
  runningCostPerYear: sheetFields.runningCostPerYear.optional(),
  funding: sheetFields.funding.optional(),
  earliestHorizon: sheetFields.earliestHorizon.optional(),
  durationMonths: sheetFields.durationMonths.optional(),
  phasing: sheetFields.phasing.optional(),
  requires: sheetFields.requires.optional(),
  excludes: sheetFields.excludes.optional(),
  mandatory: sheetFields.mandatory.optional(),
  status: sheetFields.status.optional(),
  objectiveId: sheetFields.objectiveId.optional(),
});
export type ProjectSheetUpdateInput = z.infer<typeof ProjectSheetUpdateInput>;

export const ProjectFromSwotInput = z
  .strictObject({ swotItemId: z.uuid().describe('a SWOT item of the same mission’s diagnostic') })
  .describe('Creates a draft sheet that answers one SWOT item of the diagnostic, prefilled from its text');
export type ProjectFromSwotInput = z.infer<typeof ProjectFromSwotInput>;

const SWOT_LEADS: Record<SwotItemRef['kind'], string> = {
  strength: 'S’appuyer sur',
  weakness: 'Remédier à',
  opportunity: 'Saisir',
  threat: 'Parer à',
};

/**
 * A new draft sheet that answers one SWOT item: its text becomes the title (shortened at a word) and the description,
 * its dimensions carry over, and the sheet keeps the item's id. The consultant completes the rest.
 */
export function prefillFromSwotItem(item: SwotItemRef): ProjectSheetCreateInput {
  const text = item.text.trim().replace(/\s+/g, ' ');
  return ProjectSheetCreateInput.parse({
    title: shorten(`${SWOT_LEADS[item.kind]} : ${lowerFirst(text)}`, 120),
    description: `Répond à l’élément AFOM (${swotKindLabel(item.kind)}) : « ${text} »`,
    dimensions: [...new Set(item.dimensions)],
    swotItemIds: [item.id],
  });
}

function swotKindLabel(kind: SwotItemRef['kind']): string {
  return { strength: 'force', weakness: 'faiblesse', opportunity: 'opportunité', threat: 'menace' }[kind];
}

function lowerFirst(text: string): string {
  // Keep acronyms and proper names ("Wi-Fi", "RAVeL"): only lower a capital followed by a lower-case letter.
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLocaleLowerCase('fr') + text.slice(1) : text;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * Rejects a set of "requires" links that goes round in a circle (DomainError PROJECT_DEPENDENCY_CYCLE, naming the
 * projects in order). `requires` maps a project id to the ids it requires; `label` names a project in the message.
 */
export function assertNoDependencyCycle(
  requires: ReadonlyMap<string, readonly string[]>,
  label: (id: string) => string = (id) => id,
): void {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    path.push(id);
    for (const next of requires.get(id) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') {
        const cycle = [...path.slice(path.indexOf(next)), next].map(label).join(' → ');
        throw new DomainError('PROJECT_DEPENDENCY_CYCLE', `Projects depend on each other in a circle: ${cycle}.`, {
          cycle,
        });
      }
      if (seen === undefined) visit(next);
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const id of requires.keys()) if (!state.has(id)) visit(id);
}
