import { Button, Group, NumberInput, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WeightsInput } from '../../../domain/strategy/criteria.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSetAhp, useSetWeights } from './api.ts';
import { decimal, percent } from './labels.ts';
import { ahpOf, PairwiseComparisons, type Triangle, triangleFromWeights } from './pairwise-comparisons.tsx';

/** The criteria's weights, from AHP pairwise comparisons or typed in directly. */
export function Weights({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<'ahp' | 'direct'>('ahp');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="weights-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="weights-heading">
              {t('strategy.weights.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={760}>
              {t('strategy.weights.intro')}
            </Text>
          </div>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'ahp' | 'direct')}
            data={[
              { value: 'ahp', label: t('strategy.weights.ahp') },
              { value: 'direct', label: t('strategy.weights.direct') },
            ]}
            aria-label={t('strategy.weights.mode')}
          />
        </Group>
        {state.ahp ? (
          <Text size="sm">
            {t('strategy.weights.lastAhp', { cr: decimal(state.ahp.result.consistencyRatio, language, 3) })}
          </Text>
        ) : null}
        {mode === 'ahp' ? <AhpWeights state={state} /> : <DirectWeights state={state} />}
      </Stack>
    </Paper>
  );
}

/** The pairwise comparisons of the criteria, applied as their weights. */
function AhpWeights({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const ids = state.criteria.map((c) => c.id);
  const saved =
    state.ahp && state.ahp.criterionIds.join() === ids.join() ? (state.ahp.upperTriangle as Triangle) : null;
  const [triangle, setTriangle] = useState<Triangle>(
    () => saved ?? triangleFromWeights(state.criteria.map((c) => c.normalisedWeight)),
  );
  const setAhp = useSetAhp(state.missionId);
  if (state.criteria.length < 2) return <Text c="dimmed">{t('strategy.weights.needTwo')}</Text>;
  return (
    <>
      <PairwiseComparisons
        names={state.criteria.map((c) => c.name)}
        triangle={triangle}
        onChange={setTriangle}
        disabled={!state.permissions.edit}
      />
      {state.permissions.edit ? (
        <Group>
          <ErrorAlert error={setAhp.error} />
          <Button
            loading={setAhp.isPending}
            disabled={!ahpOf(triangle)}
            onClick={() =>
              setAhp.mutate(
                { criterionIds: ids, upperTriangle: triangle, apply: true },
                { onSuccess: () => notify(t('strategy.weights.ahpApplied')) },
              )
            }
          >
            {t('strategy.weights.applyAhp')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}

type DirectValues = { weights: Record<string, number | string> };

/** A weight typed for each criterion, with the share it makes of the whole. */
function DirectWeights({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const setWeights = useSetWeights(state.missionId);
  const { form, submit } = useSchemaForm({
    schema: WeightsInput,
    initialValues: {
      weights: Object.fromEntries(state.criteria.map((c) => [c.id, Math.round(c.normalisedWeight * 1000) / 10])),
    } as DirectValues,
    toInput: (values: DirectValues) => ({
      weights: Object.fromEntries(state.criteria.map((c) => [c.id, numberOf(values.weights[c.id] ?? '')])),
    }),
  });
  const onSubmit = submit((input, callbacks) =>
    setWeights.mutate(input.weights, { ...callbacks, onSuccess: () => notify(t('strategy.weights.saved')) }),
  );
  const direct = form.values.weights;
  const total = Object.values(direct).reduce<number>((s, v) => s + (Number(v) || 0), 0);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs" maw={640}>
        <FormErrorSummary errors={form.errors} />
        {state.criteria.map((c) => {
          const share = total > 0 ? (Number(direct[c.id]) || 0) / total : 0;
          return (
            <Group key={c.id} wrap="nowrap" align="center">
              <NumberInput
                label={c.name}
                min={0}
                max={1000}
                step={1}
                w={260}
                {...form.getInputProps(`weights.${c.id}`)}
                disabled={!state.permissions.edit}
              />
              <Progress value={share * 100} w={200} mt={22} aria-hidden="true" />
              <Text size="sm" mt={22} w={70} ta="right">
                {percent(share, language)}
              </Text>
            </Group>
          );
        })}
        {state.permissions.edit ? (
          <Group>
            <ErrorAlert error={setWeights.error} />
            <Button type="submit" loading={setWeights.isPending} disabled={!(total > 0)}>
              {t('strategy.weights.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
