import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type SwotItem, SwotMergeInput } from '../../../domain/diagnostic/swot.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import type { useSwotMutations } from './api.ts';

type Mutations = ReturnType<typeof useSwotMutations>;

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

/** Merges the chosen items of a category into the first one, with the wording the consultant settles on. */
export function MergeItemsModal(props: {
  merging: { ids: string[]; text: string };
  mutations: Mutations;
  onClose(): void;
  onMerged(): void;
}) {
  const { t } = useTranslation();
  const { merging, mutations } = props;
  const { form, submit } = useSchemaForm({
    schema: SwotMergeInput,
    initialValues: { text: merging.text },
    toInput: (values) => ({ itemIds: merging.ids, text: values.text }),
  });
  const onSubmit = submit((input, callbacks) =>
    mutations.merge.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('diagnostic.swot.merged'));
        props.onMerged();
      },
    }),
  );
  return (
    <EditorModal
      title={t('diagnostic.swot.mergeTitle')}
      onClose={props.onClose}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={mutations.merge.isPending}
      error={mutations.merge.error}
      submitLabel={t('diagnostic.swot.mergeButton')}
    >
      <Text size="sm">{t('diagnostic.swot.mergeHelp')}</Text>
      <Textarea label={t('diagnostic.swot.text')} autosize minRows={3} {...form.getInputProps('text')} />
    </EditorModal>
  );
}
