import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Objective, ObjectiveCreateInput } from '../../../domain/strategy/objectives.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useCreateObjective, useDeleteObjective, useUpdateObjective, useUpdateProject } from './api.ts';
import { objectiveOptions } from './objective-options.ts';

type Mutations = {
  create: ReturnType<typeof useCreateObjective>;
  update: ReturnType<typeof useUpdateObjective>;
  remove: ReturnType<typeof useDeleteObjective>;
  rename(objective: Objective): void;
};

/** The PST's strategic objectives, the operational objectives under each with the projects serving them. */
export function Objectives({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const create = useCreateObjective(state.missionId);
  const update = useUpdateObjective(state.missionId);
  const remove = useDeleteObjective(state.missionId);
  const updateProject = useUpdateProject(state.missionId);
  const strategic = state.objectives.filter((o) => o.kind === 'strategic');
  const rename = (o: Objective) => {
    const next = window.prompt(t('strategy.objectives.renamePrompt'), o.title);
    if (next?.trim() && next.trim() !== o.title) update.mutate({ id: o.id, body: { title: next.trim() } });
  };
  const mutations = { create, update, remove, rename };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="objectives-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="objectives-heading">
          {t('strategy.objectives.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('strategy.objectives.intro')}
        </Text>
        <ErrorAlert error={create.error ?? update.error ?? remove.error ?? updateProject.error} />
        {strategic.length === 0 ? <Text c="dimmed">{t('strategy.objectives.none')}</Text> : null}
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {strategic.map((goal, index) => (
            <li key={goal.id}>
              <StrategicGoal state={state} goal={goal} index={index} mutations={mutations} />
            </li>
          ))}
        </Stack>
        {state.permissions.edit ? (
          <AddObjective
            label={t('strategy.objectives.addStrategic')}
            placeholder={t('strategy.objectives.strategicPlaceholder')}
            create={create}
          />
        ) : null}
        <ObjectiveAssignment state={state} updateProject={updateProject} />
      </Stack>
    </Paper>
  );
}

function StrategicGoal(props: { state: StrategyState; goal: Objective; index: number; mutations: Mutations }) {
  const { t } = useTranslation();
  const { state, goal, index, mutations } = props;
  const edit = state.permissions.edit;
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Group justify="space-between" wrap="wrap">
        <Text fw={700}>{`${goal.code} — ${goal.title}`}</Text>
        {edit ? (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t('strategy.objectives.moveUp', { code: goal.code })}
              disabled={index === 0}
              onClick={() => mutations.update.mutate({ id: goal.id, body: { position: index - 1 } })}
            >
              ↑
            </ActionIcon>
            <ObjectiveActions
              objective={goal}
              mutations={mutations}
              confirm={() => window.confirm(t('strategy.objectives.deleteConfirm', { code: goal.code }))}
            />
          </Group>
        ) : null}
      </Group>
      <Stack gap={4} mt={6} pl="md" component="ul" style={{ listStyle: 'none', margin: 0 }}>
        {state.objectives
          .filter((o) => o.parentId === goal.id)
          .map((op) => (
            <li key={op.id}>
              <Operational state={state} objective={op} mutations={mutations} />
            </li>
          ))}
        {edit ? (
          <li>
            <AddObjective
              label={t('strategy.objectives.addOperational', { code: goal.code })}
              parentId={goal.id}
              create={mutations.create}
            />
          </li>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Operational(props: { state: StrategyState; objective: Objective; mutations: Mutations }) {
  const { t } = useTranslation();
  const { state, objective: op } = props;
  return (
    <Group justify="space-between" wrap="wrap">
      <div>
        <Text size="sm" fw={600}>{`${op.code} — ${op.title}`}</Text>
        <Text size="xs" c="dimmed">
          {state.projects
            .filter((p) => p.objectiveId === op.id)
            .map((p) => p.title)
            .join(' · ') || t('strategy.objectives.noAction')}
        </Text>
      </div>
      {state.permissions.edit ? (
        <Group gap={4} wrap="nowrap">
          <ObjectiveActions objective={op} mutations={props.mutations} confirm={() => true} />
        </Group>
      ) : null}
    </Group>
  );
}

/** Rename and delete, named for screen readers by the objective's code. */
function ObjectiveActions(props: { objective: Objective; mutations: Mutations; confirm(): boolean }) {
  const { t } = useTranslation();
  const { objective: o, mutations } = props;
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => mutations.rename(o)}>
        {t('strategy.objectives.rename')}
        <VisuallyHidden>{` ${o.code}`}</VisuallyHidden>
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={() => {
          if (props.confirm()) mutations.remove.mutate(o.id);
        }}
      >
        {t('common.delete')}
        <VisuallyHidden>{` ${o.code}`}</VisuallyHidden>
      </Button>
    </>
  );
}

/** Adds a strategic objective, or an operational one under its parent. */
function AddObjective(props: {
  label: string;
  placeholder?: string;
  parentId?: string;
  create: ReturnType<typeof useCreateObjective>;
}) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: ObjectiveCreateInput,
    initialValues: { title: '' },
    toInput: (values) => ({ ...(props.parentId ? { parentId: props.parentId } : {}), title: values.title.trim() }),
  });
  const onSubmit = submit((input, callbacks) =>
    props.create.mutate(input, { ...callbacks, onSuccess: () => form.reset() }),
  );
  return (
    <InlineAddForm
      errors={form.errors}
      onSubmit={onSubmit}
      label={t('strategy.objectives.add')}
      pending={props.create.isPending}
      mt={props.parentId ? 'xs' : 'sm'}
    >
      <TextInput
        label={props.label}
        placeholder={props.placeholder}
        size={props.parentId ? 'xs' : undefined}
        w={{ base: '100%', xs: props.parentId ? 360 : 420 }}
        {...form.getInputProps('title')}
      />
    </InlineAddForm>
  );
}

/** Which operational objective each project serves. */
function ObjectiveAssignment(props: { state: StrategyState; updateProject: ReturnType<typeof useUpdateProject> }) {
  const { t } = useTranslation();
  const { state } = props;
  const options = objectiveOptions(state);
  if (options.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="objective-assignment">
        <Table.Caption>{t('strategy.objectives.assignCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
            <Table.Th scope="col">{t('strategy.objectives.operational')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {state.projects
            .filter((p) => p.status !== 'rejected')
            .map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('strategy.objectives.assignLabel', { title: p.title })}
                    data={options}
                    value={p.objectiveId}
                    onChange={(v) => props.updateProject.mutate({ id: p.id, body: { objectiveId: v } })}
                    clearable
                    placeholder={t('strategy.objectives.unassigned')}
                    disabled={!state.permissions.edit}
                    size="xs"
                    w={360}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
