import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  SWOT_CATEGORIES,
  type SwotCategory,
  type SwotItem,
  SwotItemInput,
  SwotItemUpdateInput,
} from '../../../domain/diagnostic/swot.ts';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import { EditorModal } from '../../components/editor-modal.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import type { useSwotMutations } from './api.ts';
import { useInterviewOptions } from './swot-item.tsx';

type Mutations = ReturnType<typeof useSwotMutations>;
type SwotValues = { category: SwotCategory; text: string; dimensions: Dimension[]; interviewIds: string[] };

/** An item's values in the form; a new item starts as a strength. */
const swotValues = (item?: SwotItem): SwotValues => ({
  category: item?.category ?? 'strength',
  text: item?.text ?? '',
  dimensions: item?.dimensions ?? [],
  interviewIds: item?.interviewIds ?? [],
});

/** The item's wording, category, dimensions and the interviews that raised it. */
function ItemFields({ form, missionId }: { form: UseFormReturnType<SwotValues>; missionId: string }) {
  const { t } = useTranslation();
  const interviewOptions = useInterviewOptions(missionId);
  return (
    <Stack gap="xs">
      <Textarea label={t('diagnostic.swot.text')} required autosize minRows={2} {...form.getInputProps('text')} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label={t('diagnostic.swot.category')}
          data={SWOT_CATEGORIES.map((c) => ({ value: c, label: t(`diagnostic.swot.categories.${c}`) }))}
          allowDeselect={false}
          {...form.getInputProps('category')}
        />
        <MultiSelect
          label={t('diagnostic.swot.dimensions')}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`diagnostic.dimensions.${d}`) }))}
          {...form.getInputProps('dimensions')}
        />
        <MultiSelect
          label={t('diagnostic.swot.interviews')}
          data={interviewOptions}
          searchable
          {...form.getInputProps('interviewIds')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Adds an item; the category stays for the next one (items are often entered by category). */
export function AddItemForm({ missionId, mutations }: { missionId: string; mutations: Mutations }) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: SwotItemInput,
    initialValues: swotValues(),
    toInput: (values) => values,
  });
  const onSubmit = submit((input, callbacks) =>
    mutations.create.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('diagnostic.swot.added'));
        form.setValues({ category: input.category, text: '', dimensions: [], interviewIds: [] });
      },
    }),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('diagnostic.swot.add')}
          </Title>
          <FormErrorSummary errors={form.errors} />
          <ItemFields form={form} missionId={missionId} />
          <Group justify="flex-end">
            <Button type="submit" loading={mutations.create.isPending} disabled={!form.values.text.trim()}>
              {t('diagnostic.swot.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Changes an item: the same fields as when it was added. */
export function EditItemModal(props: { item: SwotItem; missionId: string; mutations: Mutations; onClose(): void }) {
  const { t } = useTranslation();
  const { item, mutations } = props;
  const { form, submit } = useSchemaForm({
    schema: SwotItemUpdateInput,
    initialValues: swotValues(item),
    toInput: (values) => values,
  });
  const onSubmit = submit((patch, callbacks) =>
    mutations.update.mutate({ id: item.id, patch }, { ...callbacks, onSuccess: props.onClose }),
  );
  return (
    <EditorModal
      title={t('diagnostic.swot.editTitle')}
      onClose={props.onClose}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={mutations.update.isPending}
      error={mutations.update.error}
    >
      <ItemFields form={form} missionId={props.missionId} />
    </EditorModal>
  );
}
