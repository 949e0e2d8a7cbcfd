import { Alert, Badge, Group, List, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePublicProgress } from './api.ts';
import { IndicatorChartCard } from './indicator-chart-card.tsx';
import { StatusBadge } from './labels.tsx';

/** A commune's public progress page: the projects it published, their status, progress and indicators. */
export default function PublicProgressPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { nisCode = '' } = useParams();
  const progress = usePublicProgress(nisCode);

  if (progress.error) return <ErrorAlert error={progress.error} />;
  if (!progress.data) return <BlockSkeleton />;
  const data = progress.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('implementation.public.title', { commune: data.communeName })}
        description={t('implementation.public.intro')}
      />
      {data.projects.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('implementation.public.none')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {data.projects.map((p) => (
          <Paper key={p.id} withBorder p="md" component="article" aria-labelledby={`public-${p.id}`}>
            <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
              <Title order={2} size="h4" id={`public-${p.id}`}>
                {p.title}
              </Title>
              <StatusBadge status={p.status} />
            </Group>
            {p.description ? (
              <Text size="sm" mb="xs">
                {p.description}
              </Text>
            ) : null}
            <Group gap={4} mb="xs">
              {p.dimensions.map((d) => (
                <Badge key={d} size="sm" variant="outline" color="gray">
                  {t(`implementation.dimensions.${d}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm">{t('implementation.project.progressValue', { value: p.progress })}</Text>
            <Progress value={p.progress} size="lg" mb="sm" aria-hidden="true" />
            {p.milestones.length > 0 ? (
              <>
                <Title order={3} size="h6">
                  {t('implementation.milestones.title')}
                </Title>
                <List size="sm" mb="sm">
                  {p.milestones.map((m) => (
                    <List.Item key={`${m.title}-${m.dueDate}`}>
                      {m.title} — {formatDate(m.dueDate, language)} {m.done ? t('implementation.public.done') : ''}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
            {p.indicators.map((i) => (
              <Stack key={i.id} gap={2}>
                <Text size="sm" fw={600}>
                  {i.name} ({i.unit})
                </Text>
                <Text size="xs">
                  {t('implementation.public.indicator', {
                    baseline: formatNumber(i.baseline, language, 2),
                    target: formatNumber(i.target, language, 2),
                    unit: i.unit,
                  })}
                </Text>
                <IndicatorChartCard indicator={i} />
              </Stack>
            ))}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
