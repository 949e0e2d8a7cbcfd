import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../domain/strategy/criteria.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useDeleteCriterion } from './api.ts';
import { usePreferenceText } from './criteria-preference.ts';
import { Scenarios } from './criteria-scenarios.tsx';
import { Thresholds } from './criteria-thresholds.tsx';
import { Weights } from './criteria-weights.tsx';
import { CriterionFormModal } from './criterion-form.tsx';
import { percent } from './labels.ts';

/** The criteria, their weights (typed in or from AHP comparisons) and the saved weight scenarios. */
export default function CriteriaSection({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);
  const remove = useDeleteCriterion(state.missionId);
  const edit = state.permissions.edit;
  const onDelete = (c: Criterion) => {
    if (window.confirm(t('strategy.criteria.deleteConfirm', { name: c.name }))) remove.mutate(c.id);
  };
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
          <CriteriaTable state={state} onEdit={setEditing} onDelete={onDelete} />
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

type RowActions = { onEdit(criterion: Criterion): void; onDelete(criterion: Criterion): void };

function CriteriaTable({ state, ...actions }: { state: StrategyState } & RowActions) {
  const { t } = useTranslation();
  return (
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
            {state.permissions.edit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {state.criteria.map((c) => (
            <CriterionRow key={c.id} state={state} criterion={c} {...actions} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CriterionRow({
  state,
  criterion: c,
  ...actions
}: { state: StrategyState; criterion: Criterion } & RowActions) {
  const { t } = useTranslation();
  const language = useLanguage();
  const preferenceText = usePreferenceText();
  return (
    <Table.Tr>
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
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{percent(c.normalisedWeight, language)}</Table.Td>
      {state.permissions.edit ? (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => actions.onEdit(c)}>
              {t('common.edit')}
              <VisuallyHidden>{` ${c.name}`}</VisuallyHidden>
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => actions.onDelete(c)}>
              {t('common.delete')}
              <VisuallyHidden>{` ${c.name}`}</VisuallyHidden>
            </Button>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
