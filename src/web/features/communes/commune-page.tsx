import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CommuneDetail, Site } from '../../../domain/communes/commune.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { useMissions } from '../../lib/missions-query.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useLanguage, usePageTitle } from '../../lib/use-language.ts';
import { useCommune } from './api.ts';
import { DeleteSiteModal, ProfileFormModal, SiteFormModal } from './commune-forms.tsx';
import { siteKindLabelKey } from './site-kinds.ts';

const OutlineMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.OutlineMap })));

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

function KeyFacts({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unit = t('units.perKm2');
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" m={0} data-testid="commune-facts">
        <Fact label={t('communes.nisCode')}>{commune.nisCode}</Fact>
        <Fact label={t('communes.arrondissement')}>{commune.arrondissement}</Fact>
        <Fact label={t('communes.population')}>
          {commune.population === null
            ? '—'
            : t('communes.populationWithYear', {
                population: formatNumber(commune.population, language),
                year: commune.populationYear ?? '—',
              })}
        </Fact>
        <Fact label={t('communes.areaLabel')}>
          {commune.areaKm2 === null ? '—' : `${formatNumber(commune.areaKm2, language, 2)} km²`}
        </Fact>
        <Fact label={t('communes.densityLabel')}>
          {commune.densityPerKm2 === null ? '—' : `${formatNumber(commune.densityPerKm2, language, 1)} ${unit}`}
        </Fact>
        {commune.nameNl && commune.nameNl !== commune.name ? (
          <Fact label={t('communes.nameNl')}>
            <span lang="nl">{commune.nameNl}</span>
          </Fact>
        ) : null}
      </SimpleGrid>
      {commune.absorbedCommunes.length > 0 ? (
        <Text data-testid="merged-from">
          {t('communes.mergedFromSentence')}{' '}
          {commune.absorbedCommunes.map((absorbed, index) => (
            <span key={absorbed.nisCode}>
              {index > 0 ? ', ' : null}
              <Anchor component={Link} to={paths.commune.to(absorbed.nisCode)}>
                {absorbed.name}
              </Anchor>
            </span>
          ))}
          .
        </Text>
      ) : null}
      {commune.mergedIntoCommune ? (
        <Text data-testid="merged-into">
          {t('communes.mergedIntoSentence', { date: commune.mergedOn ? formatDate(commune.mergedOn, language) : '—' })}{' '}
          <Anchor component={Link} to={paths.commune.to(commune.mergedIntoCommune.nisCode)}>
            {commune.mergedIntoCommune.name}
          </Anchor>
          .
        </Text>
      ) : null}
    </Stack>
  );
}

