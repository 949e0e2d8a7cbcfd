import { Alert, Anchor, Badge, Button, Card, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupStatus } from '../../../domain/mutualisation/api.ts';
import { formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useGroups, useLatestRun, useStartRun } from './api.ts';
import { groupReason, STATUS_COLOURS } from './labels.ts';

/** The groups of similar needs; agency staff start a grouping run and follow its progress. */
export function GroupsPanel(props: { staff: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const run = useLatestRun(props.staff);
  const start = useStartRun();
  const running = run.data?.status === 'running';
  const groups = useGroups();
  const [status, setStatus] = useState<GroupStatus | 'all'>('all');
  const wasRunning = useRef(false);
  const { refetch } = groups;
  // When a run ends, the list of groups is read again.
  useEffect(() => {
    if (wasRunning.current && !running) void refetch();
    wasRunning.current = running;
  }, [running, refetch]);

  const list = (groups.data ?? []).filter((g) => status === 'all' || g.status === status);
  return (
    <Stack gap="md">
      {props.staff ? (
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
            {run.data ? (
              running ? (
                <Stack gap={4}>
                  <Progress
                    value={Math.round(run.data.progress * 100)}
                    animated
                    aria-label={t('needs.run.progressLabel')}
                  />
                  <Text size="sm" aria-live="polite">
                    {t('needs.run.running', {
                      percent: Math.round(run.data.progress * 100),
                      step: t(`needs.run.steps.${run.data.step?.split(':')[0] ?? 'queued'}`, {
                        defaultValue: run.data.step ?? '',
                      }),
                    })}
                  </Text>
                </Stack>
              ) : run.data.status === 'done' && run.data.stats ? (
                <Text size="sm" aria-live="polite">
                  {t('needs.run.done', {
                    needs: run.data.stats.needs,
                    groups: run.data.stats.groups,
                    seconds: formatNumber(run.data.stats.durationMs / 1000, language, 1),
                  })}
                </Text>
              ) : run.data.status === 'failed' ? (
                <Alert color="red">{t('needs.run.failed', { error: run.data.error })}</Alert>
              ) : null
            ) : null}
          </Stack>
        </Card>
      ) : null}
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as GroupStatus | 'all')}
        data={(['all', 'proposed', 'confirmed', 'dismissed'] as const).map((s) => ({
          value: s,
          label: t(`needs.groupStatus.${s}`),
        }))}
        aria-label={t('needs.groupStatusFilter')}
        w="fit-content"
      />
      <ErrorAlert error={groups.error} />
      {groups.isPending ? (
        <BlockSkeleton />
      ) : list.length === 0 ? (
        <Text c="dimmed">{t(props.staff ? 'needs.noGroupsStaff' : 'needs.noGroups')}</Text>
      ) : (
        <Stack gap="sm">
          {list.map((group) => (
            <Card key={group.id} withBorder padding="sm" data-group={group.label}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Anchor component={Link} to={paths.needGroup.to(group.id)} fw={600}>
                    {group.label}
                  </Anchor>
                  <Text size="sm">{group.communeNames.join(', ')}</Text>
                  <Text size="sm" c="dimmed">
                    {groupReason(group, language, t)}
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                  <Badge color={STATUS_COLOURS[group.status]} variant="outline">
                    {t(`needs.groupStatus.${group.status}`)}
                  </Badge>
                  <Text size="sm">
                    {t('needs.groupSize', { needs: group.needCount, communes: group.communeCount })}
                  </Text>
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
