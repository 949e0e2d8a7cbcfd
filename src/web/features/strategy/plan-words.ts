import { useTranslation } from 'react-i18next';
import type { PlanResult, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { euros, percent, titlesOf } from './labels.ts';

type Reason = PlanResult['leftOut'][number]['reasons'][number];
type Outside = PlanResult['outside'][number];
type Cause = NonNullable<PlanResult['infeasibility']>['causes'][number];

/**
 * How the plan's screens word what the plan says: a horizon's name, why a project is out of the plan or outside it,
 * and why no plan keeps every constraint; project ids become their titles.
 */
export function usePlanWords(state: Pick<StrategyState, 'projects'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titles = titlesOf(state);
  const title = (id: string | null | undefined) => titles.get(id ?? '') ?? id;
  const horizonName = (key: string) => t(`strategy.horizons.${key}`, { defaultValue: key });

  const reasonText = (reason: Reason) => {
    switch (reason.code) {
      case 'EXCLUDED_BY':
        return t('strategy.plan.reasons.EXCLUDED_BY', { title: title(reason.by) });
      case 'REQUIRES_LEFT_OUT':
        return t('strategy.plan.reasons.REQUIRES_LEFT_OUT', { title: title(reason.requires) });
      case 'DOES_NOT_FIT':
        return t('strategy.plan.reasons.DOES_NOT_FIT', {
          cost: euros(reason.cost ?? 0, language),
          remaining: (reason.remaining ?? [])
            .map((r) => `${horizonName(r.horizon)} ${euros(r.amount, language)}`)
            .join(', '),
        });
      case 'NO_VALUE':
        return t('strategy.plan.reasons.NO_VALUE');
      case 'HELD_BY_BALANCE':
        return t(`strategy.plan.reasons.HELD_BY_BALANCE_${reason.bound === 'min' ? 'MIN' : 'MAX'}`, {
          group: reason.label ?? reason.rule,
          limit: percent(reason.limit ?? 0, language, 0),
        });
      case 'FITS':
        return t('strategy.plan.reasons.FITS', { horizon: horizonName(reason.horizon ?? '') });
    }
  };

  const outsideText = (o: Outside) =>
    o.reason === 'REQUIRES_OUTSIDE'
      ? t('strategy.plan.outside.REQUIRES_OUTSIDE', { title: title(o.requires) })
      : t(`strategy.plan.outside.${o.reason}`);

  const causeText = (cause: Cause) =>
    t(`strategy.plan.infeasible.${String(cause.code)}`, {
      title: titles.get(String(cause.project ?? cause.first ?? '')) ?? cause.project,
      other: titles.get(String(cause.second ?? cause.requires ?? '')) ?? '',
      horizon: horizonName(String(cause.horizon ?? '')),
      cost: euros(Number(cause.cost ?? 0), language),
      budget: euros(Number(cause.budget ?? cause.largestBudget ?? 0), language),
      label: String(cause.label ?? ''),
      share: percent(Number(cause.share ?? 0), language, 0),
      limit: percent(Number(cause.max ?? cause.min ?? 0), language, 0),
    });

  return { titles, horizonName, reasonText, outsideText, causeText };
}

/** The projects left out for want of money that this horizon could have taken: what its budget line binds. */
export function blockedBy(result: PlanResult, horizon: string) {
  return result.leftOut.flatMap((l) =>
    l.reasons
      .filter((r) => r.code === 'DOES_NOT_FIT' && (r.remaining ?? []).some((x) => x.horizon === horizon))
      .map((r) => ({ projectId: l.projectId, cost: r.cost ?? 0 })),
  );
}
