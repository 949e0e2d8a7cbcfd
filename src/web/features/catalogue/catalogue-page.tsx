import { Anchor, Button, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { AdoptionTab } from './adoption-tab.tsx';
import { AgreementsTab } from './agreements-tab.tsx';
import { SearchTab } from './search-tab.tsx';
import { ShortlistsTab } from './shortlists-tab.tsx';
import { SolutionFormModal } from './solution-form.tsx';

export const CATALOGUE_TABS = ['search', 'shortlists', 'agreements', 'adoption'] as const;
export type CatalogueTab = (typeof CATALOGUE_TABS)[number];

/** The catalogue area: search and compare, shortlists, agreements and orders, the adoption map. */
export function CataloguePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const agency = me.data?.capabilities.editCatalogue ?? false;
  const tab = (CATALOGUE_TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as CatalogueTab)
    : 'search';
  return (
    <Stack gap="md">
      <PageHeader
        title={t('catalogue.title')}
        description={t('catalogue.intro')}
        actions={agency ? <Button onClick={() => setAdding(true)}>{t('catalogue.edit.newTitle')}</Button> : null}
      />
      {adding ? <SolutionFormModal opened onClose={() => setAdding(false)} solution={null} /> : null}
      {me.isPending ? (
        <BlockSkeleton />
      ) : !me.data ? (
        <Paper withBorder p="lg">
          <Text>
            {t('catalogue.signIn')}{' '}
            <Anchor component={Link} to={paths.login.to(paths.catalogue.to())}>
              {t('catalogue.signInLink')}
            </Anchor>
          </Text>
        </Paper>
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => setParams(value && value !== 'search' ? { tab: value } : {})}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            {CATALOGUE_TABS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`catalogue.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="search">
            <SearchTab />
          </Tabs.Panel>
          <Tabs.Panel value="shortlists">
            <ShortlistsTab />
          </Tabs.Panel>
          <Tabs.Panel value="agreements">
            <AgreementsTab />
          </Tabs.Panel>
          <Tabs.Panel value="adoption">
            <AdoptionTab />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
