import type { UseFormReturnType } from '@mantine/form';
import type { Dimension } from '../../../domain/shared/dimensions.ts';
import type { FundingStatus } from '../../../domain/strategy/funding.ts';
import type { HorizonKey } from '../../../domain/strategy/horizons.ts';
import type { ProjectSheet, ProjectStatus } from '../../../domain/strategy/project-sheets.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { ProjectCreateBody } from './api.ts';

export type FundingRow = { name: string; rate: number | string; amount: number | string; status: FundingStatus };

/** What the project form's inputs hold (numbers typed or '' when nothing is typed). */
export type ProjectFormValues = {
  title: string;
  description: string;
  dimensions: Dimension[];
  owner: string;
  investmentCost: number | string;
  runningCostPerYear: number | string;
  funding: FundingRow[];
  earliestHorizon: HorizonKey | null;
  durationMonths: number | string;
  phasing: (number | string)[];
  requires: string[];
  excludes: string[];
  mandatory: boolean;
  status: ProjectStatus;
  objectiveId: string | null;
  needIds: string[];
  needRefs: string[];
};

export type ProjectForm = UseFormReturnType<ProjectFormValues>;

export const emptyFundingRow = (): FundingRow => ({ name: '', rate: '', amount: '', status: 'requested' });

/** The form's values for a sheet to change, or for a new one. */
export function projectFormValues(project: ProjectSheet | undefined): ProjectFormValues {
  return {
    title: project?.title ?? '',
    description: project?.description ?? '',
    dimensions: project?.dimensions ?? [],
    owner: project?.owner ?? '',
    investmentCost: project?.investmentCost ?? '',
    runningCostPerYear: project?.runningCostPerYear ?? '',
    funding: (project?.funding ?? []).map((f) => ({
      name: f.name,
      rate: f.rate ?? '',
      amount: f.amount ?? '',
      status: f.status ?? 'requested',
    })),
    earliestHorizon: project?.earliestHorizon ?? null,
    durationMonths: project?.durationMonths ?? 12,
    phasing: [0, 1, 2].map((i) => project?.phasing?.[i] ?? ''),
    requires: project?.requires ?? [],
    excludes: project?.excludes ?? [],
    mandatory: project?.mandatory ?? false,
    status: project?.status ?? 'draft',
    objectiveId: project?.objectiveId ?? null,
    needIds: project?.needIds ?? [],
    needRefs: project?.needRefs ?? [],
  };
}

const asNumber = (value: number | string): number | null => (value === '' ? null : Number(value));

/** The sheet as the API takes it, from the form's values. */
export function projectBody(values: ProjectFormValues): ProjectCreateBody {
  return {
    title: values.title,
    description: values.description.trim() || null,
    dimensions: values.dimensions,
    owner: values.owner.trim() || null,
    investmentCost: asNumber(values.investmentCost) ?? 0,
    runningCostPerYear: asNumber(values.runningCostPerYear) ?? 0,
    funding: values.funding
      .filter((f) => f.name.trim())
      .map((f) => ({ name: f.name.trim(), rate: asNumber(f.rate), amount: asNumber(f.amount), status: f.status })),
    earliestHorizon: values.earliestHorizon,
    durationMonths: asNumber(values.durationMonths) ?? 12,
    // Empty: spread by the duration; otherwise the % typed for each horizon from the start one.
    phasing: values.phasing.every((x) => x === '' || Number(x) === 0)
      ? null
      : values.phasing.map((x) => Number(x || 0)),
    requires: values.requires,
    excludes: values.excludes,
    mandatory: values.mandatory,
    status: values.status,
    objectiveId: values.objectiveId,
    needIds: values.needIds,
    needRefs: values.needRefs,
  };
}

/** A euro amount's input, grouped and with decimals as the UI's language writes them. */
export function useMoneyProps() {
  const language = useLanguage();
  return {
    min: 0,
    step: 1000,
    thousandSeparator: language === 'fr' ? ' ' : ',',
    decimalSeparator: language === 'fr' ? ',' : '.',
    suffix: ' €',
    allowNegative: false,
  } as const;
}
