import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import type { BalanceMeasure, PlanBalance } from '../../../domain/strategy/plan-balance.ts';
import type { PlanResult, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSwotItems } from './api.ts';
import { percent, titlesOf } from './labels.ts';

/** One row of the editor: a group (a dimension or a strategic objective), a measure and optional bounds in %. */
type Row = { group: string; measure: BalanceMeasure; min: number | null; max: number | null };

export function rowsOf(balance: PlanBalance | undefined): Row[] {
  if (!balance) return [];
  return [
    ...balance.dimensions.map((d) => ({
      group: `dimension:${d.dimension}`,
      measure: d.measure,
      min: d.min ?? null,
      max: d.max ?? null,
    })),
    ...balance.objectives.map((o) => ({
      group: `objective:${o.objectiveId}`,
      measure: o.measure,
      min: o.min ?? null,
      max: o.max ?? null,
    })),
  ];
}

/** The balance the plan request sends: rows without a group or without any bound are left out. */
export function balanceOf(rows: readonly Row[], swotItemIds: readonly string[]): PlanBalance {
  const kept = rows.filter((r) => r.group && (r.min !== null || r.max !== null));
  return {
    dimensions: kept
      .filter((r) => r.group.startsWith('dimension:'))
      .map((r) => ({ dimension: r.group.slice(10) as Dimension, measure: r.measure, min: r.min, max: r.max })),
    objectives: kept
      .filter((r) => r.group.startsWith('objective:'))
      .map((r) => ({ objectiveId: r.group.slice(10), measure: r.measure, min: r.min, max: r.max })),
    swotItemIds: [...swotItemIds],
  };
}

/**
 * The optional balance of the plan: a minimum and/or a maximum share of the budget or of the projects for a Smart
 * dimension or a strategic objective, and the high-priority SWOT items each answered by one project at least.
 */
