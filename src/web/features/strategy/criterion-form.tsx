import { Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CRITERION_SOURCES, type Criterion, CriterionCreateInput } from '../../../domain/strategy/criteria.ts';
import type { PreferenceFunction, PreferenceFunctionType } from '../../../domain/strategy/schemas.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useCreateCriterion, useUpdateCriterion } from './api.ts';
import { PARAMETERS, PREFERENCE_TYPES } from './criteria-preference.ts';

type Amount = number | string;
/** Nested like the schema (preference.q, scale.min), so its errors and the server's land on the fields. */
type CriterionValues = {
  name: string;
  description: string;
  direction: 'max' | 'min';
  weight: Amount;
  preference: { type: PreferenceFunctionType; q: Amount; p: Amount; s: Amount };
  source: Criterion['source'];
  scale: { min: Amount; max: Amount };
};

function criterionBody(v: CriterionValues) {
  const preference: PreferenceFunction = { type: v.preference.type };
  for (const name of PARAMETERS[v.preference.type]) {
    const value = v.preference[name];
    if (value !== '') preference[name] = Number(value);
  }
  return {
    name: v.name,
    description: v.description.trim() || null,
    direction: v.direction,
    weight: v.weight === '' ? 1 : Number(v.weight),
    preference,
    source: v.source,
    scale:
      v.source === 'manual' && v.scale.min !== '' && v.scale.max !== ''
        ? { min: Number(v.scale.min), max: Number(v.scale.max) }
        : null,
  };
}

function initialValues(criterion: Criterion | undefined): CriterionValues {
  return {
    name: criterion?.name ?? '',
    description: criterion?.description ?? '',
    direction: criterion?.direction ?? 'max',
    weight: criterion?.weight ?? 10,
    preference: {
      type: criterion?.preference.type ?? 'v-shape',
      q: criterion?.preference.q ?? '',
      p: criterion?.preference.p ?? (criterion ? '' : 2),
      s: criterion?.preference.s ?? '',
    },
    source: criterion?.source ?? 'manual',
    scale: { min: criterion?.scale?.min ?? 1, max: criterion?.scale?.max ?? 5 },
  };
}

/** Creates a criterion or changes one: its name, direction, source (a scale to type in, or a cost), preference. */
export function CriterionFormModal(props: { state: StrategyState; criterion?: Criterion; onClose(): void }) {
  const { t } = useTranslation();
  const { criterion, state } = props;
  const create = useCreateCriterion(state.missionId);
  const update = useUpdateCriterion(state.missionId);
  const mutation = criterion ? update : create;
  const { form, submit } = useSchemaForm({
    schema: CriterionCreateInput,
    initialValues: initialValues(criterion),
    toInput: criterionBody,
  });
  const onSubmit = submit((body, callbacks) => {
    const onSuccess = () => {
      notify(t('strategy.criteria.saved', { name: body.name }));
      props.onClose();
    };
    if (!criterion) return create.mutate(body, { ...callbacks, onSuccess });
    // The weight is set in the weights panel: leaving it out keeps the AHP comparisons valid.
    const { weight: _weight, ...patch } = body;
    // Thresholds read from the data stay so unless the consultant changed the preference function.
    const same =
      criterion.thresholdRule !== null && JSON.stringify(patch.preference) === JSON.stringify(criterion.preference);
    update.mutate(
      { id: criterion.id, body: same ? { ...patch, thresholdRule: criterion.thresholdRule } : patch },
      { ...callbacks, onSuccess },
    );
  });
  return (
    <EditorModal
      title={t(criterion ? 'strategy.criteria.editTitle' : 'strategy.criteria.createTitle')}
      onClose={props.onClose}
      size="lg"
      errors={form.errors}
      onSubmit={onSubmit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel={t(criterion ? 'common.save' : 'strategy.criteria.create')}
    >
      <TextInput label={t('strategy.criteria.fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <Textarea label={t('strategy.criteria.fields.description')} autosize {...form.getInputProps('description')} />
      <CriterionFields form={form} creating={!criterion} />
    </EditorModal>
  );
}

/** The direction, source (and scale), preference function and its thresholds; the weight of a new criterion. */
function CriterionFields(props: { form: UseFormReturnType<CriterionValues>; creating: boolean }) {
  const { t } = useTranslation();
  const { form } = props;
  const params = PARAMETERS[form.values.preference.type];
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('strategy.criteria.fields.direction')}
          data={(['max', 'min'] as const).map((d) => ({ value: d, label: t(`strategy.criteria.direction.${d}`) }))}
          allowDeselect={false}
          {...form.getInputProps('direction')}
        />
        <Select
          label={t('strategy.criteria.fields.source')}
          data={CRITERION_SOURCES.map((s) => ({ value: s, label: t(`strategy.criteria.sources.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('source')}
        />
        {form.values.source === 'manual' ? (
          <>
            <NumberInput label={t('strategy.criteria.fields.scaleMin')} {...form.getInputProps('scale.min')} />
            <NumberInput label={t('strategy.criteria.fields.scaleMax')} {...form.getInputProps('scale.max')} />
          </>
        ) : null}
        <Select
          label={t('strategy.criteria.fields.preference')}
          description={t(`strategy.preferenceHelp.${form.values.preference.type}`)}
          data={PREFERENCE_TYPES.map((type) => ({ value: type, label: t(`strategy.preference.${type}`) }))}
          allowDeselect={false}
          {...form.getInputProps('preference.type')}
        />
        {props.creating ? (
          <NumberInput label={t('strategy.criteria.fields.weight')} min={0} {...form.getInputProps('weight')} />
        ) : null}
      </SimpleGrid>
      {params.length > 0 ? (
        <Group grow>
          {params.map((name) => (
            <NumberInput
              key={name}
              label={t(`strategy.criteria.fields.${name}`)}
              min={0}
              decimalScale={4}
              {...form.getInputProps(`preference.${name}`)}
            />
          ))}
        </Group>
      ) : null}
    </>
  );
}