function Profile({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { description, website, contactEmail } = commune.profile;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="profile-heading">
          {t('communes.profile')}
        </Title>
        {commune.permissions.editProfile ? (
          <Button variant="outline" onClick={() => setEditing(true)}>
            {t('communes.editProfile')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        <Text
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="commune-description"
          c={description ? undefined : 'dimmed'}
        >
          {description ?? t('communes.noDescription')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0}>
          <Fact label={t('communes.website')}>
            {website ? (
              <Anchor href={website} target="_blank" rel="noopener noreferrer">
                {website}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('communes.contactEmail')}>
            {contactEmail ? <Anchor href={`mailto:${contactEmail}`}>{contactEmail}</Anchor> : '—'}
          </Fact>
          <Fact label={t('communes.publicProgress')}>
            <Anchor component={Link} to={paths.programme.to(commune.nisCode)}>
              {t('communes.publicProgressLink')}
            </Anchor>
          </Fact>
        </SimpleGrid>
      </Stack>
      {editing ? <ProfileFormModal commune={commune} opened onClose={() => setEditing(false)} /> : null}
    </Paper>
  );
}

function Sites({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Site | null>(null);
  const canManage = commune.permissions.manageSites;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sites-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="sites-heading">
          {t('sites.title')}
        </Title>
        {canManage ? (
          <Button variant="outline" onClick={() => setEditing('new')}>
            {t('sites.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sites.intro')}
      </Text>
      {commune.sites.length === 0 ? (
        <Text>{t('sites.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" data-testid="sites-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sites.name')}</Table.Th>
                <Table.Th>{t('sites.kind')}</Table.Th>
                <Table.Th>{t('sites.description')}</Table.Th>
                {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {commune.sites.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Td fw={500}>{site.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {t(siteKindLabelKey(site.kind))}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{site.description ?? '—'}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditing(site)}
                          aria-label={t('sites.editNamed', { name: site.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(site)}
                          aria-label={t('sites.deleteNamed', { name: site.name })}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <SiteFormModal
          nisCode={commune.nisCode}
          site={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteSiteModal nisCode={commune.nisCode} site={deleting} onClose={() => setDeleting(null)} />
    </Paper>
  );
}

/** The missions run for this commune, for the agency's staff and the commune's own users. */
function CommuneMissions({ nisCode, visible }: { nisCode: string; visible: boolean }) {
  const { t } = useTranslation();
  const missions = useMissions({ communeNis: nisCode }, visible);
  if (!visible) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="missions-heading">
      <Title order={2} size="h3" id="missions-heading" mb="sm">
        {t('missions.communeMissions')}
      </Title>
      {(missions.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('missions.communeMissionsNone')}</Text>
      ) : (
        <List spacing="xs">
          {(missions.data ?? []).map((mission) => (
            <List.Item key={mission.id}>
              <Anchor component={Link} to={paths.mission.to(mission.id)}>
                {mission.title}
              </Anchor>{' '}
              — {t(`missions.phases.${mission.phase}`)}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

export default function CommunePage() {
  const { t } = useTranslation();
  const { nisCode = '' } = useParams();
  const commune = useCommune(nisCode);
  const config = usePublicConfig();
  usePageTitle(commune.data?.name ?? t('communes.title'));

  const breadcrumbs = (
    <Breadcrumbs aria-label={t('layout.breadcrumbs')}>
      <Anchor component={Link} to={paths.province.to()} size="sm">
        {t('nav.communes')}
      </Anchor>
      <Text size="sm" aria-current="page">
        {commune.data?.name ?? nisCode}
      </Text>
    </Breadcrumbs>
  );

  if (commune.isPending) {
    return (
      <Stack>
        {breadcrumbs}
        <Skeleton height={36} width={280} />
        <BlockSkeleton lines={6} />
      </Stack>
    );
  }
  if (commune.isError) {
    const notFound = commune.error instanceof ApiError && commune.error.status === 404;
    return (
      <Stack maw={720}>
        {breadcrumbs}
        <PageHeader title={notFound ? t('communes.notFoundTitle') : t('common.errorTitle')} />
        <ErrorAlert error={commune.error} />
      </Stack>
    );
  }
  const c = commune.data;
  const tileUrl = config.data?.map.tileUrl;
  return (
    <Stack gap="lg">
      <PageHeader
        above={breadcrumbs}
        title={c.name}
        description={
          <>
            {t('communes.subtitle', { arrondissement: c.arrondissement })}
            {!c.current ? (
              <Badge component="span" ml="sm" color="gray" variant="light" tt="none">
                {t('communes.mergedBadge')}
              </Badge>
            ) : null}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="facts-heading" h="100%">
            <Title order={2} size="h3" id="facts-heading" mb="sm">
              {t('communes.keyFacts')}
            </Title>
            <KeyFacts commune={c} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {c.boundary ? (
            <Suspense fallback={<Skeleton height={280} />}>
              <OutlineMap
                boundary={c.boundary}
                label={t('communes.outlineLabel', { name: c.name })}
                baseMap={tileUrl ? { url: tileUrl, attribution: config.data?.map.tileAttribution ?? null } : null}
                height={280}
              />
            </Suspense>
          ) : (
            <Text c="dimmed">{t('communes.noBoundary')}</Text>
          )}
        </Grid.Col>
      </Grid>
      <Profile commune={c} />
      <Sites commune={c} />
      <CommuneMissions nisCode={c.nisCode} visible={c.permissions.readMissions} />
    </Stack>
  );
}
