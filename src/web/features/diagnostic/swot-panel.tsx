import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  dropSwotItem,
  SPECIFICITY_TOPICS,
  SWOT_CATEGORIES,
  type SwotCategory,
  type SwotItem,
} from '../../../domain/diagnostic/swot.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useInterviews, useSaveSpecificities, useSpecificities, useSwot, useSwotMutations } from './api.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';

const CATEGORY_COLOURS: Record<SwotCategory, string> = {
  strength: '#2b8a3e',
  weakness: '#c92a2a',
  opportunity: '#1864ab',
  threat: '#a84300',
};

type Draft = { category: SwotCategory; text: string; dimensions: Dimension[]; interviewIds: string[] };

function useInterviewOptions(missionId: string) {
  const { t } = useTranslation();
  const interviews = useInterviews(missionId);
  return useMemo(
    () =>
      (interviews.data ?? []).map((i, index) => ({
        value: i.id,
        label: `E${String(index + 1).padStart(2, '0')} — ${t(`diagnostic.types.${i.resourcePerson.type}`)}${i.resourcePerson.role ? ` (${i.resourcePerson.role})` : ''}`,
      })),
    [interviews.data, t],
  );
}

function ItemFields({
  draft,
  onChange,
  missionId,
  withCategory,
}: {
  draft: Draft;
  onChange(d: Draft): void;
  missionId: string;
  withCategory: boolean;
}) {
  const { t } = useTranslation();
  const interviewOptions = useInterviewOptions(missionId);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('diagnostic.swot.text')}
        required
        autosize
        minRows={2}
        value={draft.text}
        onChange={(e) => onChange({ ...draft, text: e.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, md: withCategory ? 3 : 2 }}>
        {withCategory ? (
          <Select
            label={t('diagnostic.swot.category')}
            data={SWOT_CATEGORIES.map((c) => ({ value: c, label: t(`diagnostic.swot.categories.${c}`) }))}
            value={draft.category}
            allowDeselect={false}
            onChange={(value) => value && onChange({ ...draft, category: value as SwotCategory })}
          />
        ) : null}
        <MultiSelect
          label={t('diagnostic.swot.dimensions')}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`diagnostic.dimensions.${d}`) }))}
          value={draft.dimensions}
          onChange={(value) => onChange({ ...draft, dimensions: value as Dimension[] })}
        />
        <MultiSelect
          label={t('diagnostic.swot.interviews')}
          data={interviewOptions}
          value={draft.interviewIds}
          searchable
          onChange={(value) => onChange({ ...draft, interviewIds: value })}
        />
      </SimpleGrid>
    </Stack>
  );
}

