import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProcurementInput } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import {
  PROCUREMENT_NATURES,
  type ProcurementNature,
  type ProcurementProcedure,
} from '../../../domain/implementation/procurement.ts';
import { type ProcurementStep, stepsFor } from '../../../domain/implementation/procurement-file.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, textOrNull, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { fetchProcedureAdvice, ocdsUrl, useCommuneCallOffs, useFrameworkOffers, useSaveProcurement } from './api.ts';
import { euros, stepLabel } from './labels.tsx';
import { type Advice, ProcedureAdviceView } from './procurement-advice.tsx';
import { datedSteps, ProcurementStepsTable, type StepDates } from './procurement-steps.tsx';

type File = NonNullable<ProjectFollowUp['procurement']>;
type Values = {
  nature: ProcurementNature;
  amount: number | string;
  launchDate: string;
  /** "solutionId/lotId" of a listed solution in a lot of the agency's framework agreement, or '' for none. */
  framework: string;
  callOffId: string | null;
  procedure: string | null;
  dates: StepDates;
  reference: string;
  vendorName: string;
  vendorNumber: string;
  award: number | string;
};
type Form = UseFormReturnType<Values>;

const stepsOf = (procedure: string | null): readonly ProcurementStep[] =>
  procedure ? stepsFor(procedure as ProcurementProcedure) : [];

function frameworkOf(values: Pick<Values, 'framework' | 'callOffId'>) {
  const [solutionId, lotId] = values.framework ? values.framework.split('/') : [];
  return solutionId && lotId ? { solutionId, lotId, callOffId: values.callOffId } : null;
}

function initialValues(file: File | null, today: string): Values {
  return {
    nature: file?.nature ?? 'supplies',
    amount: file?.estimatedAmountExclVat ?? '',
    launchDate: file?.launchDate ?? today,
    framework: file?.framework ? `${file.framework.solutionId}/${file.framework.lotId}` : '',
    callOffId: file?.framework?.callOffId ?? null,
    procedure: file?.procedure ?? null,
    dates: Object.fromEntries(
      (file?.steps ?? []).map((s) => [s.step, { plannedDate: s.plannedDate ?? '', actualDate: s.actualDate ?? '' }]),
    ),
    reference: file?.reference ?? '',
    vendorName: file?.vendorName ?? '',
    vendorNumber: file?.vendorEnterpriseNumber ?? '',
    award: file?.awardAmountExclVat ?? '',
  };
}

const toInput = (v: Values) => ({
  nature: v.nature,
  estimatedAmountExclVat: numberOf(v.amount),
  launchDate: v.launchDate,
  procedure: (v.procedure as ProcurementProcedure | null) ?? null,
  framework: frameworkOf(v),
  reference: textOrNull(v.reference),
  steps: datedSteps(stepsOf(v.procedure), v.dates),
  vendorName: textOrNull(v.vendorName),
  vendorEnterpriseNumber: textOrNull(v.vendorNumber),
  awardAmountExclVat: v.award === '' ? null : Number(v.award),
});

/** Where the file stands: procedure, estimate, next step, framework, award, and the problems its rules see. */
function FileSummary({ file }: { file: File }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={4} mb="sm">
      <Text size="sm">
        {t('implementation.procurement.summary', {
          procedure: file.procedure ? t(`implementation.procedures.${file.procedure}`) : '—',
          amount: euros(file.estimatedAmountExclVat, language),
          date: formatDate(file.launchDate, language),
        })}
      </Text>
      {file.nextStep ? (
        <Text size="sm">
          {t('implementation.procurement.nextStep', { step: stepLabel(t, file.nextStep, file.procedure) })}
        </Text>
      ) : null}
      {file.frameworkLabel ? (
        <Text size="sm">{t('implementation.procurement.frameworkChosen', { label: file.frameworkLabel })}</Text>
      ) : null}
      {file.vendorName ? (
        <Text size="sm">
          {t('implementation.procurement.awarded', {
            vendor: file.vendorName,
            amount: file.awardAmountExclVat === null ? '—' : euros(file.awardAmountExclVat, language),
          })}
        </Text>
      ) : null}
      {file.validation.problems.map((p) => (
        <Text key={p.code + p.messageFr} size="sm" c={p.severity === 'error' ? 'red.9' : 'orange.9'}>
          {p.messageFr}
        </Text>
      ))}
    </Stack>
  );
}

