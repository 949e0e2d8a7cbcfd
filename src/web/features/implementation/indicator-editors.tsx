import { NumberInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { IndicatorInput, MeasurementInput } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { DateField } from '../../components/date-field.tsx';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { sendWithId, useSchemaForm } from '../../lib/schema-form.ts';
import { useUpdateIndicator, useUpdateMeasurement } from './api.ts';
import { requiredNumber } from './follow-up-section.tsx';

export type IndicatorView = ProjectFollowUp['indicators'][number];
export type MeasurementView = IndicatorView['measurements'][number];

export type IndicatorValues = { name: string; unit: string; baseline: number | string; target: number | string };
export const indicatorInput = (v: IndicatorValues) => ({
  name: v.name,
  unit: v.unit,
  baseline: requiredNumber(v.baseline),
  target: requiredNumber(v.target),
});

/** Name, unit, baseline and target: an indicator's fields, in the add form and in its editor. */
export function IndicatorFields(props: { form: UseFormReturnType<IndicatorValues>; inline?: boolean }) {
  const { t } = useTranslation();
  const { form, inline } = props;
  return (
    <>
      <TextInput
        label={t('implementation.indicators.name')}
        required
        data-autofocus={inline ? undefined : true}
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('implementation.indicators.unit')}
        required
        w={inline ? 110 : undefined}
        {...form.getInputProps('unit')}
      />
      <NumberInput
        label={t('implementation.indicators.baseline')}
        required
        w={inline ? 120 : undefined}
        {...form.getInputProps('baseline')}
      />
      <NumberInput
        label={t('implementation.indicators.target')}
        required
        w={inline ? 120 : undefined}
        {...form.getInputProps('target')}
      />
    </>
  );
}

export type MeasurementValues = { date: string; value: number | string };
export const measurementInput = (v: MeasurementValues) => ({ date: v.date, value: requiredNumber(v.value) });

/** A measurement's date and value, the value named after its indicator. */
export function MeasurementFields(props: {
  form: UseFormReturnType<MeasurementValues>;
  indicatorName: string;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const { form, inline } = props;
  return (
    <>
      <DateField
        label={t('implementation.indicators.date')}
        required
        data-autofocus={inline ? undefined : true}
        {...form.getInputProps('date')}
      />
      <NumberInput
        label={t('implementation.indicators.valueOf', { name: props.indicatorName })}
        required
        w={inline ? 200 : undefined}
        {...form.getInputProps('value')}
      />
    </>
  );
}

export function IndicatorEditor(props: { state: ProjectFollowUp; indicator: IndicatorView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateIndicator(props.state.id);
  const { id, name, unit, baseline, target } = props.indicator;
  const { form, submit } = useSchemaForm({
    schema: IndicatorInput,
    initialValues: { name, unit, baseline, target } as IndicatorValues,
    toInput: indicatorInput,
  });
  const onSubmit = submit(
    sendWithId(update.mutate, id, () => {
      notify(t('implementation.indicators.saved'));
      props.onClose();
    }),
  );
  return (
    <EditorModal
      title={t('implementation.indicators.edit')}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={update.isPending}
      error={update.error}
      onClose={props.onClose}
    >
      <IndicatorFields form={form} />
    </EditorModal>
  );
}

export function MeasurementEditor(props: {
  state: ProjectFollowUp;
  indicator: IndicatorView;
  measurement: MeasurementView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMeasurement(props.state.id);
  const { id, date, value } = props.measurement;
  const { form, submit } = useSchemaForm({
    schema: MeasurementInput,
    initialValues: { date, value } as MeasurementValues,
    toInput: measurementInput,
  });
  const onSubmit = submit(
    sendWithId(update.mutate, id, () => {
      notify(t('implementation.indicators.measurementSaved'));
      props.onClose();
    }),
  );
  return (
    <EditorModal
      title={t('implementation.indicators.editMeasurement', { name: props.indicator.name })}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={update.isPending}
      error={update.error}
      onClose={props.onClose}
    >
      <MeasurementFields form={form} indicatorName={props.indicator.name} />
    </EditorModal>
  );
}
