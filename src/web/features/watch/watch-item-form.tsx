import { Group, MultiSelect, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogueContract } from '../../../domain/catalogue/catalogue.contract.ts';
import { belgianToday } from '../../../domain/shared/format.ts';
import { SMART_CATEGORIES } from '../../../domain/shared/smart-categories.ts';
import { RECOMMENDATIONS, type WatchItem, WatchItemInput } from '../../../domain/watch/watch-items.ts';
import { DateField } from '../../components/date-field.tsx';
import { EditorModal, useEditorForm } from '../../components/editor-modal.tsx';
import { endpointQuery } from '../../lib/contract-client.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreateWatchItem, useUpdateWatchItem, type WatchItemBody } from './api.ts';

type Values = {
  title: string;
  sourceUrl: string;
  publishedOn: string;
  summary: string;
  vendor: string;
  assessment: string;
  recommendation: string | null;
  tags: string[];
  categories: string[];
  solutionIds: string[];
};

function valuesOf(item: WatchItem | undefined): Values {
  return {
    title: item?.title ?? '',
    sourceUrl: item?.sourceUrl ?? '',
    publishedOn: item?.publishedOn ?? belgianToday(),
    summary: item?.summary ?? '',
    vendor: item?.vendor ?? '',
    assessment: item?.assessment ?? '',
    recommendation: item?.recommendation ?? null,
    tags: item?.tags ?? [],
    categories: item?.categories ?? [],
    solutionIds: item?.solutions.map((s) => s.id) ?? [],
  };
}

function bodyOf(values: Values, demo: boolean): WatchItemBody {
  return {
    ...values,
    sourceUrl: values.sourceUrl || null,
    vendor: values.vendor || null,
    recommendation: (values.recommendation as WatchItem['recommendation']) ?? null,
    demo,
  };
}

/** Agency staff record a watch item, or change one: what was read, its assessment and recommendation. */
export function WatchItemFormModal(props: { opened: boolean; onClose(): void; item?: WatchItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateWatchItem();
  const update = useUpdateWatchItem();
  const solutions = useQuery({
    ...endpointQuery(catalogueContract.solutions, { query: { status: [] } }),
    enabled: props.opened,
  });
  const item = props.item;
  const demo = item?.demo ?? false;
  const form = useEditorForm<Values>({
    initialValues: valuesOf(item),
    schema: WatchItemInput,
    toInput: (values) => bodyOf(values, demo),
  });
  const submit = (values: Values) => {
    const onSuccess = () => {
      notify(t('watch.created'));
      if (!item) form.setValues(valuesOf(undefined));
      props.onClose();
    };
    if (item) update.mutate({ id: item.id, item: bodyOf(values, demo) }, { onSuccess });
    else create.mutate(bodyOf(values, demo), { onSuccess });
  };
  return (
    <EditorModal
      form={form}
      mutation={item ? update : create}
      opened={props.opened}
      onClose={props.onClose}
      title={item ? t('watch.edit') : t('watch.add')}
      size="lg"
      onSubmit={submit}
    >
      <TextInput label={t('watch.fields.title')} required {...form.getInputProps('title')} />
      <Group grow align="flex-start">
        <TextInput label={t('watch.fields.sourceUrl')} type="url" {...form.getInputProps('sourceUrl')} />
        <DateField label={t('watch.fields.publishedOn')} required {...form.getInputProps('publishedOn')} />
      </Group>
      <TextInput label={t('watch.fields.vendor')} {...form.getInputProps('vendor')} />
      <Textarea label={t('watch.fields.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
      <MultiSelect
        label={t('watch.fields.categories')}
        data={SMART_CATEGORIES.map((c) => ({ value: c.key, label: c[language] }))}
        searchable
        {...form.getInputProps('categories')}
      />
      <MultiSelect
        label={t('watch.fields.solutions')}
        data={(solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))}
        searchable
        {...form.getInputProps('solutionIds')}
      />
      <TagsInput label={t('watch.fields.tags')} {...form.getInputProps('tags')} />
      <Textarea label={t('watch.fields.assessment')} autosize minRows={2} {...form.getInputProps('assessment')} />
      <Select
        label={t('watch.fields.recommendation')}
        data={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`watch.recommendation.${r}`) }))}
        clearable
        {...form.getInputProps('recommendation')}
      />
    </EditorModal>
  );
}
