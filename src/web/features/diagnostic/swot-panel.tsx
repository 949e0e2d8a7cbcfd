import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dropSwotItem, SWOT_CATEGORIES, type SwotCategory, type SwotItem } from '../../../domain/diagnostic/swot.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useSwot, useSwotMutations } from './api.ts';
import { SpecificitiesSection } from './specificities-section.tsx';
import { GapSuggestions } from './swot-gap-suggestions.tsx';
import { CATEGORY_COLOURS, ItemCard, useInterviewOptions } from './swot-item.tsx';
import { AddItemForm, EditItemModal } from './swot-item-form.tsx';
import { MergeItemsModal, RemoveItemModal } from './swot-modals.tsx';

type Mutations = ReturnType<typeof useSwotMutations>;

/** Reordering: ↑/↓ (the keyboard stays on the moved item) and native drag and drop within one category. */
function useReorder(items: SwotItem[], mutations: Mutations) {
  const [dragging, setDragging] = useState<{ id: string; category: SwotCategory } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const move = (category: SwotCategory, id: string, step: -1 | 1) => {
    const ids = items.filter((i) => i.category === category).map((i) => i.id);
    const at = ids.indexOf(id);
    const to = at + step;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    const focus = () =>
      requestAnimationFrame(() =>
        (
          document.querySelector<HTMLButtonElement>(`[data-swot-item="${id}"] [data-move="${step}"]:not(:disabled)`) ??
          document.querySelector<HTMLButtonElement>(`[data-swot-item="${id}"] [data-move="${-step}"]`)
        )?.focus(),
      );
    mutations.reorder.mutate({ category, itemIds: ids }, { onSuccess: focus });
  };
  const end = () => {
    setDragging(null);
    setOver(null);
  };
  const dragOf = (item: SwotItem) => ({
    dragging: dragging?.id ?? null,
    over: over === item.id && dragging !== null && dragging.id !== item.id,
    start: () => setDragging({ id: item.id, category: item.category }),
    // Items of another category are not drop targets: a drag reorders one category.
    enter: () => setOver(dragging?.category === item.category ? item.id : null),
    drop: () => {
      if (dragging && dragging.category === item.category && dragging.id !== item.id) {
        const ids = items.filter((i) => i.category === item.category).map((i) => i.id);
        mutations.reorder.mutate({ category: item.category, itemIds: dropSwotItem(ids, dragging.id, item.id) });
      }
      end();
    },
    end,
  });
  return { move, dragOf };
}

type ColumnProps = {
  category: SwotCategory;
  items: SwotItem[];
  canEdit: boolean;
  selected: string[];
  setSelected(update: (s: string[]) => string[]): void;
  reorder: ReturnType<typeof useReorder>;
  interviewLabel(id: string): string;
  onMerge(merging: { ids: string[]; text: string }): void;
  onEdit(item: SwotItem): void;
  onDelete(item: SwotItem): void;
  onProjectSheet(item: SwotItem): void;
};

function CategoryColumn(props: ColumnProps) {
  const { t } = useTranslation();
  const { category, canEdit } = props;
  const own = props.items.filter((i) => i.category === category);
  const chosen = props.selected.filter((id) => own.some((i) => i.id === id));
  const merge = () =>
    props.onMerge({
      ids: chosen,
      text: own
        .filter((i) => chosen.includes(i.id))
        .map((i) => i.text)
        .join(' ; '),
    });
  return (
    <Paper
      withBorder
      p="sm"
      style={{ borderTop: `4px solid ${CATEGORY_COLOURS[category]}` }}
      component="section"
      aria-labelledby={`swot-${category}`}
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={`swot-${category}`}>
          {t(`diagnostic.swot.categories.${category}`)}{' '}
          <Text span c="dimmed" size="sm">
            ({own.length})
          </Text>
        </Title>
        {canEdit && chosen.length >= 2 ? (
          <Button size="compact-sm" variant="light" onClick={merge}>
            {t('diagnostic.swot.merge', { count: chosen.length })}
          </Button>
        ) : null}
      </Group>
      <Stack gap={6}>
        {own.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('diagnostic.swot.empty')}
          </Text>
        ) : (
          own.map((item, index) => (
            <ItemCard
              key={item.id}
              item={item}
              first={index === 0}
              last={index === own.length - 1}
              canEdit={canEdit}
              selected={props.selected.includes(item.id)}
              interviewLabel={props.interviewLabel}
              onSelect={(on) => props.setSelected((s) => (on ? [...s, item.id] : s.filter((x) => x !== item.id)))}
              onMove={(step) => props.reorder.move(category, item.id, step)}
              drag={props.reorder.dragOf(item)}
              onEdit={() => props.onEdit(item)}
              onDelete={() => props.onDelete(item)}
              onProjectSheet={() => props.onProjectSheet(item)}
            />
          ))
        )}
      </Stack>
    </Paper>
  );
}

