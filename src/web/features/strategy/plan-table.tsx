import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HORIZON_KEYS, type HorizonKey } from '../../../domain/strategy/horizons.ts';
import type { PlanResult, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSetLocks } from './api.ts';
import { decimal, euros, HORIZON_COLORS } from './labels.ts';
import { usePlanWords } from './plan-words.ts';

type Project = StrategyState['projects'][number];
type Lock = (projectId: string, horizon: HorizonKey | null) => void;

/** Every project: its priority, its cost, where the optimal and the rank-order plans put it, its lock, and why. */
export function PlanTable({ state, result }: { state: StrategyState; result: PlanResult }) {
  const { t } = useTranslation();
  const { titles, horizonName } = usePlanWords(state);
  const setLocks = useSetLocks(state.missionId);
  const lock: Lock = (projectId, horizon) => {
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
  const rows = [
    ...state.projects.filter((p) => result.values[p.id] !== undefined),
    ...state.projects.filter((p) => result.values[p.id] === undefined),
  ];
  return (
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
            <PlanTableHead costs={Boolean(result.costs)} />
            <Table.Tbody>
              {rows.map((project) => (
                <PlanRow
                  key={project.id}
                  state={state}
                  result={result}
                  project={project}
                  lock={lock}
                  locking={setLocks.isPending}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function PlanTableHead({ costs }: { costs: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
        <Table.Th scope="col" style={{ textAlign: 'right' }}>
          {t('strategy.ranking.priority')}
        </Table.Th>
        <Table.Th scope="col" style={{ textAlign: 'right' }}>
          {costs ? t('strategy.plan.ownShare') : t('strategy.projects.fields.investmentCost')}
        </Table.Th>
        <Table.Th scope="col">{t('strategy.plan.optimal')}</Table.Th>
        <Table.Th scope="col">{t('strategy.plan.greedy')}</Table.Th>
        <Table.Th scope="col">{t('strategy.plan.lock')}</Table.Th>
        <Table.Th scope="col">{t('strategy.plan.why')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

function PlanRow(props: { state: StrategyState; result: PlanResult; project: Project; lock: Lock; locking: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, result, project } = props;
  const { horizonName, reasonText, outsideText } = usePlanWords(state);
  const horizon = result.placements.find((p) => p.projectId === project.id)?.horizon;
  const greedy = result.greedyPlacements.find((p) => p.projectId === project.id)?.horizon;
  const locked = state.locks.find((l) => l.projectId === project.id)?.horizon;
  const outside = result.outside.find((o) => o.projectId === project.id);
  const reasons = result.leftOut.find((l) => l.projectId === project.id)?.reasons;
  const value = result.values[project.id];
  return (
    <Table.Tr data-project={project.title}>
      <Table.Td fw={500}>{project.title}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{value === undefined ? '—' : decimal(value, language, 1)}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <CostCell result={result} project={project} />
      </Table.Td>
      <Table.Td>
        <PlacedIn horizon={horizon} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={greedy !== horizon ? undefined : 'dimmed'}>
          {greedy ? horizonName(greedy) : t('strategy.plan.out')}
        </Text>
      </Table.Td>
      <Table.Td>
        {project.status !== 'rejected' ? (
          <LockSelect
            project={project}
            locked={locked}
            onLock={props.lock}
            disabled={!state.permissions.edit || props.locking}
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
              : horizon && locked === horizon
                ? t('strategy.plan.lockedHere')
                : ''}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The commune's share (with the gross investment when funding lowers it), or the investment of an older plan. */
function CostCell({ result, project }: { result: PlanResult; project: Project }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cost = result.costs?.[project.id];
  if (!cost) return euros(project.investmentCost ?? 0, language);
  return (
    <>
      {euros(cost.ownShare, language)}
      {cost.funding > 0 ? (
        <Text size="xs" c="dimmed">
          {t('strategy.plan.ofInvestment', { investment: euros(cost.investment, language) })}
        </Text>
      ) : null}
    </>
  );
}

function PlacedIn({ horizon }: { horizon: HorizonKey | undefined }) {
  const { t } = useTranslation();
  const { horizonName } = usePlanWords({ projects: [] });
  if (!horizon) {
    return (
      <Text size="sm" c="dimmed">
        {t('strategy.plan.out')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <span
        aria-hidden="true"
        style={{ width: 10, height: 10, borderRadius: 2, background: HORIZON_COLORS[horizon] }}
      />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {horizonName(horizon)}
      </Text>
    </Group>
  );
}

function LockSelect(props: { project: Project; locked: HorizonKey | undefined; onLock: Lock; disabled: boolean }) {
  const { t } = useTranslation();
  const { horizonName } = usePlanWords({ projects: [] });
  const { project } = props;
  const earliest = project.earliestHorizon;
  const allowed = HORIZON_KEYS.filter((k) => !earliest || HORIZON_KEYS.indexOf(k) >= HORIZON_KEYS.indexOf(earliest));
  return (
    <Select
      aria-label={t('strategy.plan.lockLabel', { title: project.title })}
      data={[
        { value: '', label: t('strategy.plan.notLocked') },
        ...allowed.map((k) => ({ value: k, label: t('strategy.plan.lockIn', { horizon: horizonName(k) }) })),
      ]}
      value={props.locked ?? ''}
      onChange={(v) => props.onLock(project.id, (v || null) as HorizonKey | null)}
      allowDeselect={false}
      disabled={props.disabled}
      size="xs"
      w={170}
    />
  );
}
