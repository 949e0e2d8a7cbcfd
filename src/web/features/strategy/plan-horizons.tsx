import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Horizon, HorizonsInput } from '../../../domain/strategy/horizons.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSetHorizons } from './api.ts';
import { HORIZON_COLORS } from './labels.ts';

type HorizonValues = Omit<Horizon, 'budget' | 'valueFactor' | 'startYear' | 'endYear'> & {
  budget: number | string;
  valueFactor: number | string;
  startYear: number | string;
  endYear: number | string;
};
type Values = { horizons: HorizonValues[] };

const toInput = (values: Values) => ({
  horizons: values.horizons.map((h) => ({
    ...h,
    budget: numberOf(h.budget),
    valueFactor: numberOf(h.valueFactor),
    startYear: numberOf(h.startYear),
    endYear: numberOf(h.endYear),
  })),
});

/** The three horizons of the plan: the budget of each, its years, and what a project placed in it is worth. */
export function HorizonsEditor({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const save = useSetHorizons(state.missionId);
  const { form, submit } = useSchemaForm({
    schema: HorizonsInput,
    initialValues: { horizons: state.horizons.map((h) => ({ ...h })) } as Values,
    toInput,
  });
  const onSubmit = submit((input, callbacks) =>
    save.mutate(input.horizons, { ...callbacks, onSuccess: () => notify(t('strategy.horizonsEditor.saved')) }),
  );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="horizons-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="horizons-heading">
            {t('strategy.horizonsEditor.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('strategy.horizonsEditor.intro')}
          </Text>
          <ErrorAlert error={save.error} />
          <FormErrorSummary errors={form.errors} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {form.values.horizons.map((h, i) => (
              <HorizonCard key={h.key} form={form} index={i} edit={state.permissions.edit} />
            ))}
          </SimpleGrid>
          {state.permissions.edit ? (
            <Group>
              <Button type="submit" variant="light" loading={save.isPending}>
                {t('strategy.horizonsEditor.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

function HorizonCard({ form, index: i, edit }: { form: UseFormReturnType<Values>; index: number; edit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const key = form.values.horizons[i]!.key;
  const decimalSeparator = language === 'fr' ? ',' : '.';
  const field = (name: keyof HorizonValues) => form.getInputProps(`horizons.${i}.${name}`);
  return (
    <Stack
      gap="xs"
      p="sm"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderTop: `4px solid ${HORIZON_COLORS[key]}`,
        borderRadius: 4,
      }}
    >
      <Text fw={700}>{t(`strategy.horizons.${key}`)}</Text>
      <NumberInput
        label={t('strategy.horizonsEditor.budget', { horizon: t(`strategy.horizons.${key}`) })}
        min={0}
        step={10_000}
        thousandSeparator={language === 'fr' ? ' ' : ','}
        decimalSeparator={decimalSeparator}
        suffix=" €"
        allowNegative={false}
        {...field('budget')}
        disabled={!edit}
      />
      <Group grow>
        <NumberInput
          label={t('strategy.horizonsEditor.from')}
          min={2024}
          max={2036}
          {...field('startYear')}
          disabled={!edit}
        />
        <NumberInput
          label={t('strategy.horizonsEditor.to')}
          min={2024}
          max={2036}
          {...field('endYear')}
          disabled={!edit}
        />
      </Group>
      <NumberInput
        label={t('strategy.horizonsEditor.valueFactor')}
        description={t('strategy.horizonsEditor.valueFactorHelp')}
        min={0}
        max={1}
        step={0.05}
        decimalScale={2}
        decimalSeparator={decimalSeparator}
        {...field('valueFactor')}
        disabled={!edit}
      />
    </Stack>
  );
}