/** Nature, estimate, launch date and framework lot: what the procedures proposed depend on. */
function AdviceInputs(props: { form: Form; offers: { value: string; label: string }[]; onPropose: () => void }) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('implementation.procurement.nature')}
        data={PROCUREMENT_NATURES.map((n) => ({ value: n, label: t(`implementation.natures.${n}`) }))}
        allowDeselect={false}
        w={{ base: '100%', xs: 160 }}
        {...form.getInputProps('nature')}
      />
      <NumberInput
        label={t('implementation.procurement.amount')}
        min={0}
        thousandSeparator=" "
        w={{ base: '100%', xs: 200 }}
        required
        {...form.getInputProps('amount')}
      />
      <DateField
        label={t('implementation.procurement.launchDate')}
        w={{ base: '100%', xs: 170 }}
        required
        {...form.getInputProps('launchDate')}
      />
      <Select
        label={t('implementation.procurement.framework')}
        description={t('implementation.procurement.frameworkHelp')}
        data={props.offers}
        value={form.values.framework || null}
        onChange={(value) => form.setFieldValue('framework', value ?? '')}
        error={form.errors.framework}
        placeholder={t('implementation.procurement.frameworkNone')}
        nothingFoundMessage={t('implementation.procurement.frameworkEmpty')}
        searchable
        clearable
        w={{ base: '100%', sm: 360 }}
      />
      <Button variant="light" onClick={props.onPropose}>
        {t('implementation.procurement.propose')}
      </Button>
    </Group>
  );
}

