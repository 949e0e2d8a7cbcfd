import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Mission } from '../../../domain/missions/mission.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { documentUrl, usePlan } from './api.ts';
import { Objectives } from './roadmap-objectives.tsx';
import { RoadmapView } from './roadmap-view.tsx';

/** The roadmap over the legislature, the PST objectives the projects serve, and the strategy document. */
export default function RoadmapSection({ state, mission }: { state: StrategyState; mission: Mission }) {
  const { t } = useTranslation();
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
      <StrategyDocument state={state} mission={mission} planned={Boolean(result)} />
    </Stack>
  );
}

/** The strategy document (the PST) to download, as a PDF or a spreadsheet. */
function StrategyDocument(props: { state: StrategyState; mission: Mission; planned: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, mission } = props;
  return (
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
        {!props.planned ? (
          <Text size="sm" c="dimmed">
            {t('strategy.document.withoutPlan')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
