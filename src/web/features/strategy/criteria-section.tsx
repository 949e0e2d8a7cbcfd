import {
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITERION_SOURCES, type Criterion, CriterionCreateInput } from '../../../domain/strategy/criteria.ts';
import type { PreferenceFunction, PreferenceFunctionType } from '../../../domain/strategy/schemas.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { isQuantitative, proposeThresholds } from '../../../domain/strategy/thresholds.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { zodFormErrors } from '../../lib/form-validation.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  useApplyScenario,
  useCreateCriterion,
  useCreateScenario,
  useDeleteCriterion,
  useDeleteScenario,
  useSetAhp,
  useSetWeights,
  useUpdateCriterion,
} from './api.ts';
import { decimal, percent } from './labels.ts';
import { ahpOf, PairwiseComparisons, type Triangle, triangleFromWeights } from './pairwise-comparisons.tsx';

const PREFERENCE_TYPES: PreferenceFunctionType[] = ['usual', 'u-shape', 'v-shape', 'level', 'linear', 'gaussian'];
const PARAMETERS: Record<PreferenceFunctionType, ('q' | 'p' | 's')[]> = {
  usual: [],
  'u-shape': ['q'],
  'v-shape': ['p'],
  level: ['q', 'p'],
  linear: ['q', 'p'],
  gaussian: ['s'],
};

/** "en V, p = 2" */
export function usePreferenceText() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (fn: PreferenceFunction) => {
    const params = PARAMETERS[fn.type]
      .map((name) => `${name} = ${decimal(fn[name] ?? 0, language, Number.isInteger(fn[name]) ? 0 : 2)}`)
      .join(', ');
    return params ? `${t(`strategy.preference.${fn.type}`)} (${params})` : t(`strategy.preference.${fn.type}`);
  };
}

