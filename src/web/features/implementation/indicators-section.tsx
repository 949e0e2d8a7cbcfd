import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorInput, MeasurementInput } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAddIndicator, useAddMeasurement, useDeleteIndicator, useDeleteMeasurement } from './api.ts';
import { EditDeleteButtons, editable, Section } from './follow-up-section.tsx';
import { IndicatorChartCard } from './indicator-chart-card.tsx';
import {
  IndicatorEditor,
  IndicatorFields,
  type IndicatorValues,
  type IndicatorView,
  indicatorInput,
  MeasurementEditor,
  MeasurementFields,
  type MeasurementView,
  measurementInput,
} from './indicator-editors.tsx';

type Actions = {
  editIndicator: (indicator: IndicatorView) => void;
  deleteIndicator: (indicator: IndicatorView) => void;
  editMeasurement: (indicator: IndicatorView, measurement: MeasurementView) => void;
  deleteMeasurement: (measurement: MeasurementView) => void;
};

function MeasurementsTable({ indicator: i, actions }: { indicator: IndicatorView; actions: Actions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table mt="xs" aria-label={t('implementation.indicators.measurementsOf', { name: i.name })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('implementation.indicators.date')}</Table.Th>
            <Table.Th scope="col">{t('implementation.indicators.value')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {i.measurements.map((x) => {
            const label = {
              name: i.name,
              date: formatDate(x.date, language),
              value: `${formatNumber(x.value, language, 2)} ${i.unit}`,
            };
            return (
              <Table.Tr key={x.id}>
                <Table.Td>{label.date}</Table.Td>
                <Table.Td>{label.value}</Table.Td>
                <Table.Td>
                  <EditDeleteButtons
                    editLabel={t('implementation.indicators.editMeasurementOf', label)}
                    deleteLabel={t('implementation.indicators.deleteMeasurementOf', label)}
                    onEdit={() => actions.editMeasurement(i, x)}
                    onDelete={() => actions.deleteMeasurement(x)}
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

function AddMeasurementForm({ state, indicator }: { state: ProjectFollowUp; indicator: IndicatorView }) {
  const { t } = useTranslation();
  const measure = useAddMeasurement(state.id);
  const { form, submit } = useSchemaForm({
    schema: MeasurementInput,
    initialValues: { date: state.today, value: '' } as { date: string; value: number | string },
    toInput: measurementInput,
  });
  const onSubmit = submit((input, callbacks) => measure.mutate({ indicatorId: indicator.id, ...input }, callbacks));
  return (
    <>
      <InlineAddForm
        errors={form.errors}
        onSubmit={onSubmit}
        label={t('implementation.indicators.addMeasurement')}
        pending={measure.isPending}
        mt="xs"
      >
        <MeasurementFields form={form} indicatorName={indicator.name} inline />
      </InlineAddForm>
      <ErrorAlert error={measure.error} />
    </>
  );
}

function IndicatorCard(props: { state: ProjectFollowUp; indicator: IndicatorView; actions: Actions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, indicator: i, actions } = props;
  const last = i.measurements.at(-1);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{i.name}</Text>
        {editable(state) ? (
          <EditDeleteButtons
            editLabel={t('implementation.indicators.editOf', { name: i.name })}
            deleteLabel={t('implementation.indicators.deleteOf', { name: i.name })}
            onEdit={() => actions.editIndicator(i)}
            onDelete={() => actions.deleteIndicator(i)}
          />
        ) : null}
      </Group>
      <Text size="sm">
        {t('implementation.indicators.summary', {
          baseline: formatNumber(i.baseline, language, 2),
          target: formatNumber(i.target, language, 2),
          unit: i.unit,
          last: last ? `${formatNumber(last.value, language, 2)} (${formatDate(last.date, language)})` : '—',
        })}
      </Text>
      <IndicatorChartCard indicator={i} />
      {editable(state) && i.measurements.length > 0 ? <MeasurementsTable indicator={i} actions={actions} /> : null}
      {editable(state) ? <AddMeasurementForm state={state} indicator={i} /> : null}
    </Paper>
  );
}

function AddIndicatorForm({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const add = useAddIndicator(state.id);
  const { form, submit } = useSchemaForm({
    schema: IndicatorInput,
    initialValues: { name: '', unit: '', baseline: '', target: '' } as IndicatorValues,
    toInput: indicatorInput,
  });
  const onSubmit = submit((input, callbacks) => add.mutate(input, { ...callbacks, onSuccess: () => form.reset() }));
  return (
    <>
      <ErrorAlert error={add.error} />
      <InlineAddForm
        errors={form.errors}
        onSubmit={onSubmit}
        label={t('implementation.indicators.add')}
        pending={add.isPending}
      >
        <IndicatorFields form={form} inline />
      </InlineAddForm>
    </>
  );
}

export function IndicatorsSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const removeIndicator = useDeleteIndicator(state.id);
  const removeMeasurement = useDeleteMeasurement(state.id);
  const [editingIndicator, setEditingIndicator] = useState<IndicatorView | null>(null);
  const [editingMeasurement, setEditingMeasurement] = useState<{
    indicator: IndicatorView;
    measurement: MeasurementView;
  } | null>(null);
  const actions: Actions = {
    editIndicator: setEditingIndicator,
    deleteIndicator: (i) => {
      if (window.confirm(t('implementation.indicators.confirmDelete', { name: i.name }))) removeIndicator.mutate(i.id);
    },
    editMeasurement: (indicator, measurement) => setEditingMeasurement({ indicator, measurement }),
    deleteMeasurement: (x) => removeMeasurement.mutate(x.id),
  };
  return (
    <Section id="indicators-heading" title={t('implementation.indicators.title')}>
      {editingIndicator ? (
        <IndicatorEditor state={state} indicator={editingIndicator} onClose={() => setEditingIndicator(null)} />
      ) : null}
      {editingMeasurement ? (
        <MeasurementEditor state={state} {...editingMeasurement} onClose={() => setEditingMeasurement(null)} />
      ) : null}
      {state.indicators.length === 0 ? <Text size="sm">{t('implementation.indicators.empty')}</Text> : null}
      <Stack gap="md">
        {state.indicators.map((i) => (
          <IndicatorCard key={i.id} state={state} indicator={i} actions={actions} />
        ))}
      </Stack>
      <ErrorAlert error={removeIndicator.error ?? removeMeasurement.error} />
      {editable(state) ? <AddIndicatorForm state={state} /> : null}
    </Section>
  );
}
