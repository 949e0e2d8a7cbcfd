import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useChooseMissionGuide, useGuides, useMissionGuide } from './api.ts';

/**
 * Which interview guide the mission's diagnostic uses. Before the first interview a consultant chooses among the
 * published guides (the latest version of each); afterwards the guide is shown and never changes.
 */
export function MissionGuideChoice({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const current = useMissionGuide(missionId);
  const changeable = current.data?.changeable ?? false;
  const guides = useGuides();
  const choose = useChooseMissionGuide(missionId);
  if (!current.data) return <ErrorAlert error={current.error} />;
  const published = (guides.data ?? []).filter((g) => g.status === 'published');
  // The list is sorted by key, then version downwards: the first of each key is its latest version.
  const options = published
    .filter((g, i) => published.findIndex((other) => other.key === g.key) === i)
    .map((g) => ({ value: g.key, label: t('diagnostic.missionGuide.option', { title: g.title, version: g.version }) }));
  const label = t('diagnostic.missionGuide.option', { title: current.data.title, version: current.data.version });
  if (!changeable || options.length < 2) {
    return (
      <Text size="sm" c="dimmed" data-testid="mission-guide">
        {t('diagnostic.missionGuide.uses', { guide: label })}
      </Text>
    );
  }
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('diagnostic.missionGuide.label')}
        description={t('diagnostic.missionGuide.help')}
        data={options}
        value={current.data.key}
        allowDeselect={false}
        disabled={choose.isPending}
        onChange={(key) => {
          if (!key || key === current.data?.key) return;
          choose.mutate(key, {
            onSuccess: (chosen) =>
              notify(
                t('diagnostic.missionGuide.chosen', {
                  guide: t('diagnostic.missionGuide.option', { title: chosen.title, version: chosen.version }),
                }),
              ),
          });
        }}
        w={420}
      />
      <ErrorAlert error={choose.error} />
    </Group>
  );
}