export function BalanceEditor(props: {
  state: StrategyState;
  rows: Row[];
  onRows(rows: Row[]): void;
  swotItemIds: string[];
  onSwotItemIds(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const swot = useSwotItems(props.state.missionId);
  const edit = props.state.permissions.edit;
  const groups = [
    {
      group: t('strategy.plan.balance.dimensionsGroup'),
      items: DIMENSIONS.map((d) => ({ value: `dimension:${d}`, label: t(`strategy.dimensions.${d}`) })),
    },
    ...(props.state.objectives.some((o) => o.kind === 'strategic')
      ? [
          {
            group: t('strategy.plan.balance.objectivesGroup'),
            items: props.state.objectives
              .filter((o) => o.kind === 'strategic')
              .map((o) => ({ value: `objective:${o.id}`, label: `${o.code} ${o.title}` })),
          },
        ]
      : []),
  ];
  const set = (i: number, patch: Partial<Row>) =>
    props.onRows(props.rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const share = {
    min: 0,
    max: 100,
    suffix: ' %',
    decimalScale: 0,
    allowNegative: false,
    w: 110,
  } as const;
  const swotItems = (swot.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${t(`strategy.plan.balance.swotKinds.${item.category}`)} — ${item.text}`,
  }));
  return (
    <Stack gap="xs" data-testid="plan-balance">
      <Title order={3} size="h4">
        {t('strategy.plan.balance.title')}
      </Title>
      <Text c="dimmed" size="sm" maw={760}>
        {t('strategy.plan.balance.intro')}
      </Text>
      {props.rows.map((row, i) => {
        const label = groups.flatMap((g) => g.items).find((x) => x.value === row.group)?.label ?? '';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
          <Group key={i} gap="xs" align="flex-end" wrap="wrap" data-testid="balance-row">
            <Select
              label={t('strategy.plan.balance.group')}
              data={groups}
              value={row.group || null}
              onChange={(v) => set(i, { group: v ?? '' })}
              allowDeselect={false}
              searchable
              disabled={!edit}
              w={{ base: '100%', sm: 260 }}
            />
            <Select
              label={t('strategy.plan.balance.measure')}
              data={(['budget', 'projects'] as const).map((m) => ({
                value: m,
                label: t(`strategy.plan.balance.measures.${m}`),
              }))}
              value={row.measure}
              onChange={(v) => set(i, { measure: (v as BalanceMeasure | null) ?? 'budget' })}
              allowDeselect={false}
              disabled={!edit}
              w={150}
            />
            <NumberInput
              label={t('strategy.plan.balance.min')}
              aria-label={t('strategy.plan.balance.minOf', { group: label })}
              {...share}
              value={row.min ?? ''}
              onChange={(v) => set(i, { min: v === '' ? null : Number(v) })}
              disabled={!edit}
            />
            <NumberInput
              label={t('strategy.plan.balance.max')}
              aria-label={t('strategy.plan.balance.maxOf', { group: label })}
              {...share}
              value={row.max ?? ''}
              onChange={(v) => set(i, { max: v === '' ? null : Number(v) })}
              disabled={!edit}
            />
            {edit ? (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                onClick={() => props.onRows(props.rows.filter((_, k) => k !== i))}
                aria-label={t('strategy.plan.balance.remove', { group: label || t('strategy.plan.balance.newRule') })}
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        );
      })}
      {edit ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => props.onRows([...props.rows, { group: '', measure: 'budget', min: null, max: null }])}
            data-testid="balance-add"
          >
            {t('strategy.plan.balance.add')}
          </Button>
        </Group>
      ) : null}
      <MultiSelect
        label={t('strategy.plan.balance.swot')}
        description={
          swotItems.length === 0 && !swot.isPending
            ? t('strategy.plan.balance.swotNone')
            : t('strategy.plan.balance.swotHelp')
        }
        data={swotItems}
        value={props.swotItemIds}
        onChange={props.onSwotItemIds}
        searchable
        clearable
        disabled={!edit || swotItems.length === 0}
        maw={760}
        data-testid="balance-swot"
      />
    </Stack>
  );
}

/** The plan against its balance rules: each group's share, its bounds, what it holds back; each SWOT item covered. */
export function BalanceReport({ state, result }: { state: StrategyState; result: PlanResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titles = titlesOf(state);
  const lines = result.balance ?? [];
  const cover = result.cover ?? [];
  // An impossible plan has no shares to show: the causes above say why.
  if (lines.length + cover.length === 0 || result.status === 'infeasible') return null;
  const bounds = (line: (typeof lines)[number]) =>
    [
      line.min !== null ? t('strategy.plan.balance.atLeast', { share: percent(line.min, language, 0) }) : null,
      line.max !== null ? t('strategy.plan.balance.atMost', { share: percent(line.max, language, 0) }) : null,
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-balance-heading">
      <Stack gap="sm" data-testid="plan-balance-report">
        <Title order={2} size="h3" id="plan-balance-heading">
          {t('strategy.plan.balance.reportTitle')}
        </Title>
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {lines.map((line) => (
            <li key={line.id} data-rule={line.id}>
              <Text size="sm" component="span">
                <strong>{line.label}</strong> :{' '}
                {line.share === null
                  ? t('strategy.plan.balance.emptyPlan')
                  : t('strategy.plan.balance.share', { share: percent(line.share, language) })}{' '}
                ({bounds(line)})
              </Text>
              {line.binds ? (
                <Badge color="orange" variant="light" ml={6} size="sm">
                  {t('strategy.plan.binds')}
                </Badge>
              ) : null}
              {line.holdsBack.length > 0 ? (
                <Text size="xs">
                  {t('strategy.plan.balance.holdsBack', {
                    list: line.holdsBack.map((id) => `« ${titles.get(id) ?? id} »`).join(', '),
                  })}
                </Text>
              ) : null}
            </li>
          ))}
          {cover.map((line) => (
            <li key={line.id} data-rule={line.id}>
              <Text size="sm">
                <strong>{line.label}</strong> :{' '}
                {line.placed.length > 0
                  ? t('strategy.plan.balance.coveredBy', {
                      list: line.placed.map((id) => `« ${titles.get(id) ?? id} »`).join(', '),
                    })
                  : t('strategy.plan.balance.notCovered')}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}
