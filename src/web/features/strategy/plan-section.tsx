import { Alert, Button, Group, Paper, Progress, Select, Stack, Switch, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNDING_BASES, type FundingBasis } from '../../../domain/strategy/funding.ts';
import { hasNoBudget } from '../../../domain/strategy/horizons.ts';
import type { PlanRun, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { usePlan, useRequestPlan } from './api.ts';
import { BalanceEditor } from './plan-balance.tsx';
import { HorizonsEditor } from './plan-horizons.tsx';
import { type PlanRequestValues, planRequestOf, usePlanRequestForm } from './plan-request-form.ts';
import { PlanView } from './plan-result.tsx';

/**
 * The multi-year plan: the horizons' budgets, the optimal plan computed in the background (HiGHS), its value against
 * the "fund in rank order" plan, what each budget line binds, why each project is out, and locks to fix a project in
 * a horizon before planning again.
 */
export default function PlanSection({ state }: { state: StrategyState }) {
  const plan = usePlan(state.missionId);
  const run = plan.data?.run ?? null;
  return (
    <Stack gap="md">
      <HorizonsEditor state={state} />
      <PlanRequestPanel state={state} plan={plan} />
      {run?.status === 'done' && run.result ? (
        <PlanView state={state} run={run} result={run.result} stale={plan.data?.stale ?? false} />
      ) : null}
    </Stack>
  );
}

/** The plan's options (funding basis, carry-over, balance), the button that computes it, and where its run stands. */
function PlanRequestPanel({ state, plan }: { state: StrategyState; plan: ReturnType<typeof usePlan> }) {
  const { t } = useTranslation();
  const request = useRequestPlan(state.missionId);
  const run = plan.data?.run ?? null;
  const running = run?.status === 'running';
  const { form } = usePlanRequestForm(run?.result);
  // An optimal plan without money is empty: the budgets come first.
  const noBudget = hasNoBudget(state.horizons);
  const compute = form.onSubmit((values) => request.mutate(planRequestOf(values)));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="plan-heading">
              {t('strategy.plan.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={760}>
              {t('strategy.plan.intro')}
            </Text>
          </div>
          {state.permissions.edit ? (
            <PlanControls
              form={form}
              onCompute={() => compute()}
              computing={request.isPending}
              disabled={running || noBudget}
              again={Boolean(run)}
            />
          ) : null}
        </Group>
        <BalanceEditor
          state={state}
          rows={form.values.rows}
          onRows={(rows) => form.setFieldValue('rows', rows)}
          swotItemIds={form.values.swotItemIds}
          onSwotItemIds={(ids) => form.setFieldValue('swotItemIds', ids)}
        />
        <FormErrorSummary errors={form.errors} />
        {noBudget && state.permissions.edit ? (
          <Alert color="blue" variant="light" data-testid="plan-needs-budget">
            {t('strategy.plan.needsBudget')}
          </Alert>
        ) : null}
        <ErrorAlert error={request.error ?? plan.error} />
        {plan.isPending ? <BlockSkeleton /> : null}
        <RunState run={run} stale={plan.data?.stale ?? false} pending={plan.isPending} />
      </Stack>
    </Paper>
  );
}

function PlanControls(props: {
  form: UseFormReturnType<PlanRequestValues>;
  onCompute(): void;
  computing: boolean;
  disabled: boolean;
  again: boolean;
}) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t('strategy.plan.fundingBasis')}
        data={FUNDING_BASES.map((value) => ({ value, label: t(`strategy.plan.basis.${value}`) }))}
        value={form.values.fundingBasis}
        onChange={(v) => form.setFieldValue('fundingBasis', (v as FundingBasis | null) ?? 'requested')}
        allowDeselect={false}
        w={250}
        data-testid="funding-basis"
      />
      <Switch
        label={t('strategy.plan.carryOver')}
        checked={form.values.carryOver}
        onChange={(e) => form.setFieldValue('carryOver', e.currentTarget.checked)}
        data-testid="carry-over"
        mb={8}
      />
      <Button onClick={props.onCompute} loading={props.computing} disabled={props.disabled} data-testid="run-plan">
        {props.again ? t('strategy.plan.rerun') : t('strategy.plan.run')}
      </Button>
    </Group>
  );
}

/** Where the last run stands: older than the data, running, failed, or none yet. */
function RunState({ run, stale, pending }: { run: PlanRun | null; stale: boolean; pending: boolean }) {
  const { t } = useTranslation();
  const running = run?.status === 'running';
  return (
    <>
      {run && stale && !running ? (
        <Alert color="yellow" variant="light" data-testid="plan-stale">
          {t('strategy.plan.stale')}
        </Alert>
      ) : null}
      {running && run ? <Running run={run} /> : null}
      {run?.status === 'failed' ? (
        <Alert color="red" title={t('strategy.plan.failed')}>
          {run.error?.message}
        </Alert>
      ) : null}
      {!run && !pending ? <Text c="dimmed">{t('strategy.plan.none')}</Text> : null}
    </>
  );
}

/** "Calcul en cours…" with the time spent against the time limit, announced to screen readers. */
function Running({ run }: { run: PlanRun }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, (now - new Date(run.startedAt).getTime()) / 1000);
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="plan-running">
      <Text size="sm" fw={500}>
        {run.step === 'queued'
          ? t('strategy.plan.queued')
          : run.step === 'retry'
            ? t('strategy.plan.retrying')
            : t('strategy.plan.running', { limit: run.timeLimitSeconds })}
      </Text>
      <Progress
        value={Math.max((run.progress ?? 0) * 100, Math.min(90, (elapsed / run.timeLimitSeconds) * 100))}
        animated
        aria-label={t('strategy.plan.progress')}
      />
    </Stack>
  );
}
