import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPECIFICITY_TOPICS } from '../../../domain/diagnostic/swot.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useSaveSpecificities, useSpecificities } from './api.ts';

/** The territory's specificities beside the SWOT, topic by topic. */
export function SpecificitiesSection({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const specificities = useSpecificities(mission.id);
  const save = useSaveSpecificities(mission.id);
  const [values, setValues] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    if (specificities.data && values === null) {
      setValues(Object.fromEntries(SPECIFICITY_TOPICS.map((topic) => [topic, specificities.data[topic]])));
    }
  }, [specificities.data, values]);
  if (specificities.error) return <ErrorAlert error={specificities.error} />;
  if (!specificities.data || !values) return <BlockSkeleton lines={4} />;
  const canEdit = specificities.data.permissions.edit;
  const dirty = SPECIFICITY_TOPICS.some((topic) => values[topic] !== specificities.data[topic]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="specificities-heading">
      <Stack gap="sm">
        <Box>
          <Title order={3} size="h4" id="specificities-heading">
            {t('diagnostic.specificities.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('diagnostic.specificities.intro')}
          </Text>
        </Box>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {SPECIFICITY_TOPICS.map((topic) =>
            canEdit ? (
              <Textarea
                key={topic}
                label={t(`diagnostic.specificities.${topic}`)}
                autosize
                minRows={3}
                value={values[topic]}
                onChange={(e) => setValues({ ...values, [topic]: e.currentTarget.value })}
              />
            ) : (
              <Box key={topic}>
                <Text fw={600}>{t(`diagnostic.specificities.${topic}`)}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={values[topic] ? undefined : 'dimmed'}>
                  {values[topic] || t('diagnostic.specificities.empty')}
                </Text>
              </Box>
            ),
          )}
        </SimpleGrid>
        {canEdit ? (
          <Group justify="flex-end">
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate(values, { onSuccess: () => notify(t('diagnostic.specificities.saved')) })}
            >
              {t('diagnostic.specificities.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
