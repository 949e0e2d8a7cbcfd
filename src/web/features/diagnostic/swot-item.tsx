import { ActionIcon, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SwotCategory, SwotItem } from '../../../domain/diagnostic/swot.ts';
import { useInterviews } from './api.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';

export const CATEGORY_COLOURS: Record<SwotCategory, string> = {
  strength: '#2b8a3e',
  weakness: '#c92a2a',
  opportunity: '#1864ab',
  threat: '#a84300',
};

export function useInterviewOptions(missionId: string) {
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

type ItemCardProps = {
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
};

/** The item's buttons: ↑/↓, to a project sheet, edit, delete (named after the item for screen readers). */
function ItemActions(props: ItemCardProps) {
  const { t } = useTranslation();
  const { item } = props;
  return (
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
      <ActionIcon variant="subtle" aria-label={t('diagnostic.swot.edit', { text: item.text })} onClick={props.onEdit}>
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
  );
}

export function ItemCard(props: ItemCardProps) {
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
        {props.canEdit ? <ItemActions {...props} /> : null}
      </Group>
    </Paper>
  );
}