function ItemCard(props: {
  item: SwotItem;
  first: boolean;
  last: boolean;
  canEdit: boolean;
  selected: boolean;
  interviewLabel(id: string): string;
  onSelect(selected: boolean): void;
  onMove(step: -1 | 1): void;
  /** Native drag and drop (the ↑/↓ buttons stay for the keyboard): `drag` is the item being dragged, if any. */
  drag: { dragging: string | null; over: boolean; start(): void; enter(): void; drop(): void; end(): void };
  onEdit(): void;
  onDelete(): void;
  onProjectSheet(): void;
}) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <Paper
      withBorder
      p="xs"
      data-swot-item={item.id}
      draggable={props.canEdit}
      title={props.canEdit ? t('diagnostic.swot.dragHint') : undefined}
      style={{
        cursor: props.canEdit ? 'grab' : undefined,
        opacity: props.drag.dragging === item.id ? 0.5 : 1,
        outline: props.drag.over ? '2px dashed var(--mantine-color-blue-7)' : undefined,
      }}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', item.id);
        props.drag.start();
      }}
      onDragEnter={props.drag.enter}
      onDragOver={(e) => {
        if (props.drag.dragging) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        props.drag.drop();
      }}
      onDragEnd={props.drag.end}
    >
      <Group align="flex-start" wrap="nowrap" gap="xs">
        {props.canEdit ? (
          <Checkbox
            mt={3}
            aria-label={t('diagnostic.swot.select', { text: item.text })}
            checked={props.selected}
            onChange={(e) => props.onSelect(e.currentTarget.checked)}
          />
        ) : null}
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm">{item.text}</Text>
          <Group gap={4}>
            {item.dimensions.map((d) => (
              <Badge
                key={d}
                size="xs"
                variant="outline"
                style={{ color: DIMENSION_COLOURS[d], borderColor: DIMENSION_COLOURS[d] }}
              >
                {t(`diagnostic.dimensions.${d}`)}
              </Badge>
            ))}
            {item.interviewIds.length ? (
              <Text size="xs" c="dimmed" title={item.interviewIds.map(props.interviewLabel).join('\n')}>
                {t('diagnostic.swot.raisedBy', { count: item.interviewIds.length })}
              </Text>
            ) : null}
          </Group>
        </Stack>
        {props.canEdit ? (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              data-move="-1"
              disabled={props.first}
              aria-label={t('diagnostic.swot.up', { text: item.text })}
              onClick={() => props.onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              data-move="1"
              disabled={props.last}
              aria-label={t('diagnostic.swot.down', { text: item.text })}
              onClick={() => props.onMove(1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('diagnostic.swot.toProjectSheet', { text: item.text })}
              title={t('diagnostic.swot.toProjectSheetShort')}
              onClick={props.onProjectSheet}
            >
              ➜
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('diagnostic.swot.edit', { text: item.text })}
              onClick={props.onEdit}
            >
              ✎
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red.8"
              aria-label={t('diagnostic.swot.remove', { text: item.text })}
              onClick={props.onDelete}
            >
              ×
            </ActionIcon>
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}

function Swot({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const swot = useSwot(mission.id);
  const mutations = useSwotMutations(mission.id);
  const navigate = useNavigate();
  const interviewOptions = useInterviewOptions(mission.id);
  const [draft, setDraft] = useState<Draft>({ category: 'strength', text: '', dimensions: [], interviewIds: [] });
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<(Draft & { id: string }) | null>(null);
  const [merging, setMerging] = useState<{ ids: string[]; text: string } | null>(null);
  const [removing, setRemoving] = useState<SwotItem | null>(null);
  const [dragging, setDragging] = useState<{ id: string; category: SwotCategory } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const canEdit = swot.data?.permissions.edit ?? false;
  const label = (id: string) => interviewOptions.find((o) => o.value === id)?.label ?? id;

  if (swot.error) return <ErrorAlert error={swot.error} />;
  if (!swot.data) return <BlockSkeleton />;
  const items = swot.data.items;
  const error =
    mutations.create.error ??
    mutations.update.error ??
    mutations.remove.error ??
    mutations.reorder.error ??
    mutations.merge.error ??
    mutations.toProjectSheet.error;

  const move = (category: SwotCategory, id: string, step: -1 | 1) => {
    const ids = items.filter((i) => i.category === category).map((i) => i.id);
    const at = ids.indexOf(id);
    const to = at + step;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    mutations.reorder.mutate(
      { category, itemIds: ids },
      {
        onSuccess: () => {
          // Keep the keyboard on the moved item's button.
          requestAnimationFrame(() =>
            (
              document.querySelector<HTMLButtonElement>(
                `[data-swot-item="${id}"] [data-move="${step}"]:not(:disabled)`,
              ) ?? document.querySelector<HTMLButtonElement>(`[data-swot-item="${id}"] [data-move="${-step}"]`)
            )?.focus(),
          );
        },
      },
    );
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
      setDragging(null);
      setOver(null);
    },
    end: () => {
      setDragging(null);
      setOver(null);
    },
  });

  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      {canEdit ? (
        <Paper withBorder p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!draft.text.trim()) return;
              mutations.create.mutate(draft, {
                onSuccess: () => {
                  notify(t('diagnostic.swot.added'));
                  // The category stays (items are often entered by category); what describes the item clears.
                  setDraft({ category: draft.category, text: '', dimensions: [], interviewIds: [] });
                },
              });
            }}
          >
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('diagnostic.swot.add')}
              </Title>
              <ItemFields draft={draft} onChange={setDraft} missionId={mission.id} withCategory />
              <Group justify="flex-end">
                <Button type="submit" loading={mutations.create.isPending} disabled={!draft.text.trim()}>
                  {t('diagnostic.swot.addButton')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="swot-grid">
        {SWOT_CATEGORIES.map((category) => {
          const own = items.filter((i) => i.category === category);
          const chosen = selected.filter((id) => own.some((i) => i.id === id));
          return (
            <Paper
              key={category}
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
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() =>
                      setMerging({
                        ids: chosen,
                        text: own
                          .filter((i) => chosen.includes(i.id))
                          .map((i) => i.text)
                          .join(' ; '),
                      })
                    }
                  >
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
                      selected={selected.includes(item.id)}
                      interviewLabel={label}
                      onSelect={(on) => setSelected((s) => (on ? [...s, item.id] : s.filter((x) => x !== item.id)))}
                      onMove={(step) => move(category, item.id, step)}
                      drag={dragOf(item)}
                      onEdit={() =>
                        setEditing({
                          id: item.id,
                          category: item.category,
                          text: item.text,
                          dimensions: item.dimensions,
                          interviewIds: item.interviewIds,
                        })
                      }
                      onDelete={() => setRemoving(item)}
                      onProjectSheet={() =>
                        mutations.toProjectSheet.mutate(item.id, {
                          onSuccess: (sheet) => {
                            notify(t('diagnostic.swot.projectSheetCreated', { title: sheet.title }));
                            void navigate(paths.missionStrategy.to(mission.id, 'projects'));
                          },
                        })
                      }
                    />
                  ))
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {editing ? (
        <AppModal opened onClose={() => setEditing(null)} title={t('diagnostic.swot.editTitle')}>
          <Stack>
            <ItemFields
              draft={editing}
              onChange={(d) => setEditing({ ...editing, ...d })}
              missionId={mission.id}
              withCategory
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                loading={mutations.update.isPending}
                onClick={() => {
                  const { id, ...patch } = editing;
                  mutations.update.mutate({ id, patch }, { onSuccess: () => setEditing(null) });
                }}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </AppModal>
      ) : null}
      {removing ? (
        <AppModal opened onClose={() => setRemoving(null)} title={t('diagnostic.swot.removeTitle')}>
          <Stack>
            <Text size="sm">{t('diagnostic.swot.removeConfirm', { text: removing.text })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={mutations.remove.isPending}
                onClick={() =>
                  mutations.remove.mutate(removing.id, {
                    onSuccess: () => {
                      notify(t('diagnostic.swot.removed'));
                      setSelected((s) => s.filter((id) => id !== removing.id));
                      setRemoving(null);
                    },
                  })
                }
              >
                {t('common.delete')}
              </Button>
            </Group>
          </Stack>
        </AppModal>
      ) : null}
      {merging ? (
        <AppModal opened onClose={() => setMerging(null)} title={t('diagnostic.swot.mergeTitle')}>
          <Stack>
            <Text size="sm">{t('diagnostic.swot.mergeHelp')}</Text>
            <Textarea
              label={t('diagnostic.swot.text')}
              autosize
              minRows={3}
              value={merging.text}
              onChange={(e) => setMerging({ ...merging, text: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMerging(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                loading={mutations.merge.isPending}
                onClick={() =>
                  mutations.merge.mutate(
                    { itemIds: merging.ids, text: merging.text },
                    {
                      onSuccess: () => {
                        notify(t('diagnostic.swot.merged'));
                        setSelected([]);
                        setMerging(null);
                      },
                    },
                  )
                }
              >
                {t('diagnostic.swot.mergeButton')}
              </Button>
            </Group>
          </Stack>
        </AppModal>
      ) : null}
    </Stack>
  );
}

function SpecificitiesSection({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const specificities = useSpecificities(mission.id);
  const save = useSaveSpecificities(mission.id);
  const [values, setValues] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    if (specificities.data && values === null) {
      setValues(Object.fromEntries(SPECIFICITY_TOPICS.map((topic) => [topic, specificities.data[topic]])));
    }
  }, [specificities.data, values]);
  if (specificities.error) return <ErrorAlert error={specificities.error} />;
  if (!specificities.data || !values) return <BlockSkeleton lines={4} />;
  const canEdit = specificities.data.permissions.edit;
  const dirty = SPECIFICITY_TOPICS.some((topic) => values[topic] !== specificities.data[topic]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="specificities-heading">
      <Stack gap="sm">
        <Box>
          <Title order={3} size="h4" id="specificities-heading">
            {t('diagnostic.specificities.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('diagnostic.specificities.intro')}
          </Text>
        </Box>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {SPECIFICITY_TOPICS.map((topic) =>
            canEdit ? (
              <Textarea
                key={topic}
                label={t(`diagnostic.specificities.${topic}`)}
                autosize
                minRows={3}
                value={values[topic]}
                onChange={(e) => setValues({ ...values, [topic]: e.currentTarget.value })}
              />
            ) : (
              <Box key={topic}>
                <Text fw={600}>{t(`diagnostic.specificities.${topic}`)}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={values[topic] ? undefined : 'dimmed'}>
                  {values[topic] || t('diagnostic.specificities.empty')}
                </Text>
              </Box>
            ),
          )}
        </SimpleGrid>
        {canEdit ? (
          <Group justify="flex-end">
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate(values, { onSuccess: () => notify(t('diagnostic.specificities.saved')) })}
            >
              {t('diagnostic.specificities.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
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
