import { Button, Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  NEED_SOURCES,
  type Need,
  NeedInput,
  type NeedSource,
  TIMEFRAMES,
  type Timeframe,
  URGENCIES,
  type Urgency,
} from '../../../domain/needs/need.ts';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type NeedWithGroups, useSaveNeed } from './api.ts';
import { categoryOptions } from './labels.ts';

type Values = {
  communeNis: string | null;
  title: string;
  description: string;
  dimensions: Dimension[];
  category: string | null;
  urgency: Urgency;
  estimatedBudget: number | string;
  timeframe: Timeframe | null;
  source: NeedSource;
  sourceRef: string;
};

function toInput(values: Values) {
  return {
    communeNis: values.communeNis ?? '',
    title: values.title,
    description: values.description,
    dimensions: values.dimensions,
    category: values.category,
    urgency: values.urgency,
    estimatedBudget: values.estimatedBudget === '' ? null : Number(values.estimatedBudget),
    timeframe: values.timeframe,
    source: values.source,
    sourceRef: values.sourceRef || null,
  };
}

/** The form's values for a need being changed, or a new need of the fixed commune (if any). */
function initialValues(need: Need | undefined, fixedCommune: string | null | undefined): Values {
  return {
    communeNis: need?.communeNis ?? fixedCommune ?? null,
    title: need?.title ?? '',
    description: need?.description ?? '',
    dimensions: need?.dimensions ?? [],
    category: need?.category ?? null,
    urgency: need?.urgency ?? 'medium',
    estimatedBudget: need?.estimatedBudget ?? '',
    timeframe: need?.timeframe ?? null,
    source: need?.source ?? 'direct',
    sourceRef: need?.sourceRef ?? '',
  };
}

/** Records a need (create) or changes one (edit). A commune user's commune is fixed. */
export function NeedFormModal(props: {
  need?: Need;
  fixedCommune?: string | null;
  onClose(): void;
  onSaved?(need: NeedWithGroups): void;
}) {
  const { t } = useTranslation();
  const editing = props.need;
  const save = useSaveNeed(editing?.id ?? null);
  const { form, submit } = useSchemaForm({
    schema: NeedInput,
    toInput,
    initialValues: initialValues(editing, props.fixedCommune),
  });

  const onSubmit = submit((input, callbacks) => {
    save.mutate(input, {
      ...callbacks,
      onSuccess: (need) => {
        notify(t(editing ? 'needs.saved' : 'needs.created', { title: need.title }));
        props.onSaved?.(need);
        props.onClose();
      },
    });
  });

  return (
    <AppModal opened onClose={props.onClose} title={t(editing ? 'needs.editTitle' : 'needs.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <FormErrorSummary errors={form.errors} />
          <NeedFields form={form} communeFixed={Boolean(editing) || Boolean(props.fixedCommune)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t(editing ? 'common.save' : 'needs.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The need's fields: what it is, then how urgent, how costly and by when, then where it comes from. */
function NeedFields({ form, communeFixed }: { form: UseFormReturnType<Values>; communeFixed: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const communes = useCommuneList();
  return (
    <>
      <Select
        label={t('needs.commune')}
        data={communeOptions(communes.data)}
        searchable
        required
        disabled={communeFixed}
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('communeNis')}
      />
      <TextInput label={t('needs.title')} required {...form.getInputProps('title')} />
      <Textarea
        label={t('needs.description')}
        description={t('needs.descriptionHelp')}
        autosize
        minRows={3}
        {...form.getInputProps('description')}
      />
      <Group grow align="flex-start">
        <Select
          label={t('needs.category')}
          data={categoryOptions(language)}
          searchable
          clearable
          placeholder={t('needs.noCategory')}
          {...form.getInputProps('category')}
        />
        <MultiSelect
          label={t('needs.dimensions')}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`needs.dimension.${d}`) }))}
          {...form.getInputProps('dimensions')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('needs.urgency')}
          data={URGENCIES.map((u) => ({ value: u, label: t(`needs.urgencies.${u}`) }))}
          allowDeselect={false}
          {...form.getInputProps('urgency')}
        />
        <NumberInput
          label={t('needs.budget')}
          min={0}
          thousandSeparator=" "
          decimalSeparator=","
          suffix=" €"
          {...form.getInputProps('estimatedBudget')}
        />
        <Select
          label={t('needs.timeframe')}
          data={TIMEFRAMES.map((h) => ({ value: h, label: t(`needs.timeframes.${h}`) }))}
          clearable
          {...form.getInputProps('timeframe')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('needs.source')}
          data={NEED_SOURCES.map((s) => ({ value: s, label: t(`needs.sources.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('source')}
        />
        <TextInput label={t('needs.sourceRef')} {...form.getInputProps('sourceRef')} />
      </Group>
    </>
  );
}
