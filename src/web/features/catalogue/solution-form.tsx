import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  HOSTINGS,
  LANGUAGES,
  OASC_MIMS,
  OPEN_STANDARDS,
  PRICE_MODELS,
  SOLUTION_STATUSES,
  type Solution,
  type SolutionInputDraft,
} from '../../../domain/catalogue/solutions.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreateSolution, useUpdateSolution } from './api.ts';
import { categoryOptions } from './labels.ts';

type Form = {
  name: string;
  vendor: string;
  summary: string;
  description: string;
  categories: string[];
  dimensions: string[];
  standards: string[];
  mims: string[];
  apiDocsUrl: string;
  referenceCommunes: string[];
  openApi: boolean;
  singleSignOn: boolean;
  exportFormats: string[];
  hosting: string;
  dataProcessingAgreement: boolean;
  accessibilityStatementUrl: string;
  languages: string[];
  priceModel: string;
  amount: number | string;
  priceDetails: string;
  tiers: { label: string; price: number | string; upTo: number | string }[];
  subProcessors: string[];
  support: string;
  status: string;
};

function formOf(s: Solution | null): Form {
  return {
    name: s?.name ?? '',
    vendor: s?.vendor ?? '',
    summary: s?.summary ?? '',
    description: s?.description ?? '',
    categories: s?.categories ?? [],
    dimensions: s?.dimensions ?? [],
    standards: s?.interoperability.standards ?? [],
    mims: s?.interoperability.mims ?? [],
    apiDocsUrl: s?.interoperability.apiDocsUrl ?? '',
    referenceCommunes: s?.referenceCommunes ?? [],
    openApi: s?.interoperability.openApi ?? false,
    singleSignOn: s?.interoperability.singleSignOn ?? false,
    exportFormats: s?.interoperability.exportFormats ?? [],
    hosting: s?.hosting ?? 'belgium',
    dataProcessingAgreement: s?.gdpr.dataProcessingAgreement ?? false,
    accessibilityStatementUrl: s?.accessibilityStatementUrl ?? '',
    languages: s?.languages ?? ['fr'],
    priceModel: s?.pricing.model ?? 'flat',
    amount: s?.pricing.amount ?? '',
    priceDetails: s?.pricing.details ?? '',
    tiers: (s?.pricing.tiers ?? []).map((tier) => ({ ...tier, upTo: tier.upTo ?? '' })),
    subProcessors: s?.gdpr.subProcessors ?? [],
    support: s?.support ?? '',
    status: s?.status ?? 'evaluated',
  };
}

