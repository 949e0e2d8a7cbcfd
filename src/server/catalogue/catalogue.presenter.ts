import type { Agreement, AgreementPermissions, CallOff } from '../../domain/catalogue/agreements.ts';
import { consumption } from '../../domain/catalogue/agreements.ts';
import type { SolutionImage } from '../../domain/catalogue/images.ts';
import type { SavedSearch } from '../../domain/catalogue/search.ts';
import type { Shortlist } from '../../domain/catalogue/shortlists.ts';
import type { Pricing, Solution, SolutionInput, SolutionPermissions } from '../../domain/catalogue/solutions.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import type {
  AgreementRow,
  CallOffRecord,
  LotRow,
  SavedSearchRow,
  ShortlistRow,
  SolutionLotRow,
  SolutionRow,
  SolutionValues,
} from './catalogue.repository.ts';

/** Turns rows into what the API answers; never a row as it is. */
export function solutionValues(input: SolutionInput): SolutionValues {
  return {
    name: input.name,
    vendor: input.vendor,
    summary: input.summary,
    description: input.description,
    categories: input.categories,
    dimensions: input.dimensions,
    logoUrl: input.logoUrl,
    screenshots: input.screenshots,
    interoperability: input.interoperability,
    standards: input.interoperability.standards,
    hosting: input.hosting,
    gdpr: input.gdpr,
    accessibilityStatementUrl: input.accessibilityStatementUrl,
    languages: input.languages,
    pricing: input.pricing,
    priceModel: input.pricing.model,
    support: input.support,
    referenceCommunes: [...new Set(input.referenceCommunes)],
    status: input.status,
    demo: input.demo,
  };
}

/** A row as the input it came from (to apply a partial update over it). */
export function solutionInputOf(row: SolutionRow): SolutionInput {
  return {
    name: row.name,
    vendor: row.vendor,
    summary: row.summary,
    description: row.description,
    categories: row.categories,
    dimensions: row.dimensions as Dimension[],
    logoUrl: row.logoUrl,
    screenshots: row.screenshots,
    interoperability: row.interoperability,
    hosting: row.hosting,
    gdpr: row.gdpr,
    accessibilityStatementUrl: row.accessibilityStatementUrl,
    languages: row.languages as SolutionInput['languages'],
    pricing: presentPricing(row.pricing),
    support: row.support,
    referenceCommunes: row.referenceCommunes,
    status: row.status,
    demo: row.demo,
  };
}

export type ImageMeta = {
  id: string;
  solutionId: string;
  kind: 'logo' | 'screenshot';
  caption: string;
  sizeBytes: number;
};

export const imageUrl = (id: string) => `/api/catalogue/images/${id}`;

export function presentImage(image: ImageMeta): SolutionImage {
  return {
    id: image.id,
    kind: image.kind,
    url: imageUrl(image.id),
    caption: image.caption,
    sizeBytes: image.sizeBytes,
  };
}

export function presentSolution(
  row: SolutionRow,
  lots: SolutionLotRow[],
  orderedBy: string[],
  images: ImageMeta[],
  permissions: SolutionPermissions,
): Solution {
  const input = solutionInputOf(row);
  const own = images.filter((i) => i.solutionId === row.id);
  const logo = own.find((i) => i.kind === 'logo');
  return {
    id: row.id,
    ...input,
    logo: logo ? presentImage(logo) : null,
    gallery: own.filter((i) => i.kind === 'screenshot').map(presentImage),
    usedBy: [...new Set([...row.referenceCommunes, ...orderedBy])].sort(),
    lots: lots
      .filter((l) => l.solutionId === row.id)
      .map((l) => ({
        lotId: l.lotId,
        lotNumber: l.lotNumber,
        lotTitle: l.lotTitle,
        agreementId: l.agreementId,
        agreementReference: l.agreementReference,
        unitPrice: l.unitPrice,
      })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions,
  };
}

export function presentAgreement(
  row: AgreementRow,
  lots: LotRow[],
  offers: { lotId: string; solutionId: string; unitPrice: number | null; name: string; status: string }[],
  totals: { lotId: string; amount: number }[],
  adherents: { communeNis: string; adheredAt: Date }[],
  permissions: AgreementPermissions,
): Agreement {
  const orderedOf = (lotId: string) => totals.filter((t) => t.lotId === lotId).reduce((s, t) => s + t.amount, 0);
  const ownLots = lots.filter((l) => l.agreementId === row.id);
  const ordered = ownLots.reduce((s, l) => s + orderedOf(l.id), 0);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    demo: row.demo,
    consumption: consumption(row.ceiling, ordered),
    lots: ownLots.map((lot) => ({
      id: lot.id,
      agreementId: lot.agreementId,
      number: lot.number,
      title: lot.title,
      vendor: lot.vendor,
      consumption: consumption(lot.ceiling, orderedOf(lot.id)),
      solutions: offers
        .filter((o) => o.lotId === lot.id)
        .map((o) => ({ solutionId: o.solutionId, name: o.name, status: o.status, unitPrice: o.unitPrice })),
    })),
    adherents: adherents.map((a) => ({ communeNis: a.communeNis, adheredAt: a.adheredAt.toISOString() })),
    permissions,
  };
}

export function presentCallOff(row: CallOffRecord, permissions: CallOff['permissions']): CallOff {
  return {
    id: row.id,
    agreementId: row.agreementId,
    agreementReference: row.agreementReference,
    lotId: row.lotId,
    lotNumber: row.lotNumber,
    lotTitle: row.lotTitle,
    vendor: row.vendor,
    solutionId: row.solutionId,
    solutionName: row.solutionName,
    communeNis: row.communeNis,
    communeName: row.communeName,
    quantity: row.quantity,
    amount: row.amount,
    computedAmount: row.computedAmount,
    amountReason: row.amountReason,
    note: row.note,
    orderedAt: row.orderedAt.toISOString(),
    orderedBy: row.orderedByName,
    cancelledAt: row.cancelledAt ? row.cancelledAt.toISOString() : null,
    cancellationReason: row.cancellationReason,
    permissions,
  };
}

export function presentSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentShortlist(row: ShortlistRow, permissions: Shortlist['permissions']): Shortlist {
  return { ...shortlistFacts(row), permissions };
}

/** A shortlist as it stands, without what the caller may do with it (what the audit keeps). */
export function shortlistFacts(row: ShortlistRow): Omit<Shortlist, 'permissions'> {
  return {
    id: row.id,
    name: row.name,
    communeNis: row.communeNis,
    ownerId: row.ownerId,
    solutionIds: row.solutionIds,
    outcome:
      row.outcomeKind && row.outcomeAt
        ? {
            kind: row.outcomeKind,
            solutionId: row.outcomeSolutionId,
            reason: row.outcomeReason ?? '',
            decidedAt: row.outcomeAt.toISOString(),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Tiers stored before they had a bound read as open tiers. */
function presentPricing(pricing: Pricing): Pricing {
  return { ...pricing, tiers: pricing.tiers.map((t) => ({ ...t, upTo: t.upTo ?? null })) };
}
