import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupAction, type GroupDetail } from '../../../domain/mutualisation/api.ts';
import { estimateSavings, type PriceModelInput } from '../../../domain/mutualisation/savings.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useGroupAction } from './api.ts';

export type Tier = { key: number; fromQuantity: number | string; unitPrice: number | string };
let nextTierKey = 0;
export const tier = (fromQuantity: number | string, unitPrice: number | string): Tier => ({
  key: nextTierKey++,
  fromQuantity,
  unitPrice,
});
const defaultTiers = (): Tier[] => [tier(0, ''), tier('', '')];

export type ScenarioValues = {
  kind: 'volume-tiers' | 'shared-fixed';
  unit: string;
  tiers: Tier[];
  fixedCost: number | string;
  perUnitCost: number | string;
  quantities: Record<string, number | string>;
};

/** The estimate, or the model's problem in French (a rule of the model, never a raw JavaScript error). */
function estimateOrError(model: PriceModelInput, participants: { communeNis: string; quantity: number }[]) {
  try {
    return { result: estimateSavings(model, participants), error: null };
  } catch (error) {
    return { result: null, error };
  }
}

/** The price model the values describe (tiers not filled in left out). */
function modelOf(v: ScenarioValues): PriceModelInput {
  return v.kind === 'volume-tiers'
    ? {
        kind: v.kind,
        unit: v.unit,
        tiers: v.tiers
          .filter((row) => row.fromQuantity !== '' && row.unitPrice !== '')
          .map((row) => ({ fromQuantity: Number(row.fromQuantity), unitPrice: Number(row.unitPrice) })),
      }
    : { kind: v.kind, unit: v.unit, fixedCost: Number(v.fixedCost || 0), perUnitCost: Number(v.perUnitCost || 0) };
}

function initialValues(group: GroupDetail, fromPoll: () => Record<string, number>): ScenarioValues {
  const saved = group.priceModel as PriceModelInput | null;
  return {
    kind: saved?.kind ?? 'volume-tiers',
    unit: saved?.unit ?? group.polls[0]?.unit ?? '',
    tiers: saved?.kind === 'volume-tiers' ? saved.tiers.map((x) => tier(x.fromQuantity, x.unitPrice)) : defaultTiers(),
    fixedCost: saved?.kind === 'shared-fixed' ? saved.fixedCost : '',
    perUnitCost: saved?.kind === 'shared-fixed' ? saved.perUnitCost : '',
    quantities: { ...fromPoll(), ...(group.scenarioQuantities ?? {}) },
  };
}

/**
 * The savings scenario of a group: its form (price model and quantities tried), what it estimates, whether it has
 * changes not saved (leaving the page then asks first), and its save.
 */
export function useSavingsScenario(group: GroupDetail) {
  const { t } = useTranslation();
  const action = useGroupAction(group.id);
  const answers = group.polls[0]?.answers ?? [];
  const fromPoll = () =>
    Object.fromEntries(
      group.communes.map((c) => [c.nisCode, answers.find((a) => a.communeNis === c.nisCode)?.quantity ?? 0]),
    );
  // Communes that said yes to the poll but have no need in the group take part too.
  const allQuantitiesOf = (v: ScenarioValues): Record<string, number | string> => ({
    ...Object.fromEntries(answers.filter((a) => a.answer === 'yes').map((a) => [a.communeNis, a.quantity ?? 0])),
    ...v.quantities,
  });
  const participantsOf = (v: ScenarioValues) =>
    Object.entries(allQuantitiesOf(v)).map(([communeNis, q]) => ({ communeNis, quantity: Number(q || 0) }));
  const { form, submit } = useSchemaForm({
    schema: GroupAction,
    initialValues: initialValues(group, fromPoll),
    toInput: (v: ScenarioValues) => ({
      action: 'price-model' as const,
      priceModel: modelOf(v) as never,
      quantities: Object.fromEntries(participantsOf(v).map((p) => [p.communeNis, p.quantity])),
    }),
  });
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesWarning(dirty && group.permissions.manage);
  const change = <K extends keyof ScenarioValues>(field: K, value: ScenarioValues[K]) => {
    form.setFieldValue(field, value as never);
    setDirty(true);
  };
  const model = modelOf(form.values);
  const participants = participantsOf(form.values);
  const incomplete = model.kind === 'volume-tiers' && model.tiers.length === 0;
  const save = submit((input, callbacks) =>
    action.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        setDirty(false);
        notify(t('needs.savings.saved'));
      },
    }),
  );
  return {
    form,
    change,
    dirty,
    action,
    save,
    answers,
    resetToPoll: () => change('quantities', fromPoll()),
    allQuantities: allQuantitiesOf(form.values),
    participants,
    incomplete,
    estimate: incomplete ? { result: null, error: null } : estimateOrError(model, participants),
  };
}
export type SavingsScenario = ReturnType<typeof useSavingsScenario>;

/** While the scenario has changes not saved, leaving or reloading the page asks first (the browser's own dialog). */
function useUnsavedChangesWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
