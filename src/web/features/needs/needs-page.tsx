import { Anchor, Badge, Button, Group, Menu, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { exportUrl, useNeeds } from './api.ts';
import { GroupsPanel } from './groups-panel.tsx';
import { ImportModal } from './import-modal.tsx';
import { categoryOptions, URGENCY_COLOURS } from './labels.ts';
import { NeedFormModal } from './need-form.tsx';
import { PollsPanel } from './polls-panel.tsx';
import { NeedCategory } from './suggested-category.tsx';

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

function RegisterPanel(props: { allCommunes: boolean; canEdit: boolean; communeNis: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const communes = useCommuneList();
  const [communeNis, setCommuneNis] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const filter = { communeNis, category, q };
  const needs = useNeeds(filter);
  const canEdit = props.canEdit;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          {props.allCommunes ? (
            <Select
              label={t('needs.filterCommune')}
              data={communeOptions(communes.data)}
              value={communeNis}
              onChange={setCommuneNis}
              searchable
              clearable
              placeholder={t('needs.allCommunes')}
              w={220}
            />
          ) : null}
          <Select
            label={t('needs.category')}
            data={categoryOptions(language)}
            value={category}
            onChange={setCategory}
            searchable
            clearable
            placeholder={t('needs.allCategories')}
            w={260}
          />
          <TextInput
            label={t('needs.search')}
            placeholder={t('needs.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={240}
          />
        </Group>
        <Group>
          <Menu>
            <Menu.Target>
              <Button variant="default">{t('needs.export')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={exportUrl(filter, 'xlsx')} download>
                XLSX
              </Menu.Item>
              <Menu.Item component="a" href={exportUrl(filter, 'csv')} download>
                CSV
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {canEdit ? (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                {t('needs.import.open')}
              </Button>
              <Button onClick={() => setCreating(true)}>{t('needs.create')}</Button>
            </>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={needs.error} />
      {needs.isPending ? (
        <BlockSkeleton />
      ) : (needs.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('needs.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('needs.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('needs.title')}</Table.Th>
                <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                <Table.Th scope="col">{t('needs.category')}</Table.Th>
                <Table.Th scope="col">{t('needs.urgency')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.budget')}
                </Table.Th>
                <Table.Th scope="col">{t('needs.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(needs.data ?? []).map((need) => (
                <Table.Tr key={need.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.need.to(need.id)} fw={600}>
                      {need.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{need.communeName}</Table.Td>
                  <Table.Td>
                    <NeedCategory need={need} />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={URGENCY_COLOURS[need.urgency]}
                      variant="outline"
                      styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
                    >
                      {t(`needs.urgencies.${need.urgency}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {need.estimatedBudget === null ? '—' : formatEuro(need.estimatedBudget, language)}
                  </Table.Td>
                  <Table.Td>{t(`needs.sources.${need.source}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating ? (
        <NeedFormModal
          fixedCommune={props.allCommunes ? null : props.communeNis}
          onClose={() => setCreating(false)}
          onSaved={(need) => void navigate(paths.need.to(need.id))}
        />
      ) : null}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}
