import { Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScenarioCreateInput, type StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useApplyScenario, useCreateScenario, useDeleteScenario } from './api.ts';
import { percent } from './labels.ts';

type Scenario = StrategyState['scenarios'][number];

/** The saved weight scenarios: what each weighs, applied or deleted in one click; the current weights saved as one. */
export function Scenarios({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const create = useCreateScenario(state.missionId);
  const apply = useApplyScenario(state.missionId);
  const remove = useDeleteScenario(state.missionId);
  const edit = state.permissions.edit;
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
                  {edit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.scenarios.map((s) => (
                  <ScenarioRow
                    key={s.id}
                    state={state}
                    scenario={s}
                    onApply={() =>
                      apply.mutate(s.id, { onSuccess: () => notify(t('strategy.scenarios.applied', { name: s.name })) })
                    }
                    onDelete={() => remove.mutate(s.id)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {edit ? <SaveScenario create={create} /> : null}
      </Stack>
    </Paper>
  );
}

function ScenarioRow(props: { state: StrategyState; scenario: Scenario; onApply(): void; onDelete(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { scenario: s } = props;
  const criterionName = new Map(props.state.criteria.map((c) => [c.id, c.name]));
  const total = Object.values(s.weights).reduce((a, b) => a + b, 0);
  return (
    <Table.Tr>
      <Table.Td fw={600}>{s.name}</Table.Td>
      <Table.Td>
        <Text size="xs">
          {Object.entries(s.weights)
            .filter(([id]) => criterionName.has(id))
            .map(([id, w]) => `${criterionName.get(id)} ${percent(total > 0 ? w / total : 0, language, 0)}`)
            .join(' · ')}
        </Text>
      </Table.Td>
      {props.state.permissions.edit ? (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={props.onApply}>
              {t('strategy.scenarios.apply')}
              <VisuallyHidden>{` ${s.name}`}</VisuallyHidden>
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={props.onDelete}>
              {t('common.delete')}
              <VisuallyHidden>{` ${s.name}`}</VisuallyHidden>
            </Button>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** Saves the current weights under a name. */
function SaveScenario({ create }: { create: ReturnType<typeof useCreateScenario> }) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: ScenarioCreateInput,
    initialValues: { name: '' },
    toInput: (values) => ({ name: values.name.trim() }),
  });
  const onSubmit = submit((input, callbacks) => create.mutate(input, { ...callbacks, onSuccess: () => form.reset() }));
  return (
    <InlineAddForm
      errors={form.errors}
      onSubmit={onSubmit}
      label={t('strategy.scenarios.saveCurrent')}
      pending={create.isPending}
    >
      <TextInput
        label={t('strategy.scenarios.saveCurrentLabel')}
        placeholder={t('strategy.scenarios.namePlaceholder')}
        w={{ base: '100%', xs: 320 }}
        {...form.getInputProps('name')}
      />
    </InlineAddForm>
  );
}
