import type { Alert } from '../../../domain/implementation/alerts.ts';
import { formatDate, formatEuro } from '../../../domain/shared/format.ts';
import type { Language } from '../../i18n/i18n.ts';

/**
 * The words of an alert, apart from the other labels of the follow-up: the bell of the frame shows alerts on every
 * page, and labels.tsx reads the history's zod schemas, which the first page must not download (decision 105).
 */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "12 500 €" without cents when whole. */
export function euros(value: number, language: Language): string {
  return formatEuro(value, language);
}

/**
 * A procurement step's name on the route its file follows: a call-off under the framework agreement is an order
 * (« Expression du besoin », « Envoi du bon de commande »), not a procedure with its « Cahier des charges ».
 */
export function stepLabel(t: Translate, step: string, procedure: string | null | undefined): string {
  return procedure === 'framework-call-off'
    ? t(`implementation.callOffSteps.${step}`, { defaultValue: t(`implementation.steps.${step}`) })
    : t(`implementation.steps.${step}`);
}

/** One alert in a sentence of the UI's language. */
export function alertText(alert: Alert, t: Translate, language: Language): string {
  switch (alert.kind) {
    case 'milestone-late':
      return t('implementation.alerts.milestoneLate', {
        milestone: alert.subject,
        days: alert.daysLate,
        date: alert.date ? formatDate(alert.date, language) : '',
      });
    case 'budget-over-plan':
      return t('implementation.alerts.budgetOver', {
        year: alert.subject,
        amount: euros(alert.amountOver ?? 0, language),
      });
    case 'procurement-step-overdue':
      return t('implementation.alerts.stepOverdue', {
        step: stepLabel(t, alert.subject, alert.procedure),
        days: alert.daysLate,
      });
  }
}
