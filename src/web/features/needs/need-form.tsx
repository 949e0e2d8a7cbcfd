import { Button, Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
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
import { ApiError } from '../../lib/api.ts';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { zodFormErrors } from '../../lib/form-validation.ts';
import { notify } from '../../lib/notify.ts';
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

/** Records a need (create) or changes one (edit). A commune user's commune is fixed. */
export function NeedFormModal(props: {
  need?: Need;
  fixedCommune?: string | null;
  onClose(): void;
  onSaved?(need: NeedWithGroups): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editing = props.need;
  const communes = useCommuneList();
  const save = useSaveNeed(editing?.id ?? null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      communeNis: editing?.communeNis ?? props.fixedCommune ?? null,
      title: editing?.title ?? '',
      description: editing?.description ?? '',
      dimensions: editing?.dimensions ?? [],
      category: editing?.category ?? null,
      urgency: editing?.urgency ?? 'medium',
      estimatedBudget: editing?.estimatedBudget ?? '',
      timeframe: editing?.timeframe ?? null,
      source: editing?.source ?? 'direct',
      sourceRef: editing?.sourceRef ?? '',
    },
    validate: (values) => zodFormErrors(NeedInput, toInput(values), t),
  });

  const submit = form.onSubmit((values) => {
    save.mutate(toInput(values), {
      onSuccess: (need) => {
        notify(t(editing ? 'needs.saved' : 'needs.created', { title: need.title }));
        props.onSaved?.(need);
        props.onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fieldErrors());
      },
    });
  });

  return (
    <AppModal opened onClose={props.onClose} title={t(editing ? 'needs.editTitle' : 'needs.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <FormErrorSummary errors={form.errors} />
          <Select
            label={t('needs.commune')}
            data={communeOptions(communes.data)}
            searchable
            required
            disabled={Boolean(editing) || Boolean(props.fixedCommune)}
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
