import { ActionIcon, Button, Group, MultiSelect, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import type { BalanceMeasure, PlanBalance } from '../../../domain/strategy/plan-balance.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useSwotItems } from './api.ts';

/** One row of the editor: a group (a dimension or a strategic objective), a measure and optional bounds in %. */
export type BalanceRow = { group: string; measure: BalanceMeasure; min: number | null; max: number | null };

export function rowsOf(balance: PlanBalance | undefined): BalanceRow[] {
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
export function balanceOf(rows: readonly BalanceRow[], swotItemIds: readonly string[]): PlanBalance {
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

type EditorProps = {
  state: StrategyState;
  rows: BalanceRow[];
  onRows(rows: BalanceRow[]): void;
  swotItemIds: string[];
  onSwotItemIds(ids: string[]): void;
};
type Groups = { group: string; items: { value: string; label: string }[] }[];

/** The groups a rule may bound: the Smart dimensions, then the strategic objectives of the PST if any. */
function useBalanceGroups(state: StrategyState): Groups {
  const { t } = useTranslation();
  const strategic = state.objectives.filter((o) => o.kind === 'strategic');
  return [
    {
      group: t('strategy.plan.balance.dimensionsGroup'),
      items: DIMENSIONS.map((d) => ({ value: `dimension:${d}`, label: t(`strategy.dimensions.${d}`) })),
    },
    ...(strategic.length > 0
      ? [
          {
            group: t('strategy.plan.balance.objectivesGroup'),
            items: strategic.map((o) => ({ value: `objective:${o.id}`, label: `${o.code} ${o.title}` })),
          },
        ]
      : []),
  ];
}

/**
 * The optional balance of the plan: a minimum and/or a maximum share of the budget or of the projects for a Smart
 * dimension or a strategic objective, and the high-priority SWOT items each answered by one project at least.
 */
export function BalanceEditor(props: EditorProps) {
  const { t } = useTranslation();
  const edit = props.state.permissions.edit;
  const groups = useBalanceGroups(props.state);
  return (
    <Stack gap="xs" data-testid="plan-balance">
      <Title order={3} size="h4">
        {t('strategy.plan.balance.title')}
      </Title>
      <Text c="dimmed" size="sm" maw={760}>
        {t('strategy.plan.balance.intro')}
      </Text>
      {props.rows.map((row, i) => (
        <BalanceRuleRow
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
          key={i}
          row={row}
          groups={groups}
          edit={edit}
          onChange={(patch) => props.onRows(props.rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))}
          onRemove={() => props.onRows(props.rows.filter((_, k) => k !== i))}
        />
      ))}
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
      <SwotCover state={props.state} value={props.swotItemIds} onChange={props.onSwotItemIds} />
    </Stack>
  );
}

const SHARE = { min: 0, max: 100, suffix: ' %', decimalScale: 0, allowNegative: false, w: 110 } as const;

function BalanceRuleRow(props: {
  row: BalanceRow;
  groups: Groups;
  edit: boolean;
  onChange(patch: Partial<BalanceRow>): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const { row, edit, onChange: set } = props;
  const label = props.groups.flatMap((g) => g.items).find((x) => x.value === row.group)?.label ?? '';
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="balance-row">
      <Select
        label={t('strategy.plan.balance.group')}
        data={props.groups}
        value={row.group || null}
        onChange={(v) => set({ group: v ?? '' })}
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
        onChange={(v) => set({ measure: (v as BalanceMeasure | null) ?? 'budget' })}
        allowDeselect={false}
        disabled={!edit}
        w={150}
      />
      <NumberInput
        label={t('strategy.plan.balance.min')}
        aria-label={t('strategy.plan.balance.minOf', { group: label })}
        {...SHARE}
        value={row.min ?? ''}
        onChange={(v) => set({ min: v === '' ? null : Number(v) })}
        disabled={!edit}
      />
      <NumberInput
        label={t('strategy.plan.balance.max')}
        aria-label={t('strategy.plan.balance.maxOf', { group: label })}
        {...SHARE}
        value={row.max ?? ''}
        onChange={(v) => set({ max: v === '' ? null : Number(v) })}
        disabled={!edit}
      />
      {edit ? (
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          mb={2}
          onClick={props.onRemove}
          aria-label={t('strategy.plan.balance.remove', { group: label || t('strategy.plan.balance.newRule') })}
        >
          ×
        </ActionIcon>
      ) : null}
    </Group>
  );
}

/** The high-priority SWOT items the plan must answer, one project at least for each. */
function SwotCover(props: { state: StrategyState; value: string[]; onChange(ids: string[]): void }) {
  const { state } = props;
  const { t } = useTranslation();
  const swot = useSwotItems(state.missionId);
  const swotItems = (swot.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${t(`strategy.plan.balance.swotKinds.${item.category}`)} — ${item.text}`,
  }));
  return (
    <MultiSelect
      label={t('strategy.plan.balance.swot')}
      description={
        swotItems.length === 0 && !swot.isPending
          ? t('strategy.plan.balance.swotNone')
          : t('strategy.plan.balance.swotHelp')
      }
      data={swotItems}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      disabled={!state.permissions.edit || swotItems.length === 0}
      maw={760}
      data-testid="balance-swot"
    />
  );
}
