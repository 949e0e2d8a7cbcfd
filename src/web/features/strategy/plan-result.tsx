import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../domain/shared/format.ts';
import type { PlanResult, PlanRun, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useApprovePlan } from './api.ts';
import { decimal, percent } from './labels.ts';
import { BalanceReport } from './plan-balance-report.tsx';
import { PlanBudgets } from './plan-budgets.tsx';
import { FundingComparison } from './plan-funding-comparison.tsx';
import { PlanTable } from './plan-table.tsx';
import { usePlanWords } from './plan-words.ts';

type Props = { state: StrategyState; run: PlanRun; result: PlanResult; stale: boolean };

/**
 * A computed plan: its value against the "fund in rank order" plan, what each budget line binds, the balance it
 * keeps, the plan on the other funding basis, and every project with why it is in or out.
 */
export function PlanView(props: Props) {
  return (
    <>
      <PlanSummary {...props} />
      <BalanceReport state={props.state} result={props.result} />
      {props.result.comparison && props.result.fundingBasis ? (
        <FundingComparison state={props.state} result={props.result} />
      ) : null}
      <PlanTable state={props.state} result={props.result} />
    </>
  );
}

function PlanSummary({ state, run, result, stale }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const approve = useApprovePlan(state.missionId);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-result-heading">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={2} size="h3" id="plan-result-heading">
            {t('strategy.plan.resultTitle')}
          </Title>
          <Badge
            color={result.status === 'optimal' ? 'green' : result.status === 'time_limit' ? 'yellow' : 'red'}
            variant="light"
          >
            {t(`strategy.plan.status.${result.status}`)}
          </Badge>
        </Group>
        {result.carryOver ? (
          <Text size="sm" data-testid="plan-carry-over">
            {t('strategy.plan.carryOverOn')}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('strategy.plan.computed', {
            at: formatDateTime(run.finishedAt ?? run.startedAt, language),
            by: run.requestedBy ?? '—',
            locks: run.locks.length,
          })}
        </Text>
        {result.status === 'infeasible' && result.infeasibility ? (
          <Infeasible state={state} result={result} />
        ) : (
          <PlanValue result={result} />
        )}
        <ApprovePlan
          state={state}
          placed={result.placements.map((p) => p.projectId)}
          stale={stale}
          approve={() =>
            approve.mutate(undefined, {
              onSuccess: () => notify(t('strategy.plan.approved', { count: result.placements.length })),
            })
          }
          pending={approve.isPending}
        />
        <ErrorAlert error={approve.error} />
        {result.status !== 'infeasible' ? <PlanBudgets state={state} result={result} /> : null}
      </Stack>
    </Paper>
  );
}

/** Why no plan keeps every constraint. */
function Infeasible({ state, result }: { state: StrategyState; result: PlanResult }) {
  const { t } = useTranslation();
  const { causeText } = usePlanWords(state);
  return (
    <Alert color="red" title={t('strategy.plan.infeasibleTitle')} data-testid="plan-infeasible">
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {(result.infeasibility?.causes ?? []).map((cause, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: causes have no identity
          <li key={i}>{causeText(cause)}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** The plan's value against the rank-order plan's, and the gain. */
function PlanValue({ result }: { result: PlanResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const gain =
    result.objective !== null && result.greedyObjective > 0
      ? (result.objective - result.greedyObjective) / result.greedyObjective
      : null;
  return (
    <Text data-testid="plan-value">
      {t('strategy.plan.value', {
        value: decimal(result.objective ?? 0, language, 1),
        greedy: decimal(result.greedyObjective, language, 1),
      })}{' '}
      {gain !== null && gain > 1e-9 ? (
        <strong>{t('strategy.plan.gain', { gain: percent(gain, language) })}</strong>
      ) : (
        t('strategy.plan.sameAsGreedy')
      )}
    </Text>
  );
}

/**
 * The plan's projects approved in one click: they become the projects the mission's implementation follows. Says
 * how many are approved already, and why the button waits (a plan older than the data).
 */
function ApprovePlan(props: {
  state: StrategyState;
  placed: string[];
  stale: boolean;
  approve(): void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  if (props.placed.length === 0) return null;
  const status = new Map(props.state.projects.map((p) => [p.id, p.status]));
  const approved = props.placed.filter((id) => status.get(id) === 'approved').length;
  const all = approved === props.placed.length;
  return (
    <Group gap="sm" data-testid="plan-approval">
      <Text size="sm">{t('strategy.plan.approvedCount', { count: approved, total: props.placed.length })}</Text>
      {props.state.permissions.edit && !all ? (
        <Button size="compact-md" onClick={props.approve} loading={props.pending} disabled={props.stale}>
          {t('strategy.plan.approve', { count: props.placed.length })}
        </Button>
      ) : null}
      {props.stale && !all ? (
        <Text size="sm" c="dimmed">
          {t('strategy.plan.approveStale')}
        </Text>
      ) : null}
    </Group>
  );
}
