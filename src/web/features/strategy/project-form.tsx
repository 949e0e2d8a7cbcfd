import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import { FUNDING_STATUSES, type FundingStatus } from '../../../domain/strategy/funding.ts';
import type { HorizonKey } from '../../../domain/strategy/horizons.ts';
import {
  PROJECT_STATUSES,
  type ProjectSheet,
  ProjectSheetCreateInput,
  type ProjectStatus,
} from '../../../domain/strategy/project-sheets.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { zodFormErrors } from '../../lib/form-validation.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type ProjectCreateBody, useCommuneNeeds, useCreateProject, useUpdateProject } from './api.ts';
import { horizonOptions } from './labels.ts';

type FundingRow = { name: string; rate: number | string; amount: number | string; status: FundingStatus };
type Values = {
  title: string;
  description: string;
  dimensions: Dimension[];
  owner: string;
  investmentCost: number | string;
  runningCostPerYear: number | string;
  funding: FundingRow[];
  earliestHorizon: HorizonKey | null;
  durationMonths: number | string;
  phasing: (number | string)[];
  requires: string[];
  excludes: string[];
  mandatory: boolean;
  status: ProjectStatus;
  objectiveId: string | null;
  needIds: string[];
  needRefs: string[];
};

const asNumber = (value: number | string): number | null => (value === '' ? null : Number(value));

function toBody(values: Values): ProjectCreateBody {
  return {
    title: values.title,
    description: values.description.trim() || null,
    dimensions: values.dimensions,
    owner: values.owner.trim() || null,
    investmentCost: asNumber(values.investmentCost) ?? 0,
    runningCostPerYear: asNumber(values.runningCostPerYear) ?? 0,
    funding: values.funding
      .filter((f) => f.name.trim())
      .map((f) => ({ name: f.name.trim(), rate: asNumber(f.rate), amount: asNumber(f.amount), status: f.status })),
    earliestHorizon: values.earliestHorizon,
    durationMonths: asNumber(values.durationMonths) ?? 12,
    // Empty: spread by the duration; otherwise the % typed for each horizon from the start one.
    phasing: values.phasing.every((x) => x === '' || Number(x) === 0)
      ? null
      : values.phasing.map((x) => Number(x || 0)),
    requires: values.requires,
    excludes: values.excludes,
    mandatory: values.mandatory,
    status: values.status,
    objectiveId: values.objectiveId,
    needIds: values.needIds,
    needRefs: values.needRefs,
  };
}

/**
 * Creates or changes a project sheet. Dependencies and exclusions name the mission's other sheets; the server refuses
 * a dependency cycle and says which projects form it.
 */
