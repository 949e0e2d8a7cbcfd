import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { FUNDING_BASES, type FundingBasis } from '../../../domain/strategy/funding.ts';
import { HORIZON_KEYS, type Horizon, type HorizonKey, hasNoBudget } from '../../../domain/strategy/horizons.ts';
import type { PlanResult, PlanRun, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useApprovePlan, usePlan, useRequestPlan, useSetHorizons, useSetLocks } from './api.ts';
import { decimal, euros, HORIZON_COLORS, percent, titlesOf } from './labels.ts';
import { BalanceEditor, BalanceReport, balanceOf, rowsOf } from './plan-balance.tsx';

/**
 * The multi-year plan: the horizons' budgets, the optimal plan computed in the background (HiGHS), its value against
 * the "fund in rank order" plan, what each budget line binds, why each project is out, and locks to fix a project in
 * a horizon before planning again.
 */
export default function PlanSection({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const plan = usePlan(state.missionId);
  const request = useRequestPlan(state.missionId);
  const run = plan.data?.run ?? null;
  const running = run?.status === 'running';
  const runBasis = run?.result?.fundingBasis;
  const [basis, setBasis] = useState<FundingBasis>(runBasis ?? 'requested');
  const runCarryOver = run?.result?.carryOver;
  const [carryOver, setCarryOver] = useState(runCarryOver ?? false);
  useEffect(() => {
    if (runCarryOver !== undefined) setCarryOver(runCarryOver);
  }, [runCarryOver]);
  // The balance asked last time, to edit and compute again.
  const runBalance = run?.result?.planBalance;
  const [balanceRows, setBalanceRows] = useState(() => rowsOf(runBalance));
  const [swotItemIds, setSwotItemIds] = useState<string[]>(() => runBalance?.swotItemIds ?? []);
  const runBalanceKey = JSON.stringify(runBalance ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the balance it was made from
  useEffect(() => {
    if (runBalance) {
      setBalanceRows(rowsOf(runBalance));
      setSwotItemIds(runBalance.swotItemIds);
    }
  }, [runBalanceKey]);
  // Follows the plan shown, so « recalculer » keeps the basis it was computed on unless the consultant changes it.
  useEffect(() => {
    if (runBasis) setBasis(runBasis);
  }, [runBasis]);
  // An optimal plan without money is empty: the budgets come first.
  const noBudget = hasNoBudget(state.horizons);

  return (
    <Stack gap="md">
      <HorizonsEditor state={state} />
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
              <Group align="flex-end" gap="sm">
                <Select
                  label={t('strategy.plan.fundingBasis')}
                  data={FUNDING_BASES.map((value) => ({ value, label: t(`strategy.plan.basis.${value}`) }))}
                  value={basis}
                  onChange={(v) => setBasis((v as FundingBasis | null) ?? 'requested')}
                  allowDeselect={false}
                  w={250}
                  data-testid="funding-basis"
                />
                <Switch
                  label={t('strategy.plan.carryOver')}
                  checked={carryOver}
                  onChange={(e) => setCarryOver(e.currentTarget.checked)}
                  data-testid="carry-over"
                  mb={8}
                />
                <Button
                  onClick={() =>
                    request.mutate({ fundingBasis: basis, carryOver, balance: balanceOf(balanceRows, swotItemIds) })
                  }
                  loading={request.isPending}
                  disabled={running || noBudget}
                  data-testid="run-plan"
                >
                  {run ? t('strategy.plan.rerun') : t('strategy.plan.run')}
                </Button>
              </Group>
            ) : null}
          </Group>
          <BalanceEditor
            state={state}
            rows={balanceRows}
            onRows={setBalanceRows}
            swotItemIds={swotItemIds}
            onSwotItemIds={setSwotItemIds}
          />
          {noBudget && state.permissions.edit ? (
            <Alert color="blue" variant="light" data-testid="plan-needs-budget">
              {t('strategy.plan.needsBudget')}
            </Alert>
          ) : null}
          <ErrorAlert error={request.error ?? plan.error} />
          {plan.isPending ? <BlockSkeleton /> : null}
          {run && plan.data?.stale && !running ? (
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
          {!run && !plan.isPending ? <Text c="dimmed">{t('strategy.plan.none')}</Text> : null}
        </Stack>
      </Paper>
      {run?.status === 'done' && run.result ? (
        <PlanView state={state} run={run} result={run.result} stale={plan.data?.stale ?? false} />
      ) : null}
    </Stack>
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

function HorizonsEditor({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSetHorizons(state.missionId);
  const [rows, setRows] = useState<Horizon[]>(() => state.horizons.map((h) => ({ ...h })));
  const edit = state.permissions.edit;
  const set = (i: number, patch: Partial<Horizon>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const money = {
    min: 0,
    step: 10_000,
    thousandSeparator: language === 'fr' ? ' ' : ',',
    decimalSeparator: language === 'fr' ? ',' : '.',
    suffix: ' €',
    allowNegative: false,
  } as const;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="horizons-heading">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(rows, { onSuccess: () => notify(t('strategy.horizonsEditor.saved')) });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="horizons-heading">
            {t('strategy.horizonsEditor.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('strategy.horizonsEditor.intro')}
          </Text>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {rows.map((h, i) => (
              <Stack
                key={h.key}
                gap="xs"
                p="sm"
                style={{
                  border: '1px solid var(--mantine-color-gray-3)',
                  borderTop: `4px solid ${HORIZON_COLORS[h.key]}`,
                  borderRadius: 4,
                }}
              >
                <Text fw={700}>{t(`strategy.horizons.${h.key}`)}</Text>
                <NumberInput
                  label={t('strategy.horizonsEditor.budget', { horizon: t(`strategy.horizons.${h.key}`) })}
                  {...money}
                  value={h.budget}
                  onChange={(v) => set(i, { budget: Number(v) || 0 })}
                  disabled={!edit}
                />
                <Group grow>
                  <NumberInput
                    label={t('strategy.horizonsEditor.from')}
                    min={2024}
                    max={2036}
                    value={h.startYear}
                    onChange={(v) => set(i, { startYear: Number(v) || h.startYear })}
                    disabled={!edit}
                  />
                  <NumberInput
                    label={t('strategy.horizonsEditor.to')}
                    min={2024}
                    max={2036}
                    value={h.endYear}
                    onChange={(v) => set(i, { endYear: Number(v) || h.endYear })}
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
                  decimalSeparator={language === 'fr' ? ',' : '.'}
                  value={h.valueFactor}
                  onChange={(v) => set(i, { valueFactor: Number(v) || 0 })}
                  disabled={!edit}
                />
              </Stack>
            ))}
          </SimpleGrid>
          {edit ? (
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

function PlanView({
  state,
  run,
  result,
  stale,
}: {
  state: StrategyState;
  run: PlanRun;
  result: PlanResult;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titles = titlesOf(state);
  const setLocks = useSetLocks(state.missionId);
  const approve = useApprovePlan(state.missionId);
  const projectOf = new Map(state.projects.map((p) => [p.id, p]));
  const placed = new Map(result.placements.map((p) => [p.projectId, p.horizon]));
  const greedy = new Map(result.greedyPlacements.map((p) => [p.projectId, p.horizon]));
  const locks = new Map(state.locks.map((l) => [l.projectId, l.horizon]));
  const leftOut = new Map(result.leftOut.map((l) => [l.projectId, l.reasons]));
  const horizonName = (key: string) => t(`strategy.horizons.${key}`, { defaultValue: key });
  const gain =
    result.objective !== null && result.greedyObjective > 0
      ? (result.objective - result.greedyObjective) / result.greedyObjective
      : null;

  const lock = (projectId: string, horizon: HorizonKey | null) => {
    const next = state.locks.filter((l) => l.projectId !== projectId);
    if (horizon) next.push({ projectId, horizon });
    setLocks.mutate(next, {
      onSuccess: () =>
        notify(
          horizon
            ? t('strategy.plan.locked', { title: titles.get(projectId), horizon: horizonName(horizon) })
            : t('strategy.plan.unlocked', { title: titles.get(projectId) }),
        ),
    });
  };

  const reasonText = (reason: PlanResult['leftOut'][number]['reasons'][number]) => {
    switch (reason.code) {
      case 'EXCLUDED_BY':
        return t('strategy.plan.reasons.EXCLUDED_BY', { title: titles.get(reason.by ?? '') ?? reason.by });
      case 'REQUIRES_LEFT_OUT':
        return t('strategy.plan.reasons.REQUIRES_LEFT_OUT', {
          title: titles.get(reason.requires ?? '') ?? reason.requires,
        });
      case 'DOES_NOT_FIT':
        return t('strategy.plan.reasons.DOES_NOT_FIT', {
          cost: euros(reason.cost ?? 0, language),
          remaining: (reason.remaining ?? [])
            .map((r) => `${horizonName(r.horizon)} ${euros(r.amount, language)}`)
            .join(', '),
        });
      case 'NO_VALUE':
        return t('strategy.plan.reasons.NO_VALUE');
      case 'HELD_BY_BALANCE':
        return t(`strategy.plan.reasons.HELD_BY_BALANCE_${reason.bound === 'min' ? 'MIN' : 'MAX'}`, {
          group: reason.label ?? reason.rule,
          limit: percent(reason.limit ?? 0, language, 0),
        });
      case 'FITS':
        return t('strategy.plan.reasons.FITS', { horizon: horizonName(reason.horizon ?? '') });
    }
  };
  const outsideText = (o: PlanResult['outside'][number]) =>
    o.reason === 'REQUIRES_OUTSIDE'
      ? t('strategy.plan.outside.REQUIRES_OUTSIDE', { title: titles.get(o.requires ?? '') ?? o.requires })
      : t(`strategy.plan.outside.${o.reason}`);

  /** The projects left out for want of money that this horizon could have taken: what its budget line binds. */
  const blockedBy = (horizon: string) =>
    result.leftOut.flatMap((l) =>
      l.reasons
        .filter((r) => r.code === 'DOES_NOT_FIT' && (r.remaining ?? []).some((x) => x.horizon === horizon))
        .map((r) => ({ projectId: l.projectId, cost: r.cost ?? 0 })),
    );

  const rows = [
    ...state.projects.filter((p) => result.values[p.id] !== undefined),
    ...state.projects.filter((p) => result.values[p.id] === undefined),
  ];

  return (
    <>
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
            <Alert color="red" title={t('strategy.plan.infeasibleTitle')} data-testid="plan-infeasible">
              <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                {result.infeasibility.causes.map((cause, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: causes have no identity
                  <li key={i}>
                    {t(`strategy.plan.infeasible.${String(cause.code)}`, {
                      title: titles.get(String(cause.project ?? cause.first ?? '')) ?? cause.project,
                      other: titles.get(String(cause.second ?? cause.requires ?? '')) ?? '',
                      horizon: horizonName(String(cause.horizon ?? '')),
                      cost: euros(Number(cause.cost ?? 0), language),
                      budget: euros(Number(cause.budget ?? cause.largestBudget ?? 0), language),
                      label: String(cause.label ?? ''),
                      share: percent(Number(cause.share ?? 0), language, 0),
                      limit: percent(Number(cause.max ?? cause.min ?? 0), language, 0),
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
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
          {result.status !== 'infeasible' ? (
            <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="plan-budgets">
              {result.budgets.map((line) => {
                const inHorizon = result.placements.filter((p) => p.horizon === line.horizon);
                return (
                  <Stack
                    key={line.horizon}
                    gap={6}
                    p="sm"
                    style={{
                      border: '1px solid var(--mantine-color-gray-3)',
                      borderTop: `4px solid ${HORIZON_COLORS[line.horizon]}`,
                      borderRadius: 4,
                    }}
                    aria-label={horizonName(line.horizon)}
                  >
                    <Group justify="space-between">
                      <Text fw={700}>{horizonName(line.horizon)}</Text>
                      {line.binds ? (
                        <Badge color="orange" variant="light">
                          {t('strategy.plan.binds')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm">
                      {t(line.investment === undefined ? 'strategy.plan.used' : 'strategy.plan.usedOwnShare', {
                        used: euros(line.used, language),
                        budget: euros(line.budget, language),
                      })}
                    </Text>
                    {line.investment !== undefined && (line.funding ?? 0) > 0 ? (
                      <Text size="xs" c="dimmed" data-testid="budget-funding">
                        {t('strategy.plan.grossAndFunding', {
                          investment: euros(line.investment, language),
                          funding: euros(line.funding ?? 0, language),
                        })}
                      </Text>
                    ) : null}
                    <Progress
                      value={line.budget > 0 ? Math.min(100, (line.used / line.budget) * 100) : 0}
                      color={line.binds ? 'orange' : 'rural'}
                      aria-label={t('strategy.plan.usedShort', { horizon: horizonName(line.horizon) })}
                    />
                    <Text size="xs" c="dimmed">
                      {t('strategy.plan.runningCosts', { amount: euros(line.runningPerYear, language) })}
                    </Text>
                    {blockedBy(line.horizon).length > 0 ? (
                      <Text size="xs">
                        {t('strategy.plan.blocks', {
                          list: blockedBy(line.horizon)
                            .map((b) => `${titles.get(b.projectId) ?? b.projectId} (${euros(b.cost, language)})`)
                            .join(', '),
                        })}
                      </Text>
                    ) : null}
                    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                      {inHorizon.map((p) => (
                        <li key={p.projectId}>
                          <Text size="sm">
                            {titles.get(p.projectId)}
                            {locks.get(p.projectId) === line.horizon ? (
                              <Badge size="xs" ml={6} variant="outline" color="gray">
                                {t('strategy.plan.lockedBadge')}
                              </Badge>
                            ) : null}
                          </Text>
                        </li>
                      ))}
                      {inHorizon.length === 0 ? (
                        <li>
                          <Text size="sm" c="dimmed">
                            {t('strategy.plan.emptyHorizon')}
                          </Text>
                        </li>
                      ) : null}
                    </ul>
                  </Stack>
                );
              })}
            </SimpleGrid>
          ) : null}
        </Stack>
      </Paper>
      <BalanceReport state={state} result={result} />
      {result.comparison && result.fundingBasis ? <FundingComparison state={state} result={result} /> : null}
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-table-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="plan-table-heading">
            {t('strategy.plan.tableTitle')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('strategy.plan.tableIntro')}
          </Text>
          <ErrorAlert error={setLocks.error} />
          <Table.ScrollContainer minWidth={980}>
            <Table striped data-testid="plan-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('strategy.ranking.priority')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {result.costs ? t('strategy.plan.ownShare') : t('strategy.projects.fields.investmentCost')}
                  </Table.Th>
                  <Table.Th scope="col">{t('strategy.plan.optimal')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.plan.greedy')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.plan.lock')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.plan.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((project) => {
                  const horizon = placed.get(project.id);
                  const outside = result.outside.find((o) => o.projectId === project.id);
                  const reasons = leftOut.get(project.id);
                  const lockable = project.status !== 'rejected';
                  return (
                    <Table.Tr key={project.id} data-project={project.title}>
                      <Table.Td fw={500}>{project.title}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {result.values[project.id] === undefined
                          ? '—'
                          : decimal(result.values[project.id]!, language, 1)}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {result.costs?.[project.id] ? (
                          <>
                            {euros(result.costs[project.id]!.ownShare, language)}
                            {result.costs[project.id]!.funding > 0 ? (
                              <Text size="xs" c="dimmed">
                                {t('strategy.plan.ofInvestment', {
                                  investment: euros(result.costs[project.id]!.investment, language),
                                })}
                              </Text>
                            ) : null}
                          </>
                        ) : (
                          euros(projectOf.get(project.id)?.investmentCost ?? 0, language)
                        )}
                      </Table.Td>
                      <Table.Td>
                        {horizon ? (
                          <Group gap={6} wrap="nowrap">
                            <span
                              aria-hidden="true"
                              style={{ width: 10, height: 10, borderRadius: 2, background: HORIZON_COLORS[horizon] }}
                            />
                            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                              {horizonName(horizon)}
                            </Text>
                          </Group>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('strategy.plan.out')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={greedy.get(project.id) !== horizon ? undefined : 'dimmed'}>
                          {greedy.has(project.id) ? horizonName(greedy.get(project.id)!) : t('strategy.plan.out')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {lockable ? (
                          <Select
                            aria-label={t('strategy.plan.lockLabel', { title: project.title })}
                            data={[
                              { value: '', label: t('strategy.plan.notLocked') },
                              ...HORIZON_KEYS.filter(
                                (k) =>
                                  !project.earliestHorizon ||
                                  HORIZON_KEYS.indexOf(k) >= HORIZON_KEYS.indexOf(project.earliestHorizon),
                              ).map((k) => ({
                                value: k,
                                label: t('strategy.plan.lockIn', { horizon: horizonName(k) }),
                              })),
                            ]}
                            value={locks.get(project.id) ?? ''}
                            onChange={(v) => lock(project.id, (v || null) as HorizonKey | null)}
                            allowDeselect={false}
                            disabled={!state.permissions.edit || setLocks.isPending}
                            size="xs"
                            w={170}
                          />
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {outside
                            ? outsideText(outside)
                            : reasons
                              ? reasons.map(reasonText).join(' ; ')
                              : horizon && locks.get(project.id) === horizon
                                ? t('strategy.plan.lockedHere')
                                : ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>
    </>
  );
}

/**
 * The plan on both funding bases side by side: what each horizon's budget pays, the value, and the projects that
 * are in one plan and not the other. Bars, because the consultant and the college compare the two at a glance.
 */
function FundingComparison({ state, result }: { state: StrategyState; result: PlanResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titles = titlesOf(state);
  const other = result.comparison!;
  const plans = [
    {
      basis: result.fundingBasis!,
      objective: result.objective,
      placements: result.placements,
      budgets: result.budgets,
    },
    { basis: other.fundingBasis, objective: other.objective, placements: other.placements, budgets: other.budgets },
  ].sort((a, b) => (a.basis === 'requested' ? -1 : 1) - (b.basis === 'requested' ? -1 : 1));
  const [requested, granted] = plans as [(typeof plans)[number], (typeof plans)[number]];
  const inRequested = new Set(requested.placements.map((p) => p.projectId));
  const inGranted = new Set(granted.placements.map((p) => p.projectId));
  const onlyRequested = [...inRequested].filter((id) => !inGranted.has(id));
  const onlyGranted = [...inGranted].filter((id) => !inRequested.has(id));
  const horizonName = (key: string) => t(`strategy.horizons.${key}`, { defaultValue: key });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="funding-comparison-heading">
      <Stack gap="sm" data-testid="funding-comparison">
        <Title order={2} size="h3" id="funding-comparison-heading">
          {t('strategy.plan.comparison.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('strategy.plan.comparison.intro', { basis: t(`strategy.plan.basis.${result.fundingBasis}`) })}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {plans.map((plan) => (
            <Stack key={plan.basis} gap={6} data-basis={plan.basis}>
              <Text fw={700}>{t(`strategy.plan.comparison.${plan.basis}`)}</Text>
              <Text size="sm">
                {t('strategy.plan.comparison.summary', {
                  count: plan.placements.length,
                  value: decimal(plan.objective ?? 0, language, 1),
                })}
              </Text>
              {plan.budgets.map((line) => (
                <div key={line.horizon}>
                  <Text size="xs">
                    {horizonName(line.horizon)} :{' '}
                    {t('strategy.plan.used', {
                      used: euros(line.used, language),
                      budget: euros(line.budget, language),
                    })}
                  </Text>
                  <Progress
                    value={line.budget > 0 ? Math.min(100, (line.used / line.budget) * 100) : 0}
                    color={HORIZON_COLORS[line.horizon]}
                    aria-label={`${t(`strategy.plan.comparison.${plan.basis}`)} — ${horizonName(line.horizon)}`}
                  />
                </div>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
        {onlyRequested.length + onlyGranted.length === 0 ? (
          <Text size="sm">{t('strategy.plan.comparison.same')}</Text>
        ) : (
          <Stack gap={2}>
            {onlyRequested.length > 0 ? (
              <Text size="sm">
                {t('strategy.plan.comparison.onlyRequested', {
                  list: onlyRequested.map((id) => `« ${titles.get(id) ?? id} »`).join(', '),
                })}
              </Text>
            ) : null}
            {onlyGranted.length > 0 ? (
              <Text size="sm">
                {t('strategy.plan.comparison.onlyGranted', {
                  list: onlyGranted.map((id) => `« ${titles.get(id) ?? id} »`).join(', '),
                })}
              </Text>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Paper>
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
