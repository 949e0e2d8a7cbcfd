import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SwotItem } from '../../../domain/diagnostic/swot.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { notify } from '../../lib/notify.ts';
import type { useSwotMutations } from './api.ts';
import { type Draft, ItemFields } from './swot-item.tsx';

type Mutations = ReturnType<typeof useSwotMutations>;

export function EditItemModal(props: {
  editing: Draft & { id: string };
  missionId: string;
  mutations: Mutations;
  onChange(next: (Draft & { id: string }) | null): void;
}) {
  const { t } = useTranslation();
  const { editing, mutations } = props;
  return (
    <AppModal opened onClose={() => props.onChange(null)} title={t('diagnostic.swot.editTitle')}>
      <Stack>
        <ItemFields
          draft={editing}
          onChange={(d) => props.onChange({ ...editing, ...d })}
          missionId={props.missionId}
          withCategory
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => props.onChange(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={mutations.update.isPending}
            onClick={() => {
              const { id, ...patch } = editing;
              mutations.update.mutate({ id, patch }, { onSuccess: () => props.onChange(null) });
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

export function RemoveItemModal(props: { item: SwotItem; mutations: Mutations; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const { item, mutations } = props;
  return (
    <AppModal opened onClose={props.onClose} title={t('diagnostic.swot.removeTitle')}>
      <Stack>
        <Text size="sm">{t('diagnostic.swot.removeConfirm', { text: item.text })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={mutations.remove.isPending}
            onClick={() =>
              mutations.remove.mutate(item.id, {
                onSuccess: () => {
                  notify(t('diagnostic.swot.removed'));
                  props.onRemoved();
                },
              })
            }
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

export function MergeItemsModal(props: {
  merging: { ids: string[]; text: string };
  mutations: Mutations;
  onChange(next: { ids: string[]; text: string } | null): void;
  onMerged(): void;
}) {
  const { t } = useTranslation();
  const { merging, mutations } = props;
  return (
    <AppModal opened onClose={() => props.onChange(null)} title={t('diagnostic.swot.mergeTitle')}>
      <Stack>
        <Text size="sm">{t('diagnostic.swot.mergeHelp')}</Text>
        <Textarea
          label={t('diagnostic.swot.text')}
          autosize
          minRows={3}
          value={merging.text}
          onChange={(e) => props.onChange({ ...merging, text: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => props.onChange(null)}>
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
                    props.onMerged();
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
  );
}