export function ProjectFormModal(props: { state: StrategyState; project?: ProjectSheet; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, project } = props;
  const create = useCreateProject(state.missionId);
  const update = useUpdateProject(state.missionId);
  const mutation = project ? update : create;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: project?.title ?? '',
      description: project?.description ?? '',
      dimensions: project?.dimensions ?? [],
      owner: project?.owner ?? '',
      investmentCost: project?.investmentCost ?? '',
      runningCostPerYear: project?.runningCostPerYear ?? '',
      funding: (project?.funding ?? []).map((f) => ({
        name: f.name,
        rate: f.rate ?? '',
        amount: f.amount ?? '',
        status: f.status ?? 'requested',
      })),
      earliestHorizon: project?.earliestHorizon ?? null,
      durationMonths: project?.durationMonths ?? 12,
      phasing: [0, 1, 2].map((i) => project?.phasing?.[i] ?? ''),
      requires: project?.requires ?? [],
      excludes: project?.excludes ?? [],
      mandatory: project?.mandatory ?? false,
      status: project?.status ?? 'draft',
      objectiveId: project?.objectiveId ?? null,
      needIds: project?.needIds ?? [],
      needRefs: project?.needRefs ?? [],
    },
    validate: (values) => zodFormErrors(ProjectSheetCreateInput, toBody(values), t),
  });
  const needs = useCommuneNeeds(state.communeNis);
  const others = state.projects.filter((p) => p.id !== project?.id).map((p) => ({ value: p.id, label: p.title }));
  const objectives = state.objectives
    .filter((o) => o.kind === 'strategic')
    .map((goal) => ({
      group: `${goal.code} — ${goal.title}`,
      items: state.objectives
        .filter((o) => o.parentId === goal.id)
        .map((o) => ({ value: o.id, label: `${o.code} — ${o.title}` })),
    }))
    .filter((g) => g.items.length > 0);
  const money = {
    min: 0,
    step: 1000,
    thousandSeparator: language === 'fr' ? ' ' : ',',
    decimalSeparator: language === 'fr' ? ',' : '.',
    suffix: ' €',
    allowNegative: false,
  } as const;

  const submit = form.onSubmit((values) => {
    const body = toBody(values);
    const fail = (error: Error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors());
    };
    const done = () => {
      notify(t(project ? 'strategy.projects.saved' : 'strategy.projects.created', { title: values.title }));
      props.onClose();
    };
    if (project) update.mutate({ id: project.id, body }, { onSuccess: done, onError: fail });
    else create.mutate(body, { onSuccess: done, onError: fail });
  });

  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={t(project ? 'strategy.projects.editTitle' : 'strategy.projects.createTitle')}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} />
          <FormErrorSummary errors={form.errors} />
          <TextInput
            label={t('strategy.projects.fields.title')}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('strategy.projects.fields.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Checkbox.Group label={t('strategy.projects.fields.dimensions')} {...form.getInputProps('dimensions')}>
            <Group gap="md" mt={4}>
              {DIMENSIONS.map((d) => (
                <Checkbox key={d} value={d} label={t(`strategy.dimensions.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('strategy.projects.fields.owner')}
              description={t('strategy.projects.fields.ownerHelp')}
              {...form.getInputProps('owner')}
            />
            <Select
              label={t('strategy.projects.fields.status')}
              data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`strategy.statuses.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <NumberInput
              label={t('strategy.projects.fields.investmentCost')}
              description={t('strategy.projects.fields.vatIncluded')}
              {...money}
              {...form.getInputProps('investmentCost')}
            />
            <NumberInput
              label={t('strategy.projects.fields.runningCostPerYear')}
              description={t('strategy.projects.fields.vatIncluded')}
              {...money}
              {...form.getInputProps('runningCostPerYear')}
            />
            <Select
              label={t('strategy.projects.fields.earliestHorizon')}
              description={t('strategy.projects.fields.earliestHorizonHelp')}
              data={horizonOptions(t)}
              clearable
              placeholder={t('strategy.projects.fields.anyHorizon')}
              {...form.getInputProps('earliestHorizon')}
            />
            <NumberInput
              label={t('strategy.projects.fields.durationMonths')}
              min={1}
              max={84}
              suffix={` ${t('strategy.projects.months')}`}
              {...form.getInputProps('durationMonths')}
            />
          </SimpleGrid>
          <Fieldset legend={t('strategy.projects.fields.phasing')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('strategy.projects.fields.phasingHelp')}
            </Text>
            <SimpleGrid cols={{ base: 3 }}>
              {[0, 1, 2].map((i) => (
                <NumberInput
                  key={i}
                  label={(t('strategy.projects.fields.phasingShares', { returnObjects: true }) as string[])[i]}
                  min={0}
                  max={100}
                  suffix=" %"
                  {...form.getInputProps(`phasing.${i}`)}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <MultiSelect
            label={t('strategy.projects.fields.requires')}
            description={t('strategy.projects.fields.requiresHelp')}
            data={others}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('requires')}
          />
          <MultiSelect
            label={t('strategy.projects.fields.excludes')}
            description={t('strategy.projects.fields.excludesHelp')}
            data={others}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('excludes')}
          />
          <Switch
            label={t('strategy.projects.fields.mandatory')}
            description={t('strategy.projects.fields.mandatoryHelp')}
            {...form.getInputProps('mandatory', { type: 'checkbox' })}
          />
          <Select
            label={t('strategy.projects.fields.objective')}
            description={
              objectives.length === 0
                ? t('strategy.projects.fields.noObjectives')
                : t('strategy.projects.fields.objectiveHelp')
            }
            data={objectives}
            clearable
            disabled={objectives.length === 0}
            {...form.getInputProps('objectiveId')}
          />
          <MultiSelect
            label={t('strategy.projects.fields.needIds')}
            description={t('strategy.projects.fields.needIdsHelp')}
            data={needs.data ?? []}
            searchable
            nothingFoundMessage={t('strategy.projects.fields.noNeeds')}
            {...form.getInputProps('needIds')}
          />
          <TagsInput
            label={t('strategy.projects.fields.needRefs')}
            description={t('strategy.projects.fields.needRefsHelp')}
            {...form.getInputProps('needRefs')}
          />
          {project && project.swotItemIds.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('strategy.projects.swotLinked', { count: project.swotItemIds.length })}
            </Text>
          ) : null}
          <Fieldset legend={t('strategy.projects.fields.funding')}>
            <Stack gap="xs">
              {form.values.funding.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form list have no identity of their own
                <Group key={i} align="flex-end" wrap="wrap" gap="xs">
                  <TextInput
                    label={t('strategy.projects.fields.fundingName')}
                    placeholder={t('strategy.projects.fields.fundingNamePlaceholder')}
                    style={{ flex: '2 1 12rem' }}
                    {...form.getInputProps(`funding.${i}.name`)}
                  />
                  <Select
                    label={t('strategy.projects.fields.fundingStatus')}
                    data={FUNDING_STATUSES.map((value) => ({
                      value,
                      label: t(`strategy.projects.fundingStatus.${value}`),
                    }))}
                    allowDeselect={false}
                    style={{ flex: '1 1 8rem' }}
                    {...form.getInputProps(`funding.${i}.status`)}
                  />
                  <NumberInput
                    label={t('strategy.projects.fields.fundingRate')}
                    min={0}
                    max={100}
                    suffix=" %"
                    style={{ flex: '1 1 6rem' }}
                    {...form.getInputProps(`funding.${i}.rate`)}
                  />
                  <NumberInput
                    label={t('strategy.projects.fields.fundingAmount')}
                    {...money}
                    style={{ flex: '1 1 8rem' }}
                    {...form.getInputProps(`funding.${i}.amount`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('strategy.projects.fields.fundingRemove')}
                    onClick={() => form.removeListItem('funding', i)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() =>
                    form.insertListItem('funding', { name: '', rate: '', amount: '', status: 'requested' })
                  }
                >
                  {t('strategy.projects.fields.fundingAdd')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(project ? 'common.save' : 'strategy.projects.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
