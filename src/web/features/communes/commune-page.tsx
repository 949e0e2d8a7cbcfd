import { Anchor, Badge, Breadcrumbs, Grid, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CommuneDetail } from '../../../domain/communes/commune.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { useMissions } from '../../lib/missions-query.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { usePageTitle } from '../../lib/use-language.ts';
import { useCommune } from './api.ts';
import { KeyFacts } from './commune-facts.tsx';
import { CommuneProfile } from './commune-profile.tsx';
import { CommuneSites } from './commune-sites.tsx';

const OutlineMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.OutlineMap })));

export default function CommunePage() {
  const { t } = useTranslation();
  const { nisCode = '' } = useParams();
  const commune = useCommune(nisCode);
  usePageTitle(commune.data?.name ?? t('communes.title'));
  const breadcrumbs = <CommuneBreadcrumbs name={commune.data?.name ?? nisCode} />;

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
      <CommuneOverview commune={c} />
      <CommuneProfile commune={c} />
      <CommuneSites commune={c} />
      <CommuneMissions nisCode={c.nisCode} visible={c.permissions.readMissions} />
    </Stack>
  );
}

function CommuneBreadcrumbs({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs aria-label={t('layout.breadcrumbs')}>
      <Anchor component={Link} to={paths.province.to()} size="sm">
        {t('nav.communes')}
      </Anchor>
      <Text size="sm" aria-current="page">
        {name}
      </Text>
    </Breadcrumbs>
  );
}

/** The key facts beside the commune's outline on the map. */
function CommuneOverview({ commune: c }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const tileUrl = config.data?.map.tileUrl;
  return (
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
