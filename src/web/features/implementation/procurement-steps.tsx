import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcurementStep } from '../../../domain/implementation/procurement-file.ts';
import { DateField } from '../../components/date-field.tsx';
import { stepLabel } from './labels.tsx';

export type StepDates = Record<string, { plannedDate: string; actualDate: string }>;

/** The steps of the chosen procedure, each with its planned date and the date it was done (today at the latest). */
export function ProcurementStepsTable(props: {
  steps: readonly ProcurementStep[];
  procedure: string;
  dates: StepDates;
  today: string;
  onChange: (dates: StepDates) => void;
}) {
  const { t } = useTranslation();
  const { dates } = props;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('implementation.procurement.step')}</Table.Th>
            <Table.Th scope="col">{t('implementation.procurement.planned')}</Table.Th>
            <Table.Th scope="col">{t('implementation.procurement.actual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.steps.map((step) => {
            const d = dates[step] ?? { plannedDate: '', actualDate: '' };
            const label = stepLabel(t, step, props.procedure);
            return (
              <Table.Tr key={step}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  <DateField
                    aria-label={t('implementation.procurement.plannedOf', { step: label })}
                    value={d.plannedDate}
                    onChange={(plannedDate) => props.onChange({ ...dates, [step]: { ...d, plannedDate } })}
                  />
                </Table.Td>
                <Table.Td>
                  <DateField
                    aria-label={t('implementation.procurement.actualOf', { step: label })}
                    value={d.actualDate}
                    maxDate={props.today}
                    onChange={(actualDate) => props.onChange({ ...dates, [step]: { ...d, actualDate } })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The dated steps as the file keeps them: only those with a date, each with the dates it has. */
export function datedSteps(steps: readonly ProcurementStep[], dates: StepDates) {
  return steps
    .map((step) => ({ step, ...dates[step] }))
    .filter((s) => s.plannedDate || s.actualDate)
    .map((s) => ({
      step: s.step,
      ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
      ...(s.actualDate ? { actualDate: s.actualDate } : {}),
    }));
}
