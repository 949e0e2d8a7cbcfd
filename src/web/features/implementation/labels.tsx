import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '../../../domain/implementation/follow-up.ts';
import { type HistoryEntry, historyLine } from '../../../domain/implementation/history.ts';
import type { Language } from '../../i18n/i18n.ts';
import { stepLabel } from './alert-text.ts';

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

export { alertText, euros, stepLabel } from './alert-text.ts';

/**
 * A history line in the UI's language, from its typed facts (`event`) worded by the domain's `historyLine`, with the
 * procedures' and steps' names of the UI's dictionary. Lines written before the facts were stored read as written,
 * in French.
 */
export function historyText(entry: HistoryEntry, t: Translate, language: Language): string {
  if (!entry.event) return entry.summary;
  return historyLine(entry.event, language, {
    procedure: (procedure) => t(`implementation.procedures.${procedure}`),
    step: (step, procedure) => stepLabel(t, step, procedure),
  });
}