/** The criteria, their weights (typed in or from AHP comparisons) and the saved weight scenarios. */
export default function CriteriaSection({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const preferenceText = usePreferenceText();
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);
  const remove = useDeleteCriterion(state.missionId);
  const edit = state.permissions.edit;

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" component="section" aria-labelledby="criteria-heading">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h3" id="criteria-heading">
                {t('strategy.criteria.title')}
              </Title>
              <Text c="dimmed" size="sm" maw={760}>
                {t('strategy.criteria.intro')}
              </Text>
            </div>
            {edit ? <Button onClick={() => setEditing('new')}>{t('strategy.criteria.create')}</Button> : null}
          </Group>
          <ErrorAlert error={remove.error} />
          <Table.ScrollContainer minWidth={820}>
            <Table striped data-testid="criteria-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('strategy.criteria.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.criteria.fields.direction')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.criteria.fields.preference')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.criteria.fields.source')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('strategy.criteria.fields.weight')}
                  </Table.Th>
                  {edit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.criteria.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {c.name}
                      </Text>
                      {c.description ? (
                        <Text size="xs" c="dimmed">
                          {c.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{t(`strategy.criteria.direction.${c.direction}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{preferenceText(c.preference)}</Text>
                      <Thresholds state={state} criterion={c} />
                    </Table.Td>
                    <Table.Td>
                      {c.source === 'manual' && c.scale
                        ? t('strategy.criteria.scaleText', { min: c.scale.min, max: c.scale.max })
                        : t(`strategy.criteria.sources.${c.source}`)}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      {percent(c.normalisedWeight, language)}
                    </Table.Td>
                    {edit ? (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setEditing(c)}>
                            {t('common.edit')}
                            <VisuallyHidden>{` ${c.name}`}</VisuallyHidden>
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => {
                              if (window.confirm(t('strategy.criteria.deleteConfirm', { name: c.name }))) {
                                remove.mutate(c.id);
                              }
                            }}
                          >
                            {t('common.delete')}
                            <VisuallyHidden>{` ${c.name}`}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>
      {state.criteria.length > 0 ? (
        // Remounts when the saved weights change (a scenario applied, AHP saved), so the panel shows them.
        <Weights key={state.criteria.map((c) => `${c.id}:${c.weight}`).join()} state={state} />
      ) : null}
      <Scenarios state={state} />
      {editing ? (
        <CriterionFormModal
          state={state}
          criterion={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

function Weights({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<'ahp' | 'direct'>('ahp');
  const names = state.criteria.map((c) => c.name);
  const ids = state.criteria.map((c) => c.id);
  const saved =
    state.ahp && state.ahp.criterionIds.join() === ids.join() ? (state.ahp.upperTriangle as Triangle) : null;
  const [triangle, setTriangle] = useState<Triangle>(
    () => saved ?? triangleFromWeights(state.criteria.map((c) => c.normalisedWeight)),
  );
  const [direct, setDirect] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(state.criteria.map((c) => [c.id, Math.round(c.normalisedWeight * 1000) / 10])),
  );
  const setAhp = useSetAhp(state.missionId);
  const setWeights = useSetWeights(state.missionId);
  const result = ahpOf(triangle);
  const directTotal = Object.values(direct).reduce<number>((s, v) => s + (Number(v) || 0), 0);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="weights-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="weights-heading">
              {t('strategy.weights.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={760}>
              {t('strategy.weights.intro')}
            </Text>
          </div>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'ahp' | 'direct')}
            data={[
              { value: 'ahp', label: t('strategy.weights.ahp') },
              { value: 'direct', label: t('strategy.weights.direct') },
            ]}
            aria-label={t('strategy.weights.mode')}
          />
        </Group>
        {state.ahp ? (
          <Text size="sm">
            {t('strategy.weights.lastAhp', { cr: decimal(state.ahp.result.consistencyRatio, language, 3) })}
          </Text>
        ) : null}
        {mode === 'ahp' ? (
          state.criteria.length < 2 ? (
            <Text c="dimmed">{t('strategy.weights.needTwo')}</Text>
          ) : (
            <>
              <PairwiseComparisons
                names={names}
                triangle={triangle}
                onChange={setTriangle}
                disabled={!state.permissions.edit}
              />
              {state.permissions.edit ? (
                <Group>
                  <ErrorAlert error={setAhp.error} />
                  <Button
                    loading={setAhp.isPending}
                    disabled={!result}
                    onClick={() =>
                      setAhp.mutate(
                        { criterionIds: ids, upperTriangle: triangle, apply: true },
                        { onSuccess: () => notify(t('strategy.weights.ahpApplied')) },
                      )
                    }
                  >
                    {t('strategy.weights.applyAhp')}
                  </Button>
                </Group>
              ) : null}
            </>
          )
        ) : (
          <Stack gap="xs" maw={640}>
            {state.criteria.map((c) => {
              const share = directTotal > 0 ? (Number(direct[c.id]) || 0) / directTotal : 0;
              return (
                <Group key={c.id} wrap="nowrap" align="center">
                  <NumberInput
                    label={c.name}
                    min={0}
                    max={1000}
                    step={1}
                    w={260}
                    value={direct[c.id]}
                    onChange={(v) => setDirect({ ...direct, [c.id]: v })}
                    disabled={!state.permissions.edit}
                  />
                  <Progress value={share * 100} w={200} mt={22} aria-hidden="true" />
                  <Text size="sm" mt={22} w={70} ta="right">
                    {percent(share, language)}
                  </Text>
                </Group>
              );
            })}
            {state.permissions.edit ? (
              <Group>
                <ErrorAlert error={setWeights.error} />
                <Button
                  loading={setWeights.isPending}
                  disabled={!(directTotal > 0)}
                  onClick={() =>
                    setWeights.mutate(Object.fromEntries(ids.map((id) => [id, Number(direct[id]) || 0])), {
                      onSuccess: () => notify(t('strategy.weights.saved')),
                    })
                  }
                >
                  {t('strategy.weights.save')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Scenarios({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [name, setName] = useState('');
  const create = useCreateScenario(state.missionId);
  const apply = useApplyScenario(state.missionId);
  const remove = useDeleteScenario(state.missionId);
  const criterionName = new Map(state.criteria.map((c) => [c.id, c.name]));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="scenarios-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="scenarios-heading">
          {t('strategy.scenarios.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('strategy.scenarios.intro')}
        </Text>
        <ErrorAlert error={create.error ?? apply.error ?? remove.error} />
        {state.scenarios.length === 0 ? (
          <Text c="dimmed">{t('strategy.scenarios.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={460}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('strategy.scenarios.name')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.scenarios.weights')}</Table.Th>
                  {state.permissions.edit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.scenarios.map((s) => {
                  const total = Object.values(s.weights).reduce((a, b) => a + b, 0);
                  return (
                    <Table.Tr key={s.id}>
                      <Table.Td fw={600}>{s.name}</Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {Object.entries(s.weights)
                            .filter(([id]) => criterionName.has(id))
                            .map(
                              ([id, w]) =>
                                `${criterionName.get(id)} ${percent(total > 0 ? w / total : 0, language, 0)}`,
                            )
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      {state.permissions.edit ? (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() =>
                                apply.mutate(s.id, {
                                  onSuccess: () => notify(t('strategy.scenarios.applied', { name: s.name })),
                                })
                              }
                            >
                              {t('strategy.scenarios.apply')}
                              <VisuallyHidden>{` ${s.name}`}</VisuallyHidden>
                            </Button>
                            <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(s.id)}>
                              {t('common.delete')}
                              <VisuallyHidden>{` ${s.name}`}</VisuallyHidden>
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {state.permissions.edit ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!name.trim()) return;
              create.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('strategy.scenarios.saveCurrentLabel')}
                placeholder={t('strategy.scenarios.namePlaceholder')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                w={320}
              />
              <Button type="submit" variant="light" loading={create.isPending} disabled={!name.trim()}>
                {t('strategy.scenarios.saveCurrent')}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}

type CriterionValues = {
  name: string;
  description: string;
  direction: 'max' | 'min';
  weight: number | string;
  type: PreferenceFunctionType;
  q: number | string;
  p: number | string;
  s: number | string;
  source: Criterion['source'];
  scaleMin: number | string;
  scaleMax: number | string;
};

function criterionBody(v: CriterionValues) {
  const preference: PreferenceFunction = { type: v.type };
  for (const name of PARAMETERS[v.type]) {
    const value = v[name];
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
      v.source === 'manual' && v.scaleMin !== '' && v.scaleMax !== ''
        ? { min: Number(v.scaleMin), max: Number(v.scaleMax) }
        : null,
  };
}

function CriterionFormModal(props: { state: StrategyState; criterion?: Criterion; onClose(): void }) {
  const { t } = useTranslation();
  const { criterion, state } = props;
  const create = useCreateCriterion(state.missionId);
  const update = useUpdateCriterion(state.missionId);
  const mutation = criterion ? update : create;
  const form = useForm<CriterionValues>({
    mode: 'controlled',
    initialValues: {
      name: criterion?.name ?? '',
      description: criterion?.description ?? '',
      direction: criterion?.direction ?? 'max',
      weight: criterion?.weight ?? 10,
      type: criterion?.preference.type ?? 'v-shape',
      q: criterion?.preference.q ?? '',
      p: criterion?.preference.p ?? (criterion ? '' : 2),
      s: criterion?.preference.s ?? '',
      source: criterion?.source ?? 'manual',
      scaleMin: criterion?.scale?.min ?? 1,
      scaleMax: criterion?.scale?.max ?? 5,
    },
    validate: (values) => {
      const errors = zodFormErrors(CriterionCreateInput, criterionBody(values), t);
      // The schema names preference.q; the form shows q.
      return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^preference\./, ''), v]));
    },
  });
  const params = PARAMETERS[form.values.type];
  const submit = form.onSubmit((values) => {
    const body = criterionBody(values);
    const fail = (error: Error) => {
      if (error instanceof ApiError) {
        form.setErrors(
          Object.fromEntries(Object.entries(error.fieldErrors()).map(([k, v]) => [k.replace(/^preference\./, ''), v])),
        );
      }
    };
    const done = () => {
      notify(t('strategy.criteria.saved', { name: values.name }));
      props.onClose();
    };
    if (criterion) {
      // The weight is set in the weights panel: leaving it out keeps the AHP comparisons valid.
      const { weight: _weight, ...patch } = body;
      // Thresholds read from the data stay so unless the consultant changed the preference function.
      const same =
        criterion.thresholdRule !== null && JSON.stringify(patch.preference) === JSON.stringify(criterion.preference);
      update.mutate(
        { id: criterion.id, body: same ? { ...patch, thresholdRule: criterion.thresholdRule } : patch },
        { onSuccess: done, onError: fail },
      );
    } else {
      create.mutate(body, { onSuccess: done, onError: fail });
    }
  });

  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={t(criterion ? 'strategy.criteria.editTitle' : 'strategy.criteria.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} />
          <FormErrorSummary errors={form.errors} />
          <TextInput
            label={t('strategy.criteria.fields.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea label={t('strategy.criteria.fields.description')} autosize {...form.getInputProps('description')} />
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
                <NumberInput label={t('strategy.criteria.fields.scaleMin')} {...form.getInputProps('scaleMin')} />
                <NumberInput label={t('strategy.criteria.fields.scaleMax')} {...form.getInputProps('scaleMax')} />
              </>
            ) : null}
            <Select
              label={t('strategy.criteria.fields.preference')}
              description={t(`strategy.preferenceHelp.${form.values.type}`)}
              data={PREFERENCE_TYPES.map((type) => ({ value: type, label: t(`strategy.preference.${type}`) }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            {!criterion ? (
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
                  {...form.getInputProps(name)}
                />
              ))}
            </Group>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(criterion ? 'common.save' : 'strategy.criteria.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The criterion's values over the projects that can be ranked: the sheet's figures, or the grid's scores. */
function valuesOf(state: StrategyState, criterion: Criterion): number[] {
  const scores = new Map(
    state.evaluations.filter((e) => e.criterionId === criterion.id).map((e) => [e.projectId, e.value]),
  );
  return state.projects
    .filter((p) => p.status !== 'rejected')
    .flatMap((p) => {
      const value =
        criterion.source === 'investmentCost'
          ? p.investmentCost
          : criterion.source === 'runningCost'
            ? p.runningCostPerYear
            : scores.get(p.id);
      return value === undefined ? [] : [value];
    });
}

/**
 * For a quantitative criterion: the thresholds the projects' spread suggests and the rule behind them, applied in one
 * click (then recomputed at each ranking), or the note that they are in use.
 */
function Thresholds({ state, criterion }: { state: StrategyState; criterion: Criterion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateCriterion(state.missionId);
  if (!isQuantitative(criterion)) return null;
  const proposal = proposeThresholds(valuesOf(state, criterion));
  const amount = (x: number) => decimal(x, language, 0);
  if (!proposal) {
    return criterion.thresholdRule ? (
      <Text size="xs" c="dimmed">
        {t('strategy.criteria.thresholds.waiting')}
      </Text>
    ) : null;
  }
  const text = t('strategy.criteria.thresholds.rule', {
    q: amount(proposal.q),
    p: amount(proposal.p),
    count: proposal.pairs,
  });
  return (
    <Stack gap={2} data-testid="criterion-thresholds">
      <Text size="xs" c={criterion.thresholdRule ? undefined : 'dimmed'}>
        {criterion.thresholdRule
          ? t('strategy.criteria.thresholds.inUse', { rule: text })
          : t('strategy.criteria.thresholds.proposed', { rule: text })}
      </Text>
      {state.permissions.edit && !criterion.thresholdRule ? (
        <Group>
          <Button
            size="compact-xs"
            variant="light"
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                id: criterion.id,
                body: {
                  preference: { type: 'linear', q: proposal.q, p: proposal.p },
                  thresholdRule: 'pairwise-quartiles',
                },
              })
            }
          >
            {t('strategy.criteria.thresholds.apply')}
            <VisuallyHidden>{` ${criterion.name}`}</VisuallyHidden>
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
