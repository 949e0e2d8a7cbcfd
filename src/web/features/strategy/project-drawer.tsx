import { Button, Divider, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectSheet } from '../../../domain/strategy/project-sheets.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { Fact } from '../../components/fact.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useCommuneNeeds } from './api.ts';
import { euros, titlesOf } from './labels.ts';
import { Comments } from './project-comments.tsx';
import { SheetGaps } from './sheet-gaps.tsx';
import { StatusBadge } from './status-badge.tsx';

/** What the sheet says: dimensions, owner, costs, horizon, duration, links, objective, needs. */
function ProjectFacts({ state, project }: { state: StrategyState; project: ProjectSheet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titles = titlesOf(state);
  const objective = state.objectives.find((o) => o.id === project.objectiveId);
  const list = (ids: string[]) => ids.map((id) => titles.get(id) ?? id).join(', ') || '—';
  const needs = useCommuneNeeds(state.communeNis);
  return (
    <SimpleGrid component="dl" cols={2} m={0} spacing="sm">
      <Fact label={t('strategy.projects.fields.dimensions')}>
        {project.dimensions.map((d) => t(`strategy.dimensions.${d}`)).join(', ') || '—'}
      </Fact>
      <Fact label={t('strategy.projects.fields.owner')}>{project.owner ?? '—'}</Fact>
      <Fact label={t('strategy.projects.fields.investmentCost')}>{euros(project.investmentCost, language)}</Fact>
      <Fact label={t('strategy.projects.fields.runningCostPerYear')}>
        {euros(project.runningCostPerYear, language)}
      </Fact>
      <Fact label={t('strategy.projects.fields.earliestHorizon')}>
        {project.earliestHorizon ? t(`strategy.horizons.${project.earliestHorizon}`) : '—'}
      </Fact>
      <Fact label={t('strategy.projects.fields.durationMonths')}>
        {`${project.durationMonths} ${t('strategy.projects.months')}`}
      </Fact>
      <Fact label={t('strategy.projects.fields.requires')}>{list(project.requires)}</Fact>
      <Fact label={t('strategy.projects.fields.excludes')}>{list(project.excludes)}</Fact>
      <Fact label={t('strategy.projects.fields.objective')}>
        {objective ? `${objective.code} — ${objective.title}` : '—'}
      </Fact>
      <Fact label={t('strategy.projects.fields.needIds')}>
        {project.needIds.map((id) => needs.data?.find((need) => need.value === id)?.label ?? '…').join(' ; ') || '—'}
      </Fact>
      <Fact label={t('strategy.projects.fields.needRefs')}>{project.needRefs.join(', ') || '—'}</Fact>
    </SimpleGrid>
  );
}

/** One project sheet as the commune reads it, with the comments of the agency and the commune. */
export function ProjectDrawer(props: {
  state: StrategyState;
  projectId: string;
  onClose(): void;
  onEdit(project: ProjectSheet): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state } = props;
  const project = state.projects.find((p) => p.id === props.projectId);

  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size="lg"
      title={project?.title ?? ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!project ? null : (
        <Stack gap="md">
          <Group gap="xs">
            <StatusBadge status={project.status} />
            {project.mandatory ? <Text size="sm">{t('strategy.projects.fields.mandatory')}</Text> : null}
          </Group>
          {project.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{project.description}</Text> : null}
          <ProjectFacts state={state} project={project} />
          {project.funding.length > 0 ? (
            <div>
              <Text size="sm" c="dimmed">
                {t('strategy.projects.fields.funding')}
              </Text>
              <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                {project.funding.map((f) => (
                  <li key={f.name}>
                    {[
                      f.name,
                      f.rate != null ? `${f.rate} %` : null,
                      f.amount != null ? euros(f.amount, language) : null,
                    ]
                      .filter(Boolean)
                      .join(' — ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {project.swotItemIds.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('strategy.projects.swotLinked', { count: project.swotItemIds.length })}
            </Text>
          ) : null}
          {state.permissions.edit ? (
            <Group>
              <Button variant="default" onClick={() => props.onEdit(project)}>
                {t('common.edit')}
              </Button>
            </Group>
          ) : null}
          <Divider />
          <SheetGaps missionId={state.missionId} projectId={project.id} />
          <Divider />
          <Comments state={state} projectId={project.id} />
        </Stack>
      )}
    </Drawer>
  );
}
