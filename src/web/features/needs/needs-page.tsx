import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { GroupsPanel } from './groups-panel.tsx';
import { PollsPanel } from './polls-panel.tsx';
import { RegisterPanel } from './register-panel.tsx';

const TABS = ['register', 'groups', 'polls'] as const;
type Tab = (typeof TABS)[number];

/** Needs & mutualisation: the register, the groups of similar needs, and the interest polls (issue 5). */
export function NeedsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  if (me.isPending) return <BlockSkeleton />;
  if (!me.data) return null;
  const { capabilities } = me.data;
  // The polls tab is a commune's: the agency sees the polls on each group's page.
  const communePolls = !capabilities.readAllNeeds;
  const tabs: Tab[] = communePolls ? ['register', 'groups', 'polls'] : ['register', 'groups'];
  const tab = (tabs as string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'register';
  return (
    <Stack gap="md">
      <PageHeader title={t('needs.pageTitle')} description={t('needs.intro')} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'register' ? { tab: value } : {})}>
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`needs.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          {tab === 'register' ? (
            <RegisterPanel
              allCommunes={capabilities.readAllNeeds}
              canEdit={capabilities.enterNeeds}
              communeNis={me.data.user.communeNis}
            />
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          {tab === 'groups' ? <GroupsPanel staff={capabilities.runMutualisation} /> : null}
        </Tabs.Panel>
        {communePolls ? (
          <Tabs.Panel value="polls" pt="md">
            {tab === 'polls' ? <PollsPanel /> : null}
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
