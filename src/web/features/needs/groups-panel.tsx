import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupStatus, GroupSummary } from '../../../domain/mutualisation/api.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useGroups, useLatestRun } from './api.ts';
import { GroupingRunCard } from './grouping-run-card.tsx';
import { groupReason, STATUS_COLOURS } from './labels.ts';

/** The groups of similar needs; agency staff start a grouping run and follow its progress. */
export function GroupsPanel(props: { staff: boolean }) {
  const { t } = useTranslation();
  const run = useLatestRun(props.staff);
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
      {props.staff ? <GroupingRunCard run={run} /> : null}
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
            <GroupCard key={group.id} group={group} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One group: its label (to its page), its communes, why its needs were grouped, its status and size. */
function GroupCard({ group }: { group: GroupSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder padding="sm" data-group={group.label}>
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
          <Text size="sm">{t('needs.groupSize', { needs: group.needCount, communes: group.communeCount })}</Text>
        </Stack>
      </Group>
    </Card>
  );
}
