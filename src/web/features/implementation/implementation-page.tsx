import { Alert, Anchor, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { AlertsView } from './alerts-view.tsx';
import { useImplementationArea, usePublishedCommunes } from './api.ts';
import { DashboardView } from './dashboard-view.tsx';
import { NoticesView } from './notices-view.tsx';
import { ThresholdsView } from './thresholds-view.tsx';

/**
 * The implementation area: for agency staff, the province dashboard (and, for admins, the thresholds and the notices
 * log); for everyone signed in, their alerts and notice settings.
 */
export function ImplementationPage() {
  const { t } = useTranslation();
  const me = useMe();
  // What the caller may open comes from the server's policy: the page tests no role.
  const area = useImplementationArea(Boolean(me.data));
  const {
    dashboard: staff,
    editThresholds,
    notices,
  } = area.data?.permissions ?? {
    dashboard: false,
    editThresholds: false,
    notices: false,
  };
  const [tab, setTab] = useState<string | null>('dashboard');

  if (me.isPending || (me.data && area.isPending)) return <BlockSkeleton />;
  if (!me.data) {
    return (
      <Stack>
        <PageHeader title={t('implementation.area.title')} description={t('implementation.area.intro')} />
        <Alert variant="light" color="rural">
          {t('implementation.area.signIn')}
        </Alert>
        <PublishedCommunesList />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PageHeader title={t('implementation.area.title')} description={t('implementation.area.intro')} />
      {staff ? (
        <Tabs value={tab} onChange={setTab} variant="pills" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="dashboard">{t('implementation.area.dashboardTab')}</Tabs.Tab>
            <Tabs.Tab value="alerts">{t('implementation.area.alertsTab')}</Tabs.Tab>
            <Tabs.Tab value="thresholds">{t('implementation.area.thresholdsTab')}</Tabs.Tab>
            {notices ? <Tabs.Tab value="notices">{t('implementation.area.noticesTab')}</Tabs.Tab> : null}
          </Tabs.List>
          <Tabs.Panel value="dashboard" pt="md">
            <DashboardView />
          </Tabs.Panel>
          <Tabs.Panel value="alerts" pt="md">
            <AlertsView />
          </Tabs.Panel>
          <Tabs.Panel value="thresholds" pt="md">
            <ThresholdsView editable={editThresholds} />
          </Tabs.Panel>
          {notices ? (
            <Tabs.Panel value="notices" pt="md">
              <NoticesView />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      ) : (
        <AlertsView />
      )}
    </Stack>
  );
}

/** The communes that publish their projects' progress: the way in for the public. */
function PublishedCommunesList() {
  const { t } = useTranslation();
  const published = usePublishedCommunes();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="published-heading">
      <Title order={2} size="h4" id="published-heading" mb="xs">
        {t('implementation.public.listTitle')}
      </Title>
      <ErrorAlert error={published.error} />
      {published.data?.length === 0 ? <Text size="sm">{t('implementation.public.listEmpty')}</Text> : null}
      <List size="sm">
        {(published.data ?? []).map((c) => (
          <List.Item key={c.nisCode}>
            <Anchor underline="always" component={Link} to={paths.programme.to(c.nisCode)}>
              {c.name}
            </Anchor>{' '}
            {t('implementation.public.listCount', { count: c.projects })}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
