import { Anchor, Grid, List, Paper, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useAlerts, useNotificationSettings, useSaveNotificationSettings } from './api.ts';
import { alertText } from './labels.tsx';

export function AlertsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const alerts = useAlerts();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="alerts-heading">
          <Title order={2} size="h4" id="alerts-heading" mb="xs">
            {t('implementation.alerts.listTitle')}
          </Title>
          <ErrorAlert error={alerts.error} />
          {alerts.data && alerts.data.alerts.length === 0 ? (
            <Text size="sm">{t('implementation.alerts.none')}</Text>
          ) : null}
          <List size="sm" spacing={4}>
            {(alerts.data?.alerts ?? []).map((a) => (
              <List.Item key={a.key}>
                <Anchor underline="always" component={Link} to={paths.implementationProject.to(a.projectId)}>
                  {a.communeName} — {a.projectTitle}
                </Anchor>{' '}
                : {alertText(a, t, language)}
              </List.Item>
            ))}
          </List>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="notice-settings-heading">
          <Title order={2} size="h4" id="notice-settings-heading" mb="xs">
            {t('implementation.settings.title')}
          </Title>
          {settings.data ? (
            <Stack gap="xs">
              <Switch
                label={t('implementation.settings.alertEmails')}
                checked={settings.data.alertEmails}
                onChange={(e) => save.mutate({ ...settings.data, alertEmails: e.currentTarget.checked })}
              />
              <Switch
                label={t('implementation.settings.weeklyDigest')}
                checked={settings.data.weeklyDigest}
                onChange={(e) => save.mutate({ ...settings.data, weeklyDigest: e.currentTarget.checked })}
              />
              <Text size="xs" c="dimmed">
                {t('implementation.settings.help')}
              </Text>
            </Stack>
          ) : (
            <Skeleton height={60} />
          )}
          <ErrorAlert error={save.error ?? settings.error} />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