/** Agency staff add or change a solution: the facts a buyer compares. */
export function SolutionFormModal(props: { opened: boolean; onClose(): void; solution: Solution | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const create = useCreateSolution();
  const communes = useCommuneList();
  const update = useUpdateSolution();
  const [form, setForm] = useState<Form>(() => formOf(props.solution));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const error = create.error ?? update.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.name,
      vendor: form.vendor,
      summary: form.summary,
      description: form.description,
      categories: form.categories,
      dimensions: form.dimensions,
      interoperability: {
        standards: form.standards,
        mims: form.mims,
        apiDocsUrl: form.apiDocsUrl || null,
        openApi: form.openApi,
        singleSignOn: form.singleSignOn,
        exportFormats: form.exportFormats,
      },
      hosting: form.hosting,
      gdpr: {
        dataProcessingAgreement: form.dataProcessingAgreement,
        subProcessors: form.subProcessors,
      },
      accessibilityStatementUrl: form.accessibilityStatementUrl || null,
      languages: form.languages,
      pricing: {
        model: form.priceModel,
        amount: form.amount === '' ? null : Number(form.amount),
        tiers: form.tiers
          .filter((tier) => tier.label.trim() !== '' || tier.price !== '')
          .map((tier) => ({
            label: tier.label,
            price: tier.price === '' ? Number.NaN : Number(tier.price),
            upTo: tier.upTo === '' ? null : Number(tier.upTo),
          })),
        details: form.priceDetails || null,
      },
      support: form.support,
      referenceCommunes: form.referenceCommunes,
      status: form.status,
    } as SolutionInputDraft;
    const done = (s: Solution) => {
      notify(t('catalogue.edit.saved', { name: s.name }));
      props.onClose();
      void navigate(paths.catalogueSolution.to(s.id));
    };
    if (props.solution) update.mutate({ id: props.solution.id, patch: body as never }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <AppModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.solution ? t('catalogue.edit.editTitle') : t('catalogue.edit.newTitle')}
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalogue.edit.name')}
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('catalogue.facts.vendor')}
              value={form.vendor}
              onChange={(e) => set('vendor', e.currentTarget.value)}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t('catalogue.edit.summary')}
            value={form.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            required
            autosize
          />
          <Textarea
            label={t('catalogue.edit.description')}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('catalogue.facts.categories')}
              data={categoryOptions(language)}
              value={form.categories}
              onChange={(v) => set('categories', v)}
              searchable
              required
            />
            <MultiSelect
              label={t('catalogue.facts.dimensions')}
              data={options(DIMENSIONS, 'catalogue.dimension')}
              value={form.dimensions}
              onChange={(v) => set('dimensions', v)}
            />
            <MultiSelect
              label={t('catalogue.facts.standards')}
              data={[...OPEN_STANDARDS]}
              value={form.standards}
              onChange={(v) => set('standards', v)}
              searchable
            />
            <MultiSelect
              label={t('catalogue.facts.mims')}
              data={[...OASC_MIMS]}
              value={form.mims}
              onChange={(v) => set('mims', v)}
            />
            <TextInput
              label={t('catalogue.edit.apiDocsUrl')}
              type="url"
              value={form.apiDocsUrl}
              onChange={(e) => set('apiDocsUrl', e.currentTarget.value)}
            />
            <MultiSelect
              label={t('catalogue.edit.referenceCommunes')}
              data={communeOptions(communes.data)}
              value={form.referenceCommunes}
              onChange={(v) => set('referenceCommunes', v)}
              searchable
            />
            <TagsInput
              label={t('catalogue.facts.exportFormats')}
              value={form.exportFormats}
              onChange={(v) => set('exportFormats', v)}
            />
            <Select
              label={t('catalogue.facts.hosting')}
              data={options(HOSTINGS, 'catalogue.hosting')}
              value={form.hosting}
              onChange={(v) => v && set('hosting', v)}
              allowDeselect={false}
            />
            <MultiSelect
              label={t('catalogue.facts.languages')}
              data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
              value={form.languages}
              onChange={(v) => set('languages', v)}
            />
            <Select
              label={t('catalogue.facts.priceModel')}
              data={options(PRICE_MODELS, 'catalogue.priceModel')}
              value={form.priceModel}
              onChange={(v) => v && set('priceModel', v)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('catalogue.facts.price')}
              min={0}
              decimalScale={2}
              value={form.amount}
              onChange={(v) => set('amount', v)}
            />
            <TextInput
              label={t('catalogue.solution.priceDetails')}
              value={form.priceDetails}
              onChange={(e) => set('priceDetails', e.currentTarget.value)}
            />
            <TextInput
              label={t('catalogue.edit.accessibilityUrl')}
              type="url"
              value={form.accessibilityStatementUrl}
              onChange={(e) => set('accessibilityStatementUrl', e.currentTarget.value)}
            />
            <TextInput
              label={t('catalogue.facts.support')}
              value={form.support}
              onChange={(e) => set('support', e.currentTarget.value)}
            />
            <Select
              label={t('catalogue.solution.status')}
              data={options(SOLUTION_STATUSES, 'catalogue.status')}
              value={form.status}
              onChange={(v) => v && set('status', v)}
              allowDeselect={false}
            />
            <TagsInput
              label={t('catalogue.edit.subProcessors')}
              description={t('catalogue.edit.subProcessorsHint')}
              value={form.subProcessors}
              onChange={(v) => set('subProcessors', v)}
            />
          </SimpleGrid>
          <Fieldset legend={t('catalogue.edit.tiers')} variant="filled">
            <Stack gap="xs">
              {form.tiers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('catalogue.edit.noTier')}
                </Text>
              ) : null}
              {form.tiers.map((tier, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
                <Group key={i} align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('catalogue.edit.tierLabel', { n: i + 1 })}
                    placeholder={t('catalogue.edit.tierLabelExample')}
                    value={tier.label}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      set(
                        'tiers',
                        form.tiers.map((x, j) => (j === i ? { ...x, label } : x)),
                      );
                    }}
                    style={{ flex: 1 }}
                    required
                  />
                  <NumberInput
                    label={t('catalogue.edit.tierPrice', { n: i + 1 })}
                    min={0}
                    decimalScale={2}
                    value={tier.price}
                    onChange={(price) =>
                      set(
                        'tiers',
                        form.tiers.map((x, j) => (j === i ? { ...x, price } : x)),
                      )
                    }
                    w={180}
                    required
                  />
                  <NumberInput
                    label={t('catalogue.edit.tierUpTo', { n: i + 1 })}
                    description={t('catalogue.edit.tierUpToHelp')}
                    min={0}
                    allowDecimal={false}
                    thousandSeparator=" "
                    value={tier.upTo}
                    onChange={(upTo) =>
                      set(
                        'tiers',
                        form.tiers.map((x, j) => (j === i ? { ...x, upTo } : x)),
                      )
                    }
                    w={180}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      set(
                        'tiers',
                        form.tiers.filter((_, j) => j !== i),
                      )
                    }
                    aria-label={t('catalogue.edit.removeTier', { n: i + 1 })}
                  >
                    {t('catalogue.images.remove')}
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => set('tiers', [...form.tiers, { label: '', price: '', upTo: '' }])}
                  disabled={form.tiers.length >= 20}
                >
                  {t('catalogue.edit.addTier')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group>
            <Checkbox
              label={t('catalogue.facts.openApi')}
              checked={form.openApi}
              onChange={(e) => set('openApi', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('catalogue.facts.singleSignOn')}
              checked={form.singleSignOn}
              onChange={(e) => set('singleSignOn', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('catalogue.facts.dataProcessingAgreement')}
              checked={form.dataProcessingAgreement}
              onChange={(e) => set('dataProcessingAgreement', e.currentTarget.checked)}
            />
          </Group>
          <ErrorAlert error={error} />
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
