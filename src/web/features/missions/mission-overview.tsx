import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { guideText } from '../../../domain/diagnostic/guide-fr-v1-en.ts';
import { SWOT_CATEGORIES } from '../../../domain/diagnostic/swot.ts';
import { FOLLOW_UP_STATUSES } from '../../../domain/implementation/follow-up.ts';
import type { MissionOverview as Overview } from '../../../domain/missions/overview.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { PROJECT_STATUSES } from '../../../domain/strategy/project-sheets.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Fact } from '../../components/fact.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useMissionOutlet } from '../../lib/mission-outlet.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useMissionOverview } from './api.ts';

function Card(props: { title: string; link: { to: string; label: string }; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={props.title} data-testid={props.testId}>
      <Stack gap="xs" h="100%">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        {props.children}
        <Anchor component={Link} to={props.link.to} size="sm" mt="auto">
          {props.link.label}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** "3 approuvés · 1 brouillon": the non-zero counts, in the order of the statuses. */
function Counts<K extends string>(props: { keys: readonly K[]; counts: Record<K, number>; label(key: K): string }) {
  const { t } = useTranslation();
  const shown = props.keys.filter((k) => props.counts[k] > 0);
  if (shown.length === 0) return null;
  return (
    <Group gap={6}>
      {shown.map((k) => (
        <Badge key={k} variant="light" color="gray" tt="none" size="md">
          {t('missions.overview.count', { label: props.label(k), count: props.counts[k] })}
        </Badge>
      ))}
    </Group>
  );
}

function DiagnosticCard({ missionId, part }: { missionId: string; part: NonNullable<Overview['diagnostic']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const swotTotal = SWOT_CATEGORIES.reduce((sum, c) => sum + part.swot[c], 0);
  return (
    <Card
      title={t('missions.overview.diagnostic')}
      testId="overview-diagnostic"
      link={{ to: paths.missionDiagnostic.to(missionId), label: t('missions.overview.openDiagnostic') }}
    >
      <Text>
        {t('missions.overview.interviews', { count: part.interviews })}
        {part.completeInterviews > 0 ? ` (${t('missions.overview.complete', { count: part.completeInterviews })})` : ''}
        {part.selfAssessments > 0
          ? ` · ${t('missions.overview.selfAssessments', { count: part.selfAssessments })}`
          : ''}
      </Text>
      {part.maturity ? (
        <Stack gap={4}>
          <Text>
            {t('missions.overview.maturity', {
              mean: formatNumber(part.maturity.mean, language, 1),
              max: part.maturity.scaleMax,
            })}
            {part.maturity.band
              ? ` — ${guideText('bandLabel', part.maturity.band.key, part.maturity.band.label, language)}`
              : ''}
          </Text>
          <Progress
            value={(part.maturity.mean / part.maturity.scaleMax) * 100}
            aria-label={t('missions.overview.maturityShort')}
          />
        </Stack>
      ) : (
        <Text c="dimmed">{t('missions.overview.noMaturity')}</Text>
      )}
      <Text>{t('missions.overview.swot', { count: swotTotal })}</Text>
      <Counts keys={SWOT_CATEGORIES} counts={part.swot} label={(k) => t(`diagnostic.swot.categories.${k}`)} />
    </Card>
  );
}

function StrategyCard({ missionId, part }: { missionId: string; part: NonNullable<Overview['strategy']> }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('missions.overview.strategy')}
      testId="overview-strategy"
      link={{ to: paths.missionStrategy.to(missionId), label: t('missions.overview.openStrategy') }}
    >
      <Text>{t('missions.overview.sheets', { count: part.projects })}</Text>
      <Counts keys={PROJECT_STATUSES} counts={part.byStatus} label={(k) => t(`strategy.statuses.${k}`)} />
    </Card>
  );
}

function ImplementationCard({ missionId, part }: { missionId: string; part: NonNullable<Overview['implementation']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      title={t('missions.overview.implementation')}
      testId="overview-implementation"
      link={{ to: paths.missionImplementation.to(missionId), label: t('missions.overview.openImplementation') }}
    >
      {part.started ? null : <Text c="dimmed">{t('missions.overview.notStarted')}</Text>}
      <Text>{t('missions.overview.followed', { count: part.projects })}</Text>
      <Counts keys={FOLLOW_UP_STATUSES} counts={part.byStatus} label={(k) => t(`implementation.statuses.${k}`)} />
      {part.projects > 0 ? (
        <Text size="sm">
          {t('missions.overview.budget', {
            planned: formatEuro(part.budget.planned, language),
            spent: formatEuro(part.budget.spent, language),
          })}
        </Text>
      ) : null}
      <Group gap="xs">
        <Badge color={part.openAlerts > 0 ? '#a61e1e' : '#066649'} variant="light" size="lg" tt="none">
          {t('missions.overview.alerts', { count: part.openAlerts })}
        </Badge>
      </Group>
      {part.nextMilestones.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('missions.overview.nextMilestones')}
          </Text>
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {part.nextMilestones.map((m) => (
              <li key={`${m.projectId}-${m.title}`}>
                <Text size="sm">
                  {formatDate(m.dueDate, language)} — {m.title} (
                  <Anchor component={Link} to={paths.implementationProject.to(m.projectId)} size="sm">
                    {m.projectTitle}
                  </Anchor>
                  )
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      ) : null}
    </Card>
  );
}

/** Where the mission stands, phase by phase, with a way into each. */
function Standing({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const overview = useMissionOverview(missionId);
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <BlockSkeleton lines={6} />;
  const { diagnostic, strategy, implementation } = overview.data;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('missions.overview.standing')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {diagnostic ? <DiagnosticCard missionId={missionId} part={diagnostic} /> : null}
        {strategy ? <StrategyCard missionId={missionId} part={strategy} /> : null}
        {implementation ? <ImplementationCard missionId={missionId} part={implementation} /> : null}
      </SimpleGrid>
    </Stack>
  );
}

export default function MissionOverview() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mission = useMissionOutlet();
  return (
    <Stack gap="md">
      <Standing missionId={mission.id} />
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('missions.overview.about')}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
            <Fact label={t('missions.beneficiary')}>
              <Anchor component={Link} to={paths.commune.to(mission.beneficiary.communeNis)}>
                {mission.beneficiary.communeName}
              </Anchor>
              {mission.beneficiary.siteName ? ` — ${mission.beneficiary.siteName}` : null}
            </Fact>
            <Fact label={t('missions.consultants')}>{mission.consultants.map((c) => c.displayName).join(', ')}</Fact>
            <Fact label={t('missions.period')}>
              {formatDate(mission.startDate, language)} →{' '}
              {mission.endDate ? formatDate(mission.endDate, language) : '…'}
            </Fact>
          </SimpleGrid>
          {mission.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{mission.description}</Text> : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
