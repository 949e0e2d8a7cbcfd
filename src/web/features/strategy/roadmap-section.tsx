import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mission } from '../../../domain/missions/mission.ts';
import { formatMonthYear, type Locale } from '../../../domain/shared/format.ts';
import type { Objective } from '../../../domain/strategy/objectives.ts';
import type { Roadmap } from '../../../domain/strategy/roadmap.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import {
  documentUrl,
  useCreateObjective,
  useDeleteObjective,
  usePlan,
  useUpdateObjective,
  useUpdateProject,
} from './api.ts';
import { HORIZON_COLORS, titlesOf } from './labels.ts';

/** The roadmap over the legislature, the PST objectives the projects serve, and the strategy document. */
export default function RoadmapSection({ state, mission }: { state: StrategyState; mission: Mission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = usePlan(state.missionId);
  const result = plan.data?.run?.status === 'done' ? plan.data.run.result : null;
  return (
    <Stack gap="md">
      <Paper withBorder p="lg" component="section" aria-labelledby="roadmap-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="roadmap-heading">
            {t('strategy.roadmap.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('strategy.roadmap.intro')}
          </Text>
          {plan.isPending ? <BlockSkeleton /> : null}
          {!plan.isPending && !result?.roadmap ? (
            <Alert variant="light" color="rural">
              {t('strategy.roadmap.noPlan')}
            </Alert>
          ) : null}
          {plan.data?.stale && result ? (
            <Alert variant="light" color="yellow">
              {t('strategy.plan.stale')}
            </Alert>
          ) : null}
          {result?.roadmap ? <RoadmapView roadmap={result.roadmap} state={state} /> : null}
        </Stack>
      </Paper>
      <Objectives state={state} />
      <Paper withBorder p="lg" component="section" aria-labelledby="document-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="document-heading">
            {t('strategy.document.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('strategy.document.intro', { commune: mission.beneficiary.communeName })}
          </Text>
          <Group>
            <Button
              component="a"
              href={documentUrl(state.missionId, 'pdf', language)}
              download
              data-testid="download-pdf"
            >
              {t('strategy.document.pdf')}
            </Button>
            <Button
              component="a"
              variant="light"
              href={documentUrl(state.missionId, 'xlsx', language)}
              download
              data-testid="download-xlsx"
            >
              {t('strategy.document.xlsx')}
            </Button>
          </Group>
          {!result ? (
            <Text size="sm" c="dimmed">
              {t('strategy.document.withoutPlan')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}

function monthName(label: string, language: Locale): string {
  return formatMonthYear(label, language, 'long');
}

function RoadmapView({ roadmap, state }: { roadmap: Roadmap; state: StrategyState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [view, setView] = useState<'gantt' | 'table'>('gantt');
  const titles = titlesOf(state);
  const years = Array.from({ length: roadmap.lastYear - roadmap.firstYear + 1 }, (_, i) => roadmap.firstYear + i);
  const months = years.length * 12;
  const at = (month: number) => `${(month / months) * 100}%`;
  const horizonName = (key: string) => t(`strategy.horizons.${key}`);
  const period = (row: Roadmap['rows'][number]) =>
    t('strategy.roadmap.period', {
      start: monthName(row.startMonth, language),
      end: monthName(row.endMonth, language),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="md">
          {state.horizons.map((h) => (
            <Group key={h.key} gap={6}>
              <span
                aria-hidden="true"
                style={{
                  width: 14,
                  height: 14,
                  background: HORIZON_COLORS[h.key],
                  borderRadius: 2,
                  display: 'inline-block',
                }}
              />
              <Text size="sm">{`${horizonName(h.key)} (${h.startYear}–${h.endYear})`}</Text>
            </Group>
          ))}
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'gantt' | 'table')}
          data={[
            { value: 'gantt', label: t('strategy.roadmap.gantt') },
            { value: 'table', label: t('strategy.roadmap.table') },
          ]}
          aria-label={t('strategy.roadmap.view')}
        />
      </Group>
      {roadmap.rows.length === 0 ? (
        <Text c="dimmed">{t('strategy.roadmap.empty')}</Text>
      ) : view === 'gantt' ? (
        <div data-testid="roadmap-gantt" style={{ overflowX: 'auto' }}>
          <div style={{ minWidth: 760 }}>
            <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', alignItems: 'end' }} aria-hidden="true">
              <span />
              <div style={{ display: 'grid', gridTemplateColumns: `repeat(${years.length}, 1fr)` }}>
                {years.map((y) => (
                  <Text
                    key={y}
                    size="xs"
                    c="dimmed"
                    ta="center"
                    style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}
                  >
                    {y}
                  </Text>
                ))}
              </div>
            </div>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {roadmap.rows.map((row) => (
                <li
                  key={row.projectId}
                  style={{ display: 'grid', gridTemplateColumns: '260px 1fr', alignItems: 'center', minHeight: 30 }}
                >
                  <Text size="sm" pr="sm" lineClamp={2}>
                    {titles.get(row.projectId) ?? row.projectId}
                    <VisuallyHidden>{` — ${horizonName(row.horizon)}, ${period(row)}`}</VisuallyHidden>
                  </Text>
                  <div
                    aria-hidden="true"
                    style={{
                      position: 'relative',
                      height: 30,
                      backgroundImage: `repeating-linear-gradient(to right, var(--mantine-color-gray-3) 0 1px, transparent 1px ${100 / years.length}%)`,
                    }}
                  >
                    <div
                      title={`${titles.get(row.projectId)} — ${period(row)}`}
                      style={{
                        position: 'absolute',
                        top: 6,
                        height: 18,
                        left: at(row.start),
                        width: `calc(${at(row.end - row.start)} - 2px)`,
                        background: HORIZON_COLORS[row.horizon],
                        borderRadius: 3,
                        opacity: row.startsAfterHorizon ? 0.6 : 1,
                      }}
                    />
                  </div>
                </li>
              ))}
            </ul>
            <div aria-hidden="true" style={{ display: 'grid', gridTemplateColumns: '260px 1fr', marginTop: 4 }}>
              <span />
              <div style={{ position: 'relative', height: 16 }}>
                <div
                  style={{
                    position: 'absolute',
                    left: 0,
                    width: at((2030 - roadmap.firstYear + 1) * 12),
                    borderTop: '2px solid var(--mantine-color-gray-6)',
                  }}
                />
                <Text size="xs" c="dimmed" style={{ position: 'absolute', left: 0, top: 2 }}>
                  {t('strategy.roadmap.legislature')}
                </Text>
              </div>
            </div>
          </div>
        </div>
      ) : (
        <Table striped data-testid="roadmap-table">
          <Table.Caption>{t('strategy.roadmap.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
              <Table.Th scope="col">{t('strategy.roadmap.horizon')}</Table.Th>
              <Table.Th scope="col">{t('strategy.roadmap.start')}</Table.Th>
              <Table.Th scope="col">{t('strategy.roadmap.end')}</Table.Th>
              <Table.Th scope="col">{t('strategy.roadmap.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roadmap.rows.map((row) => (
              <Table.Tr key={row.projectId}>
                <Table.Td>{titles.get(row.projectId) ?? row.projectId}</Table.Td>
                <Table.Td>{horizonName(row.horizon)}</Table.Td>
                <Table.Td>{monthName(row.startMonth, language)}</Table.Td>
                <Table.Td>{monthName(row.endMonth, language)}</Table.Td>
                <Table.Td>
                  {[
                    row.startsAfterHorizon ? t('strategy.roadmap.startsLate') : null,
                    row.endsAfterLegislature ? t('strategy.roadmap.endsLate') : null,
                  ]
                    .filter(Boolean)
                    .join(' ; ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {roadmap.rows.some((r) => r.endsAfterLegislature) ? (
        <Text size="sm" c="#a84300">
          {t('strategy.roadmap.beyond')}
        </Text>
      ) : null}
    </Stack>
  );
}

function Objectives({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const create = useCreateObjective(state.missionId);
  const update = useUpdateObjective(state.missionId);
  const remove = useDeleteObjective(state.missionId);
  const updateProject = useUpdateProject(state.missionId);
  const [title, setTitle] = useState('');
  const edit = state.permissions.edit;
  const strategic = state.objectives.filter((o) => o.kind === 'strategic');
  const operationalOptions = strategic.map((goal) => ({
    group: `${goal.code} — ${goal.title}`,
    items: state.objectives
      .filter((o) => o.parentId === goal.id)
      .map((o) => ({ value: o.id, label: `${o.code} — ${o.title}` })),
  }));
  const rename = (o: Objective) => {
    const next = window.prompt(t('strategy.objectives.renamePrompt'), o.title);
    if (next?.trim() && next.trim() !== o.title) update.mutate({ id: o.id, body: { title: next.trim() } });
  };

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
              <Paper withBorder p="sm" bg="gray.0">
                <Group justify="space-between" wrap="wrap">
                  <Text fw={700}>{`${goal.code} — ${goal.title}`}</Text>
                  {edit ? (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('strategy.objectives.moveUp', { code: goal.code })}
                        disabled={index === 0}
                        onClick={() => update.mutate({ id: goal.id, body: { position: index - 1 } })}
                      >
                        ↑
                      </ActionIcon>
                      <Button size="compact-xs" variant="subtle" onClick={() => rename(goal)}>
                        {t('strategy.objectives.rename')}
                        <VisuallyHidden>{` ${goal.code}`}</VisuallyHidden>
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          if (window.confirm(t('strategy.objectives.deleteConfirm', { code: goal.code })))
                            remove.mutate(goal.id);
                        }}
                      >
                        {t('common.delete')}
                        <VisuallyHidden>{` ${goal.code}`}</VisuallyHidden>
                      </Button>
                    </Group>
                  ) : null}
                </Group>
                <Stack gap={4} mt={6} pl="md" component="ul" style={{ listStyle: 'none', margin: 0 }}>
                  {state.objectives
                    .filter((o) => o.parentId === goal.id)
                    .map((op) => (
                      <li key={op.id}>
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
                          {edit ? (
                            <Group gap={4} wrap="nowrap">
                              <Button size="compact-xs" variant="subtle" onClick={() => rename(op)}>
                                {t('strategy.objectives.rename')}
                                <VisuallyHidden>{` ${op.code}`}</VisuallyHidden>
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() => remove.mutate(op.id)}
                              >
                                {t('common.delete')}
                                <VisuallyHidden>{` ${op.code}`}</VisuallyHidden>
                              </Button>
                            </Group>
                          ) : null}
                        </Group>
                      </li>
                    ))}
                  {edit ? (
                    <li>
                      <AddInline
                        label={t('strategy.objectives.addOperational', { code: goal.code })}
                        button={t('strategy.objectives.add')}
                        onAdd={(text) => create.mutate({ parentId: goal.id, title: text })}
                      />
                    </li>
                  ) : null}
                </Stack>
              </Paper>
            </li>
          ))}
        </Stack>
        {edit ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (title.trim()) create.mutate({ title: title.trim() }, { onSuccess: () => setTitle('') });
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('strategy.objectives.addStrategic')}
                placeholder={t('strategy.objectives.strategicPlaceholder')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                w={420}
              />
              <Button type="submit" variant="light" disabled={!title.trim()} loading={create.isPending}>
                {t('strategy.objectives.add')}
              </Button>
            </Group>
          </form>
        ) : null}
        {operationalOptions.some((g) => g.items.length > 0) ? (
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
                          data={operationalOptions.filter((g) => g.items.length > 0)}
                          value={p.objectiveId}
                          onChange={(v) => updateProject.mutate({ id: p.id, body: { objectiveId: v } })}
                          clearable
                          placeholder={t('strategy.objectives.unassigned')}
                          disabled={!edit}
                          size="xs"
                          w={360}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AddInline(props: { label: string; button: string; onAdd(text: string): void }) {
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        props.onAdd(text.trim());
        setText('');
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          label={props.label}
          size="xs"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={360}
        />
        <Button type="submit" size="xs" variant="subtle" disabled={!text.trim()}>
          {props.button}
        </Button>
      </Group>
    </form>
  );
}
