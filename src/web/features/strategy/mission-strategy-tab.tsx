import { Alert, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton, PageLoader } from '../../components/loading.tsx';
import { useMissionOutlet } from '../../lib/mission-outlet.ts';
import { useStartStrategy, useStrategy } from './api.ts';
import { STRATEGY_SECTIONS, type StrategySection } from './sections.ts';

const ProjectsSection = lazy(() => import('./projects-section.tsx'));
const CriteriaSection = lazy(() => import('./criteria-section.tsx'));
const EvaluationGrid = lazy(() => import('./evaluation-grid.tsx'));
const RankingSection = lazy(() => import('./ranking-section.tsx'));
const PlanSection = lazy(() => import('./plan-section.tsx'));
const RoadmapSection = lazy(() => import('./roadmap-section.tsx'));

/**
 * The strategy tab of a mission, in the order of the work: project sheets, criteria and weights, the evaluation
 * grid, the ranking, the multi-year plan, and the roadmap with the PST document. The section is in the address
 * (?section=…) so a link opens it.
 */
export default function MissionStrategyTab() {
  const { t } = useTranslation();
  const mission = useMissionOutlet();
  const [params, setParams] = useSearchParams();
  const strategy = useStrategy(mission.id);
  const start = useStartStrategy(mission.id);
  const section = (STRATEGY_SECTIONS as readonly string[]).includes(params.get('section') ?? '')
    ? (params.get('section') as StrategySection)
    : 'projects';

  if (strategy.error) return <ErrorAlert error={strategy.error} />;
  if (!strategy.data) return <BlockSkeleton />;
  const state = strategy.data;

  if (!state.started) {
    return (
      <Paper withBorder p="lg">
        <Stack gap="sm" maw={760}>
          <Title order={2} size="h3">
            {t('strategy.title')}
          </Title>
          <Text>{t('strategy.intro')}</Text>
          {state.permissions.edit ? (
            <>
              <Text>{t('strategy.startHelp')}</Text>
              <ErrorAlert error={start.error} />
              <Group>
                <Button onClick={() => start.mutate()} loading={start.isPending}>
                  {t('strategy.start')}
                </Button>
              </Group>
            </>
          ) : (
            <Alert variant="light" color="rural">
              {t('strategy.notStarted')}
            </Alert>
          )}
        </Stack>
      </Paper>
    );
  }

  return (
    <Stack gap="md">
      <Tabs
        value={section}
        onChange={(value) => value && setParams({ section: value }, { replace: false })}
        variant="pills"
        keepMounted={false}
        aria-label={t('strategy.sectionsLabel')}
      >
        <Tabs.List>
          {STRATEGY_SECTIONS.map((key, i) => (
            <Tabs.Tab key={key} value={key}>
              {`${i + 1}. ${t(`strategy.sections.${key}`)}`}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        {section === 'projects' ? <ProjectsSection state={state} /> : null}
        {section === 'criteria' ? <CriteriaSection state={state} /> : null}
        {section === 'grid' ? <EvaluationGrid state={state} /> : null}
        {section === 'ranking' ? <RankingSection state={state} /> : null}
        {section === 'plan' ? <PlanSection state={state} /> : null}
        {section === 'roadmap' ? <RoadmapSection state={state} mission={mission} /> : null}
      </Suspense>
    </Stack>
  );
}
