import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
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
  SolutionInput,
  SolutionUpdateInput,
} from '../../../domain/catalogue/solutions.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { paths } from '../../app/paths.ts';
import { EditorModal, useEditorForm } from '../../components/editor-modal.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreateSolution, useUpdateSolution } from './api.ts';
import { categoryOptions } from './labels.ts';
import { PriceTiersField } from './price-tiers-field.tsx';
import { type SolutionFormValues, solutionFormValues, solutionInputOf } from './solution-form-values.ts';

/** Agency staff add or change a solution: the facts a buyer compares. */
export function SolutionFormModal(props: { opened: boolean; onClose(): void; solution: Solution | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSolution();
  const update = useUpdateSolution();
  const editing = props.solution;
  const form = useEditorForm<SolutionFormValues>({
    initialValues: solutionFormValues(editing),
    schema: editing ? SolutionUpdateInput : SolutionInput,
    toInput: solutionInputOf,
  });
  const submit = (values: SolutionFormValues) => {
    const body = solutionInputOf(values);
    const done = (s: Solution) => {
      notify(t('catalogue.edit.saved', { name: s.name }));
      props.onClose();
      void navigate(paths.catalogueSolution.to(s.id));
    };
    if (editing) update.mutate({ id: editing.id, patch: body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  return (
    <EditorModal
      form={form}
      mutation={editing ? update : create}
      opened={props.opened}
      onClose={props.onClose}
      title={editing ? t('catalogue.edit.editTitle') : t('catalogue.edit.newTitle')}
      size="xl"
      onSubmit={submit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('catalogue.edit.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('catalogue.facts.vendor')} required {...form.getInputProps('vendor')} />
      </SimpleGrid>
      <Textarea label={t('catalogue.edit.summary')} required autosize {...form.getInputProps('summary')} />
      <Textarea label={t('catalogue.edit.description')} autosize minRows={3} {...form.getInputProps('description')} />
      <SolutionFacts form={form} />
      <PriceTiersField form={form} />
      <Group>
        <Checkbox label={t('catalogue.facts.openApi')} {...form.getInputProps('openApi', { type: 'checkbox' })} />
        <Checkbox
          label={t('catalogue.facts.singleSignOn')}
          {...form.getInputProps('singleSignOn', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('catalogue.facts.dataProcessingAgreement')}
          {...form.getInputProps('dataProcessingAgreement', { type: 'checkbox' })}
        />
      </Group>
    </EditorModal>
  );
}

/** The facts a buyer compares: categories, interoperability, hosting, languages, price, support, status. */
function SolutionFacts({ form }: { form: ReturnType<typeof useEditorForm<SolutionFormValues>> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const communes = useCommuneList();
  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const input = (key: keyof SolutionFormValues) => form.getInputProps(key);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <MultiSelect
        label={t('catalogue.facts.categories')}
        data={categoryOptions(language)}
        searchable
        required
        {...input('categories')}
      />
      <MultiSelect
        label={t('catalogue.facts.dimensions')}
        data={options(DIMENSIONS, 'catalogue.dimension')}
        {...input('dimensions')}
      />
      <MultiSelect
        label={t('catalogue.facts.standards')}
        data={[...OPEN_STANDARDS]}
        searchable
        {...input('standards')}
      />
      <MultiSelect label={t('catalogue.facts.mims')} data={[...OASC_MIMS]} {...input('mims')} />
      <TextInput label={t('catalogue.edit.apiDocsUrl')} type="url" {...input('apiDocsUrl')} />
      <MultiSelect
        label={t('catalogue.edit.referenceCommunes')}
        data={communeOptions(communes.data)}
        searchable
        {...input('referenceCommunes')}
      />
      <TagsInput label={t('catalogue.facts.exportFormats')} {...input('exportFormats')} />
      <Select
        label={t('catalogue.facts.hosting')}
        data={options(HOSTINGS, 'catalogue.hosting')}
        allowDeselect={false}
        {...input('hosting')}
      />
      <MultiSelect
        label={t('catalogue.facts.languages')}
        data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
        {...input('languages')}
      />
      <Select
        label={t('catalogue.facts.priceModel')}
        data={options(PRICE_MODELS, 'catalogue.priceModel')}
        allowDeselect={false}
        {...input('priceModel')}
      />
      <NumberInput label={t('catalogue.facts.price')} min={0} decimalScale={2} {...input('amount')} />
      <TextInput label={t('catalogue.solution.priceDetails')} {...input('priceDetails')} />
      <TextInput label={t('catalogue.edit.accessibilityUrl')} type="url" {...input('accessibilityStatementUrl')} />
      <TextInput label={t('catalogue.facts.support')} {...input('support')} />
      <Select
        label={t('catalogue.solution.status')}
        data={options(SOLUTION_STATUSES, 'catalogue.status')}
        allowDeselect={false}
        {...input('status')}
      />
      <TagsInput
        label={t('catalogue.edit.subProcessors')}
        description={t('catalogue.edit.subProcessorsHint')}
        {...input('subProcessors')}
      />
    </SimpleGrid>
  );
}
