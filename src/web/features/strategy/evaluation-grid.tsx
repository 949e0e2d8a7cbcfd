import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../domain/shared/format.ts';
import type { Criterion } from '../../../domain/strategy/criteria.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import classes from './evaluation-grid.module.css';
import { cellKey, useGridEditing, useGridKeys } from './evaluation-grid-editing.ts';
import { euros } from './labels.ts';

type Project = StrategyState['projects'][number];
type Editing = ReturnType<typeof useGridEditing>;
type Keys = ReturnType<typeof useGridKeys>;

/**
 * The evaluation grid: one row per project, one column per criterion, typed like a spreadsheet. Enter and the
 * arrow keys move between cells (left and right once the caret reaches the edge of the text), Tab goes on; a cell is
 * saved when it is left. Criteria read from the sheet (the costs) are shown, not typed.
 */
export default function EvaluationGrid({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const projects = state.projects.filter((p) => p.status !== 'rejected');
  const manual = state.criteria.filter((c) => c.source === 'manual');
  const editing = useGridEditing(state);
  const keys = useGridKeys(projects.length, manual.length, (row, column) =>
    editing.drop(cellKey(projects[row]!.id, manual[column]!.id)),
  );
  const missing = projects.reduce(
    (n, p) => n + manual.filter((c) => !editing.saved.has(cellKey(p.id, c.id))).length,
    0,
  );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="grid-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="grid-heading">
              {t('strategy.grid.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={820}>
              {t('strategy.grid.intro')}
            </Text>
          </div>
          <Text size="sm" role="status" aria-live="polite" data-testid="grid-status">
            {editing.status === 'saving' || editing.save.isPending
              ? t('strategy.grid.saving')
              : editing.status === 'saved'
                ? t('strategy.grid.saved')
                : ''}
          </Text>
        </Group>
        <ErrorAlert error={editing.save.error} />
        {projects.length === 0 || state.criteria.length === 0 ? (
          <Text c="dimmed">{t('strategy.grid.empty')}</Text>
        ) : (
          <>
            <Text size="sm">
              {missing === 0 ? t('strategy.grid.complete') : t('strategy.grid.missing', { count: missing })}
            </Text>
            <Table.ScrollContainer minWidth={200 + state.criteria.length * 96}>
              <Table withTableBorder withColumnBorders data-testid="evaluation-grid" verticalSpacing={4}>
                <GridHead criteria={state.criteria} />
                <Table.Tbody>
                  {projects.map((project, row) => (
                    <Table.Tr key={project.id}>
                      <Table.Th scope="row" fw={500} style={{ minWidth: 200 }}>
                        {project.title}
                      </Table.Th>
                      {state.criteria.map((criterion) => (
                        <GridCell
                          key={criterion.id}
                          state={state}
                          project={project}
                          criterion={criterion}
                          row={row}
                          column={manual.indexOf(criterion)}
                          editing={editing}
                          keys={keys}
                        />
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group gap="xs">
              <Badge variant="light" color="yellow">
                {t('strategy.grid.legendEmpty')}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('strategy.grid.keys')}
              </Text>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function GridHead({ criteria }: { criteria: Criterion[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{t('strategy.grid.project')}</Table.Th>
        {criteria.map((c) => (
          <Table.Th
            key={c.id}
            scope="col"
            style={{ minWidth: 92, verticalAlign: 'bottom', hyphens: 'auto' }}
            lang={language}
          >
            <Text size="sm" fw={600} lh={1.2}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {`${c.direction === 'max' ? '↑' : '↓'} ${
                c.source === 'manual' ? (c.scale ? `${c.scale.min}–${c.scale.max}` : '') : t('strategy.grid.fromSheet')
              }`}
            </Text>
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A score to type, or a cost read from the sheet. */
function GridCell(props: {
  state: StrategyState;
  project: Project;
  criterion: Criterion;
  row: number;
  column: number;
  editing: Editing;
  keys: Keys;
}) {
  const language = useLanguage();
  const { project, criterion, row, column, editing } = props;
  if (criterion.source !== 'manual') {
    const value = criterion.source === 'investmentCost' ? project.investmentCost : project.runningCostPerYear;
    return (
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} c="dimmed">
        {euros(value, language)}
      </Table.Td>
    );
  }
  const k = cellKey(project.id, criterion.id);
  const problem = editing.problems[k];
  const savedValue = editing.saved.get(k);
  const empty = savedValue === undefined && editing.drafts[k] === undefined;
  return (
    <Table.Td p={2} style={{ background: empty ? '#fff8e6' : undefined }}>
      <input
        ref={props.keys.register(row, column)}
        type="text"
        inputMode="decimal"
        className={classes.cell}
        aria-label={`${project.title} — ${criterion.name}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `problem-${k}` : undefined}
        readOnly={!props.state.permissions.edit}
        value={editing.drafts[k] ?? (savedValue === undefined ? '' : formatNumber(savedValue, language, 3))}
        onChange={(e) => editing.type(k, e.currentTarget.value)}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={() => editing.commit(project.id, criterion.id)}
        onKeyDown={(e) => props.keys.onKeyDown(e, row, column)}
        data-cell={`${row}-${column}`}
      />
      {problem ? (
        <Text id={`problem-${k}`} size="xs" c="red.9" role="alert">
          {problem}
        </Text>
      ) : null}
    </Table.Td>
  );
}
