import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';

/** The operational objectives a project can go under, grouped by their strategic objective (empty ones left out). */
export function objectiveOptions(state: StrategyState) {
  return state.objectives
    .filter((o) => o.kind === 'strategic')
    .map((goal) => ({
      group: `${goal.code} — ${goal.title}`,
      items: state.objectives
        .filter((o) => o.parentId === goal.id)
        .map((o) => ({ value: o.id, label: `${o.code} — ${o.title}` })),
    }))
    .filter((g) => g.items.length > 0);
}
