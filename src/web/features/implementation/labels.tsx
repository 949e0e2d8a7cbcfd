import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../domain/implementation/alerts.ts';
import type { FollowUpStatus, HistoryEntry } from '../../../domain/implementation/follow-up.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import type { Language } from '../../i18n/i18n.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const STATUS_COLORS: Record<FollowUpStatus, string> = {
  planned: 'gray',
  procurement: 'violet',
  'in-progress': 'blue',
  delivered: 'green',
  evaluated: 'teal',
  suspended: 'orange',
  abandoned: 'red',
};

/** Chart colours with enough contrast on white, one per status. */
export const STATUS_CHART_COLORS: Record<FollowUpStatus, string> = {
  planned: '#5c6670',
  procurement: '#6741d9',
  'in-progress': '#1864ab',
  delivered: '#2b8a3e',
  evaluated: '#0b7285',
  suspended: '#d9480f',
  abandoned: '#c92a2a',
};

export function StatusBadge({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLORS[status]}
      style={{ overflow: 'visible', flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`implementation.statuses.${status}`)}
    </Badge>
  );
}

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

/**
 * A history line in the UI's language, from the facts stored with it (`params`, by action). Lines written before
 * the facts were stored (or of an action this does not know) read as written, in French.
 */
export function historyText(entry: HistoryEntry, t: Translate, language: Language): string {
  const p = entry.params as Record<string, unknown> | null;
  if (!p) return entry.summary;
  const str = (k: string) => String(p[k] ?? '');
  const num = (k: string) => formatNumber(Number(p[k]), language, 2);
  const date = (k: string) => (typeof p[k] === 'string' ? formatDate(p[k], language) : '');
  const status = (k: string) => t(`implementation.historyLines.statusWords.${str(k)}`);
  const key = (name: string, values: Record<string, unknown> = {}) => t(`implementation.historyLines.${name}`, values);
  switch (entry.action) {
    case 'implementation.status':
      return key(p.reason ? 'statusWithReason' : 'status', {
        from: status('from'),
        to: status('to'),
        reason: str('reason'),
      });
    case 'implementation.update': {
      const parts: string[] = [];
      if (p.progressTo !== null && p.progressTo !== undefined && p.progressTo !== p.progressFrom)
        parts.push(key('progress', { from: num('progressFrom'), to: num('progressTo') }));
      if (p.budget) parts.push(key('budget'));
      if (p.funding) parts.push(key('funding'));
      if (typeof p.risks === 'number') parts.push(key('risks', { count: p.risks }));
      return parts.length ? key('update', { parts: parts.join(', ') }) : key('updateUnchanged');
    }
    case 'implementation.milestone.create':
      return key(p.owner ? 'milestoneAddedOwner' : 'milestoneAdded', {
        title: str('title'),
        date: date('dueDate'),
        owner: str('owner'),
      });
    case 'implementation.milestone.update':
      return p.met
        ? key('milestoneMet', { title: str('title'), date: date('doneDate') })
        : key('milestoneChanged', { title: str('title'), date: date('dueDate') });
    case 'implementation.milestone.delete':
      return key('milestoneDeleted', { title: str('title') });
    case 'implementation.indicator.create':
    case 'implementation.indicator.update': {
      const values = { name: str('name'), baseline: num('baseline'), target: num('target'), unit: str('unit') };
      if (entry.action === 'implementation.indicator.create') return key('indicatorAdded', values);
      return key(p.previousName ? 'indicatorChangedRenamed' : 'indicatorChanged', {
        ...values,
        previous: str('previousName'),
      });
    }
    case 'implementation.indicator.delete':
      return key('indicatorDeleted', { name: str('name') });
    case 'implementation.measurement.create':
    case 'implementation.measurement.delete':
      return key(entry.action.endsWith('create') ? 'measurementAdded' : 'measurementDeleted', {
        name: str('name'),
        value: num('value'),
        unit: str('unit'),
        date: date('date'),
      });
    case 'implementation.measurement.update':
      return key('measurementCorrected', {
        name: str('name'),
        unit: str('unit'),
        previousValue: num('previousValue'),
        previousDate: date('previousDate'),
        value: num('value'),
        date: date('date'),
      });
    case 'implementation.document.create':
      return key('documentAdded', { name: str('name') });
    case 'implementation.document.delete':
      return key('documentDeleted', { name: str('name') });
    case 'implementation.publish':
      return key('published');
    case 'implementation.unpublish':
      return key('unpublished');
    case 'implementation.procurement.create':
    case 'implementation.procurement.update': {
      const steps = Array.isArray(p.steps) ? (p.steps as string[]) : [];
      const parts = [
        p.procedure ? t(`implementation.procedures.${str('procedure')}`) : key('procedureToChoose'),
        key('amountExclVat', { amount: formatEuro(Number(p.amount), language) }),
      ];
      if (steps.length)
        parts.push(key('stepsDone', { steps: steps.map((s) => stepLabel(t, s, str('procedure'))).join(', ') }));
      if (p.vendor) parts.push(key('awardedTo', { vendor: str('vendor') }));
      return key('procurement', { parts: parts.join(', ') });
    }
    default:
      return entry.summary;
  }
}
