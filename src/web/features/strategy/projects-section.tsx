import { Badge, Button, Group, Paper, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSheet } from '../../../domain/strategy/project-sheets.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useDeleteProject } from './api.ts';
import { euros, titlesOf } from './labels.ts';
import { ProjectDrawer } from './project-drawer.tsx';
import { ProjectFormModal } from './project-form.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The project sheets of the mission: what each costs, answers and depends on; comments from the commune. */
export default function ProjectsSection({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ProjectSheet | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ProjectSheet | null>(null);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="projects-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="projects-heading">
              {t('strategy.projects.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={760}>
              {t('strategy.projects.intro')}
            </Text>
          </div>
          {state.permissions.edit ? (
            <Button onClick={() => setEditing('new')}>{t('strategy.projects.create')}</Button>
          ) : null}
        </Group>
        {state.projects.length === 0 ? (
          <Text c="dimmed">{t('strategy.projects.none')}</Text>
        ) : (
          <ProjectsTable
            state={state}
            onView={(project) => setViewing(project.id)}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        )}
      </Stack>
      {editing ? (
        <ProjectFormModal
          state={state}
          project={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {viewing ? (
        <ProjectDrawer
          state={state}
          projectId={viewing}
          onClose={() => setViewing(null)}
          onEdit={(p) => {
            setViewing(null);
            setEditing(p);
          }}
        />
      ) : null}
      {deleting ? <DeleteProject state={state} project={deleting} onClose={() => setDeleting(null)} /> : null}
    </Paper>
  );
}

type Project = StrategyState['projects'][number];

function ProjectRow(props: {
  state: StrategyState;
  project: Project;
  onView(): void;
  onEdit(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, project } = props;
  return (
    <Table.Tr data-project={project.title}>
      <ProjectTitleCell state={state} project={project} onView={props.onView} />
      <Table.Td>{project.dimensions.map((d) => t(`strategy.dimensions.${d}`)).join(', ') || '—'}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {euros(project.investmentCost, language)}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {euros(project.runningCostPerYear, language)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 132 }}>
        <StatusBadge status={project.status} />
      </Table.Td>
      {state.permissions.edit ? (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" variant="default" onClick={props.onEdit}>
              {t('common.edit')}
              <VisuallyHidden>{` ${project.title}`}</VisuallyHidden>
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={props.onDelete}>
              {t('common.delete')}
              <VisuallyHidden>{` ${project.title}`}</VisuallyHidden>
            </Button>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** The title (opens the sheet), its badges, and what it requires or excludes. */
function ProjectTitleCell(props: { state: StrategyState; project: Project; onView(): void }) {
  const { t } = useTranslation();
  const { project } = props;
  const titles = titlesOf(props.state);
  return (
    <Table.Td style={{ minWidth: 300 }}>
      <UnstyledButton onClick={props.onView} fw={600} c="rural.8" style={{ textDecoration: 'underline' }}>
        {project.title}
      </UnstyledButton>
      <Group gap={4} mt={2}>
        {project.mandatory ? (
          <Badge size="xs" color="orange" variant="light">
            {t('strategy.projects.fields.mandatory')}
          </Badge>
        ) : null}
        {project.earliestHorizon ? (
          <Badge size="xs" color="gray" variant="light">
            {t('strategy.projects.notBefore', {
              horizon: t(`strategy.horizons.${project.earliestHorizon}`),
            })}
          </Badge>
        ) : null}
        {project.commentCount > 0 ? (
          <Badge size="xs" color="blue" variant="light">
            {t('strategy.comments.count', { count: project.commentCount })}
          </Badge>
        ) : null}
      </Group>
      {project.requires.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('strategy.projects.requiresList', {
            list: project.requires.map((id) => titles.get(id) ?? id).join(', '),
          })}
        </Text>
      ) : null}
      {project.excludes.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('strategy.projects.excludesList', {
            list: project.excludes.map((id) => titles.get(id) ?? id).join(', '),
          })}
        </Text>
      ) : null}
    </Table.Td>
  );
}

function DeleteProject(props: { state: StrategyState; project: ProjectSheet; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useDeleteProject(props.state.missionId);
  const { project } = props;
  return (
    <AppModal opened onClose={props.onClose} title={t('strategy.projects.deleteTitle')}>
      <Stack>
        <Text>{t('strategy.projects.deleteConfirm', { title: project.title })}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(project.id, {
                onSuccess: () => {
                  notify(t('strategy.projects.deleted', { title: project.title }));
                  props.onClose();
                },
              })
            }
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function ProjectsTable(props: {
  state: StrategyState;
  onView(project: ProjectSheet): void;
  onEdit(project: ProjectSheet): void;
  onDelete(project: ProjectSheet): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state } = props;
  const total = state.projects.filter((p) => p.status !== 'rejected').reduce((sum, p) => sum + p.investmentCost, 0);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="projects-table">
        <Table.Caption>
          {t('strategy.projects.summary', { count: state.projects.length, total: euros(total, language) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('strategy.projects.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('strategy.projects.fields.dimensions')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('strategy.projects.fields.investmentCost')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('strategy.projects.fields.runningCostPerYear')}
            </Table.Th>
            <Table.Th scope="col">{t('strategy.projects.fields.status')}</Table.Th>
            {state.permissions.edit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {state.projects.map((project) => (
            <ProjectRow
              key={project.id}
              state={state}
              project={project}
              onView={() => props.onView(project)}
              onEdit={() => props.onEdit(project)}
              onDelete={() => props.onDelete(project)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
