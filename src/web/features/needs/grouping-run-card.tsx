import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MutualisationRun } from '../../../domain/mutualisation/api.ts';
import { formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { type useLatestRun, useStartRun } from './api.ts';

/** Agency staff start a grouping run here and follow it: its progress, then what it found or why it failed. */
export function GroupingRunCard({ run }: { run: ReturnType<typeof useLatestRun> }) {
  const { t } = useTranslation();
  const start = useStartRun();
  const running = run.data?.status === 'running';
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('needs.run.title')}</Text>
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running}>
            {t('needs.run.start')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('needs.run.help')}
        </Text>
        <ErrorAlert error={start.error ?? run.error} />
        {run.data ? <RunState run={run.data} /> : null}
      </Stack>
    </Card>
  );
}

function RunState({ run }: { run: MutualisationRun }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (run.status === 'running')
    return (
      <Stack gap={4}>
        <Progress value={Math.round(run.progress * 100)} animated aria-label={t('needs.run.progressLabel')} />
        <Text size="sm" aria-live="polite">
          {t('needs.run.running', {
            percent: Math.round(run.progress * 100),
            step: t(`needs.run.steps.${run.step?.split(':')[0] ?? 'queued'}`, {
              defaultValue: run.step ?? '',
            }),
          })}
        </Text>
      </Stack>
    );
  if (run.status === 'done' && run.stats)
    return (
      <Text size="sm" aria-live="polite">
        {t('needs.run.done', {
          needs: run.stats.needs,
          groups: run.stats.groups,
          seconds: formatNumber(run.stats.durationMs / 1000, language, 1),
        })}
      </Text>
    );
  if (run.status === 'failed') return <Alert color="red">{t('needs.run.failed', { error: run.error })}</Alert>;
  return null;
}
