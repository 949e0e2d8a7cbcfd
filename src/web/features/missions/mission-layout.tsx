import { Anchor, Breadcrumbs, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMission } from '../../lib/missions-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { MissionFormModal } from './mission-form.tsx';
import { PhaseBadge } from './phase-badge.tsx';

const TABS = ['overview', 'diagnostic', 'strategy', 'implementation'] as const;
type Tab = (typeof TABS)[number];

function tabPath(tab: Tab, missionId: string): string {
  switch (tab) {
    case 'overview':
      return paths.mission.to(missionId);
    case 'diagnostic':
      return paths.missionDiagnostic.to(missionId);
    case 'strategy':
      return paths.missionStrategy.to(missionId);
    case 'implementation':
      return paths.missionImplementation.to(missionId);
  }
}

/**
 * A mission's page: who it serves, who runs it, its phase, and one tab per phase of the work. Each phase's
 * feature fills its own tab through the router.
 */
export default function MissionLayout() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const { missionId = '' } = useParams();
  const mission = useMission(missionId);
  const [editing, setEditing] = useState(false);
  const active = TABS.find((tab) => tab !== 'overview' && location.pathname.endsWith(`/${tab}`)) ?? 'overview';

  if (mission.error) return <ErrorAlert error={mission.error} />;
  if (!mission.data) return <BlockSkeleton />;
  const m = mission.data;
  const beneficiary = m.beneficiary.siteName
    ? t('missions.siteIn', { site: m.beneficiary.siteName, commune: m.beneficiary.communeName })
    : m.beneficiary.communeName;

  return (
    <Stack gap="md">
      <PageHeader
        above={
          <Breadcrumbs aria-label={t('layout.breadcrumbs')}>
            <Anchor component={Link} to={paths.missions.to()}>
              {t('missions.pageTitle')}
            </Anchor>
            <Text span>{m.title}</Text>
          </Breadcrumbs>
        }
        title={m.title}
        description={
          <Group gap="xs" component="span">
            <PhaseBadge phase={m.phase} />
            <Text span>
              {t('missions.summary', {
                beneficiary,
                consultants: m.consultants.map((c) => c.displayName).join(', '),
                start: formatDate(m.startDate, language),
              })}
            </Text>
          </Group>
        }
        actions={
          m.permissions.edit ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={active}
        onChange={(value) => value && void navigate(tabPath(value as Tab, m.id))}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`missions.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet context={m} />
      {editing ? <MissionFormModal mission={m} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}