/** The call-off the commune placed in the catalogue under the chosen lot (not cancelled), once placed. */
function CallOffSelect(props: { form: Form; communeNis: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const framework = frameworkOf(props.form.values);
  const callOffs = useCommuneCallOffs(props.communeNis, framework !== null);
  const options = (callOffs.data ?? [])
    .filter((c) => c.solutionId === framework?.solutionId && c.lotId === framework?.lotId)
    .map((c) => ({
      value: c.id,
      label: t('implementation.procurement.callOffOption', {
        date: formatDate(c.orderedAt.slice(0, 10), language),
        quantity: c.quantity,
        amount: euros(c.amount, language),
      }),
    }));
  return (
    <Select
      label={t('implementation.procurement.callOff')}
      description={t('implementation.procurement.callOffHelp')}
      data={options}
      nothingFoundMessage={t('implementation.procurement.callOffNone')}
      placeholder={options.length ? undefined : t('implementation.procurement.callOffNone')}
      clearable
      w={{ base: '100%', sm: 420 }}
      {...props.form.getInputProps('callOffId')}
    />
  );
}

/** The file's reference, the vendor and the amount awarded. */
function AwardInputs({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs">
      <TextInput label={t('implementation.procurement.reference')} {...form.getInputProps('reference')} />
      <TextInput label={t('implementation.procurement.vendor')} {...form.getInputProps('vendorName')} />
      <TextInput
        label={t('implementation.procurement.vendorNumber')}
        placeholder="0712.345.678"
        {...form.getInputProps('vendorNumber')}
      />
      <NumberInput
        label={t('implementation.procurement.award')}
        min={0}
        thousandSeparator=" "
        w={{ base: '100%', xs: 200 }}
        {...form.getInputProps('award')}
      />
    </Group>
  );
}

/** The procedure chosen: its steps and dates, the call-off for a framework order, and the award. */
function ChosenProcedure(props: { form: Form; state: ProjectFollowUp; procedure: string }) {
  const { t } = useTranslation();
  const { form, procedure } = props;
  return (
    <>
      <Text size="sm" fw={600}>
        {t('implementation.procurement.chosen', { procedure: t(`implementation.procedures.${procedure}`) })}
      </Text>
      <ProcurementStepsTable
        steps={stepsOf(procedure)}
        procedure={procedure}
        dates={form.values.dates}
        today={props.state.today}
        onChange={(dates) => form.setFieldValue('dates', dates)}
      />
      {procedure === 'framework-call-off' && frameworkOf(form.values) ? (
        <CallOffSelect form={form} communeNis={props.state.communeNis} />
      ) : null}
      <AwardInputs form={form} />
    </>
  );
}

function ProcurementForm({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSaveProcurement(state.id);
  const offers = useFrameworkOffers(true);
  const [advice, setAdvice] = useState<Advice | null>(null);
  const [adviceError, setAdviceError] = useState<unknown>(null);
  const { form, submit } = useSchemaForm({
    schema: ProcurementInput,
    initialValues: initialValues(state.procurement, state.today),
    toInput,
  });
  const { procedure, dates } = form.values;
  // A step is done today at the latest: said here before the server refuses it (and OCDS would publish it).
  const doneInFuture = stepsOf(procedure).find((step) => (dates[step]?.actualDate ?? '') > state.today);

  const propose = async () => {
    setAdviceError(null);
    const v = form.values;
    const framework = frameworkOf(v);
    try {
      setAdvice(
        await fetchProcedureAdvice(state.id, {
          nature: v.nature,
          estimatedAmountExclVat: numberOf(v.amount),
          launchDate: v.launchDate,
          ...(framework ? { frameworkSolutionId: framework.solutionId, frameworkLotId: framework.lotId } : {}),
        }),
      );
    } catch (error) {
      setAdviceError(error);
    }
  };
  const onSubmit = submit((input, callbacks) =>
    save.mutate(input, { ...callbacks, onSuccess: () => notify(t('implementation.procurement.saved')) }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrorSummary errors={form.errors} />
        <AdviceInputs form={form} offers={offers.data ?? []} onPropose={propose} />
        <ErrorAlert error={adviceError} />
        {advice ? (
          <ProcedureAdviceView
            advice={advice}
            procedure={procedure}
            onChoose={(chosen) => form.setFieldValue('procedure', chosen)}
          />
        ) : null}
        {procedure ? <ChosenProcedure form={form} state={state} procedure={procedure} /> : null}
        {doneInFuture ? (
          <Alert color="red" variant="light" role="alert">
            {t('implementation.procurement.doneInFuture', {
              step: stepLabel(t, doneInFuture, procedure),
              date: formatDate(dates[doneInFuture]!.actualDate, language),
              today: formatDate(state.today, language),
            })}
          </Alert>
        ) : null}
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={form.values.amount === '' || doneInFuture !== undefined}
          >
            {t('implementation.procurement.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The procurement file: nature, estimate and launch date give the procedures the Belgian thresholds allow on that
 * date, with their reasons; the chosen one sets the steps, dated as they happen; then the vendor and the award.
 */
export function ProcurementSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const file = state.procurement;
  const canEdit = state.permissions.procurement && state.started;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="procurement-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="procurement-heading">
          {t('implementation.procurement.title')}
        </Title>
        {file?.procedure ? (
          <Anchor underline="always" href={ocdsUrl(state.id)} download size="sm">
            {t('implementation.procurement.ocds')}
          </Anchor>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('implementation.procurement.help')}
      </Text>
      {file ? <FileSummary file={file} /> : null}
      {canEdit ? (
        <ProcurementForm state={state} />
      ) : !file ? (
        <Text size="sm">{t('implementation.procurement.none')}</Text>
      ) : null}
    </Paper>
  );
}
