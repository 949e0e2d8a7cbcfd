import type { Solution, SolutionInputDraft } from '../../../domain/catalogue/solutions.ts';

/** The solution form's values: flat, as the inputs hold them (numbers may be '' while empty). */
export type SolutionFormValues = {
  name: string;
  vendor: string;
  summary: string;
  description: string;
  categories: string[];
  dimensions: string[];
  standards: string[];
  mims: string[];
  apiDocsUrl: string;
  referenceCommunes: string[];
  openApi: boolean;
  singleSignOn: boolean;
  exportFormats: string[];
  hosting: string;
  dataProcessingAgreement: boolean;
  accessibilityStatementUrl: string;
  languages: string[];
  priceModel: string;
  amount: number | string;
  priceDetails: string;
  tiers: { label: string; price: number | string; upTo: number | string }[];
  subProcessors: string[];
  support: string;
  status: string;
};

export function solutionFormValues(s: Solution | null): SolutionFormValues {
  return {
    name: s?.name ?? '',
    vendor: s?.vendor ?? '',
    summary: s?.summary ?? '',
    description: s?.description ?? '',
    categories: s?.categories ?? [],
    dimensions: s?.dimensions ?? [],
    standards: s?.interoperability.standards ?? [],
    mims: s?.interoperability.mims ?? [],
    apiDocsUrl: s?.interoperability.apiDocsUrl ?? '',
    referenceCommunes: s?.referenceCommunes ?? [],
    openApi: s?.interoperability.openApi ?? false,
    singleSignOn: s?.interoperability.singleSignOn ?? false,
    exportFormats: s?.interoperability.exportFormats ?? [],
    hosting: s?.hosting ?? 'belgium',
    dataProcessingAgreement: s?.gdpr.dataProcessingAgreement ?? false,
    accessibilityStatementUrl: s?.accessibilityStatementUrl ?? '',
    languages: s?.languages ?? ['fr'],
    priceModel: s?.pricing.model ?? 'flat',
    amount: s?.pricing.amount ?? '',
    priceDetails: s?.pricing.details ?? '',
    tiers: (s?.pricing.tiers ?? []).map((tier) => ({ ...tier, upTo: tier.upTo ?? '' })),
    subProcessors: s?.gdpr.subProcessors ?? [],
    support: s?.support ?? '',
    status: s?.status ?? 'evaluated',
  };
}

/** The values as the API's input (SolutionInput, or the whole of it as an update): empty texts are nulls. */
export function solutionInputOf(form: SolutionFormValues): SolutionInputDraft {
  return {
    name: form.name,
    vendor: form.vendor,
    summary: form.summary,
    description: form.description,
    categories: form.categories,
    dimensions: form.dimensions,
    interoperability: {
      standards: form.standards,
      mims: form.mims,
      apiDocsUrl: form.apiDocsUrl || null,
      openApi: form.openApi,
      singleSignOn: form.singleSignOn,
      exportFormats: form.exportFormats,
    },
    hosting: form.hosting,
    gdpr: { dataProcessingAgreement: form.dataProcessingAgreement, subProcessors: form.subProcessors },
    accessibilityStatementUrl: form.accessibilityStatementUrl || null,
    languages: form.languages,
    pricing: {
      model: form.priceModel,
      amount: form.amount === '' ? null : Number(form.amount),
      tiers: form.tiers
        .filter((tier) => tier.label.trim() !== '' || tier.price !== '')
        .map((tier) => ({
          label: tier.label,
          price: tier.price === '' ? Number.NaN : Number(tier.price),
          upTo: tier.upTo === '' ? null : Number(tier.upTo),
        })),
      details: form.priceDetails || null,
    },
    support: form.support,
    referenceCommunes: form.referenceCommunes,
    status: form.status,
  } as SolutionInputDraft;
}
