import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../domain/shared/format.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useSetEvaluations } from './api.ts';
import classes from './evaluation-grid.module.css';
import { euros } from './labels.ts';

const key = (projectId: string, criterionId: string) => `${projectId}|${criterionId}`;

/** "3,5" or "3.5" → 3.5; "" → null; anything else → NaN. */
function parseCell(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The evaluation grid: one row per project, one column per criterion, typed like a spreadsheet. Enter and the
 * arrow keys move between cells (left and right once the caret reaches the edge of the text), Tab goes on; a cell is
 * saved when it is left. Criteria read from the sheet (the costs) are shown, not typed.
 */
export default function EvaluationGrid({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSetEvaluations(state.missionId);
  const projects = state.projects.filter((p) => p.status !== 'rejected');
  const manual = state.criteria.filter((c) => c.source === 'manual');
  const saved = new Map(state.evaluations.map((e) => [key(e.projectId, e.criterionId), e.value]));
  const format = (value: number | undefined) => (value === undefined ? '' : formatNumber(value, language, 3));
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const cells = useRef(new Map<string, HTMLInputElement>());

  const textOf = (projectId: string, criterionId: string) =>
    drafts[key(projectId, criterionId)] ?? format(saved.get(key(projectId, criterionId)));

  const commit = (projectId: string, criterionId: string) => {
    const k = key(projectId, criterionId);
    const draft = drafts[k];
    if (draft === undefined) return;
    const value = parseCell(draft);
    const criterion = manual.find((c) => c.id === criterionId)!;
    if (
      value !== null &&
      (Number.isNaN(value) || (criterion.scale && (value < criterion.scale.min || value > criterion.scale.max)))
    ) {
      setProblems({
        ...problems,
        [k]: criterion.scale
          ? t('strategy.grid.outOfScale', { min: criterion.scale.min, max: criterion.scale.max })
          : t('strategy.grid.notANumber'),
      });
      return;
    }
    const { [k]: _gone, ...rest } = problems;
    setProblems(rest);
    if (value === (saved.get(k) ?? null)) {
      const { [k]: _same, ...others } = drafts;
      setDrafts(others);
      return;
    }
    setStatus('saving');
    save.mutate([{ projectId, criterionId, value }], {
      // By then the grid has been read again: the draft gives way to the saved value, unless retyped meanwhile.
      onSuccess: () => {
        setStatus('saved');
        setDrafts((current) => {
          if (current[k] !== draft) return current;
          const { [k]: _saved, ...others } = current;
          return others;
        });
      },
    });
  };

  const move = (row: number, column: number) => {
    const project = projects[row];
    const criterion = manual[column];
    if (!project || !criterion) return;
    const input = cells.current.get(key(project.id, criterion.id));
    input?.focus();
    input?.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    switch (event.key) {
      case 'Enter':
      case 'ArrowDown':
        event.preventDefault();
        move(event.shiftKey && event.key === 'Enter' ? row - 1 : row + 1, column);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(row - 1, column);
        break;
      case 'ArrowLeft':
        if (atStart || all) {
          event.preventDefault();
          move(row, column - 1);
        }
        break;
      case 'ArrowRight':
        if (atEnd || all) {
          event.preventDefault();
          move(row, column + 1);
        }
        break;
      case 'Escape': {
        const k = key(projects[row]!.id, manual[column]!.id);
        const { [k]: _dropped, ...rest } = drafts;
        setDrafts(rest);
        break;
      }
      default:
        break;
    }
  };

  const missing = projects.reduce((n, p) => n + manual.filter((c) => !saved.has(key(p.id, c.id))).length, 0);

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
            {status === 'saving' || save.isPending
              ? t('strategy.grid.saving')
              : status === 'saved'
                ? t('strategy.grid.saved')
                : ''}
          </Text>
        </Group>
        <ErrorAlert error={save.error} />
        {projects.length === 0 || state.criteria.length === 0 ? (
          <Text c="dimmed">{t('strategy.grid.empty')}</Text>
        ) : (
          <>
            <Text size="sm">
              {missing === 0 ? t('strategy.grid.complete') : t('strategy.grid.missing', { count: missing })}
            </Text>
            <Table.ScrollContainer minWidth={200 + state.criteria.length * 96}>
              <Table withTableBorder withColumnBorders data-testid="evaluation-grid" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('strategy.grid.project')}</Table.Th>
                    {state.criteria.map((c) => (
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
                            c.source === 'manual'
                              ? c.scale
                                ? `${c.scale.min}–${c.scale.max}`
                                : ''
                              : t('strategy.grid.fromSheet')
                          }`}
                        </Text>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {projects.map((project, row) => (
                    <Table.Tr key={project.id}>
                      <Table.Th scope="row" fw={500} style={{ minWidth: 200 }}>
                        {project.title}
                      </Table.Th>
                      {state.criteria.map((criterion) => {
                        if (criterion.source !== 'manual') {
                          const value =
                            criterion.source === 'investmentCost' ? project.investmentCost : project.runningCostPerYear;
                          return (
                            <Table.Td
                              key={criterion.id}
                              style={{ textAlign: 'right', whiteSpace: 'nowrap' }}
                              c="dimmed"
                            >
                              {euros(value, language)}
                            </Table.Td>
                          );
                        }
                        const column = manual.indexOf(criterion);
                        const k = key(project.id, criterion.id);
                        const problem = problems[k];
                        const empty = !saved.has(k) && drafts[k] === undefined;
                        return (
                          <Table.Td key={criterion.id} p={2} style={{ background: empty ? '#fff8e6' : undefined }}>
                            <input
                              ref={(element) => {
                                if (element) cells.current.set(k, element);
                                else cells.current.delete(k);
                              }}
                              type="text"
                              inputMode="decimal"
                              className={classes.cell}
                              aria-label={`${project.title} — ${criterion.name}`}
                              aria-invalid={problem ? true : undefined}
                              aria-describedby={problem ? `problem-${k}` : undefined}
                              readOnly={!state.permissions.edit}
                              value={textOf(project.id, criterion.id)}
                              onChange={(e) => setDrafts({ ...drafts, [k]: e.currentTarget.value })}
                              onFocus={(e) => e.currentTarget.select()}
                              onBlur={() => commit(project.id, criterion.id)}
                              onKeyDown={(e) => onKeyDown(e, row, column)}
                              data-cell={`${row}-${column}`}
                            />
                            {problem ? (
                              <Text id={`problem-${k}`} size="xs" c="red.9" role="alert">
                                {problem}
                              </Text>
                            ) : null}
                          </Table.Td>
                        );
                      })}
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
