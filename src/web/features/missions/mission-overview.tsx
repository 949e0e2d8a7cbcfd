import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { useMissionOutlet } from '../../lib/mission-outlet.ts';
import { useLanguage } from '../../lib/use-language.ts';

export default function MissionOverview() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mission = useMissionOutlet();
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('missions.tabs.overview')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('missions.beneficiary')}
            </Text>
            <Text component="dd" m={0}>
              <Anchor component={Link} to={paths.commune.to(mission.beneficiary.communeNis)}>
                {mission.beneficiary.communeName}
              </Anchor>
              {mission.beneficiary.siteName ? ` — ${mission.beneficiary.siteName}` : null}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('missions.consultants')}
            </Text>
            <Text component="dd" m={0}>
              {mission.consultants.map((c) => c.displayName).join(', ')}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('missions.period')}
            </Text>
            <Text component="dd" m={0}>
              {formatDate(mission.startDate, language)} →{' '}
              {mission.endDate ? formatDate(mission.endDate, language) : '…'}
            </Text>
          </div>
        </SimpleGrid>
        {mission.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{mission.description}</Text> : null}
      </Stack>
    </Paper>
  );
}
