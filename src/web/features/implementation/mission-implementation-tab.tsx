import { Alert, Anchor, Badge, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectSummary } from '../../../domain/implementation/implementation-api.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ColumnHeadings } from '../../components/column-headings.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useMissionOutlet } from '../../lib/mission-outlet.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useMissionImplementation } from './api.ts';
import { euros, StatusBadge } from './labels.tsx';
import { PlanAgainstActualView } from './plan-against-actual.tsx';

/** The implementation tab of a mission: its approved projects, their status, progress, budget and alerts. */
export default function MissionImplementationTab() {
  const { t } = useTranslation();
  const mission = useMissionOutlet();
  const state = useMissionImplementation(mission.id);

  if (state.error) return <ErrorAlert error={state.error} />;
  if (!state.data) return <BlockSkeleton />;
  const { projects, started } = state.data;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('implementation.mission.title')}
      </Title>
      <Text maw={820}>{t('implementation.mission.intro')}</Text>
      {!started ? (
        <Alert variant="light" color="rural">
          {t('implementation.mission.notStarted')}
        </Alert>
      ) : null}
      {projects.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('implementation.mission.noProjects')}
        </Alert>
      ) : (
        <ProjectsTable projects={projects} />
      )}
      {state.data.planAgainstActual ? <PlanAgainstActualView data={state.data.planAgainstActual} /> : null}
    </Stack>
  );
}

/** The mission's approved projects, one row each. */
function ProjectsTable({ projects }: { projects: ProjectSummary[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" striped>
          <ColumnHeadings
            columns={[
              { label: t('implementation.columns.project') },
              { label: t('implementation.columns.status') },
              { label: t('implementation.columns.progress') },
              { label: t('implementation.columns.budget') },
              { label: t('implementation.columns.nextMilestone') },
              { label: t('implementation.columns.alerts') },
            ]}
          />
          <Table.Tbody>
            {projects.map((p) => (
              <ProjectRow key={p.id} project={p} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ProjectRow({ project: p }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor underline="always" component={Link} to={paths.implementationProject.to(p.id)} fw={600}>
          {p.title}
        </Anchor>
        {p.published ? (
          <Badge ml="xs" size="sm" variant="outline" color="teal">
            {t('implementation.published')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StatusBadge status={p.status} />
      </Table.Td>
      <Table.Td miw={140}>
        <Text size="sm">{p.progress} %</Text>
        <Progress value={p.progress} size="sm" aria-hidden="true" />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('implementation.budgetLine', {
            planned: euros(p.budget.planned, language),
            spent: euros(p.budget.spent, language),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {p.nextMilestone ? (
          <Text size="sm">
            {p.nextMilestone.title} — {formatDate(p.nextMilestone.dueDate, language)}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {p.alertCount > 0 ? (
          <Badge color="red.9" variant="filled">
            {t('implementation.alertCount', { count: p.alertCount })}
          </Badge>
        ) : (
          <Text size="sm">{t('implementation.noAlert')}</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