/** Makes a draft project sheet of the strategy from an item, then opens the strategy's sheets. */
function useToProjectSheet(missionId: string, toProjectSheet: Mutations['toProjectSheet']) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (item: SwotItem) =>
    toProjectSheet.mutate(item.id, {
      onSuccess: (sheet) => {
        notify(t('diagnostic.swot.projectSheetCreated', { title: sheet.title }));
        void navigate(paths.missionStrategy.to(missionId, 'projects'));
      },
    });
}

function Swot({ mission }: { mission: Mission }) {
  const swot = useSwot(mission.id);
  const mutations = useSwotMutations(mission.id);
  const interviewOptions = useInterviewOptions(mission.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<SwotItem | null>(null);
  const [merging, setMerging] = useState<{ ids: string[]; text: string } | null>(null);
  const [removing, setRemoving] = useState<SwotItem | null>(null);
  const items = swot.data?.items ?? [];
  const reorder = useReorder(items, mutations);
  const toSheet = useToProjectSheet(mission.id, mutations.toProjectSheet);
  if (swot.error) return <ErrorAlert error={swot.error} />;
  if (!swot.data) return <BlockSkeleton />;
  const canEdit = swot.data.permissions.edit;
  const { create, update, remove, merge, toProjectSheet } = mutations;
  const error =
    create.error ?? update.error ?? remove.error ?? mutations.reorder.error ?? merge.error ?? toProjectSheet.error;
  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      {canEdit ? (
        <GapSuggestions
          missionId={mission.id}
          items={items}
          pending={create.isPending}
          add={(input, onSuccess) => create.mutate(input, { onSuccess })}
        />
      ) : null}
      {canEdit ? <AddItemForm missionId={mission.id} mutations={mutations} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="swot-grid">
        {SWOT_CATEGORIES.map((category) => (
          <CategoryColumn
            key={category}
            category={category}
            items={items}
            canEdit={canEdit}
            selected={selected}
            setSelected={setSelected}
            reorder={reorder}
            interviewLabel={(id) => interviewOptions.find((o) => o.value === id)?.label ?? id}
            onMerge={setMerging}
            onEdit={setEditing}
            onDelete={setRemoving}
            onProjectSheet={toSheet}
          />
        ))}
      </SimpleGrid>
      {editing ? (
        <EditItemModal item={editing} missionId={mission.id} mutations={mutations} onClose={() => setEditing(null)} />
      ) : null}
      {removing ? (
        <RemoveItemModal
          item={removing}
          mutations={mutations}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setSelected((s) => s.filter((id) => id !== removing.id));
            setRemoving(null);
          }}
        />
      ) : null}
      {merging ? (
        <MergeItemsModal
          merging={merging}
          mutations={mutations}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setSelected([]);
            setMerging(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

/** The SWOT with the territory's specificities beside it. */
export function SwotPanel({ mission }: { mission: Mission }) {
  return (
    <Stack gap="lg">
      <Swot mission={mission} />
      <SpecificitiesSection mission={mission} />
    </Stack>
  );
}
