import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Mission } from '../../../domain/missions/mission.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useBoundaries } from '../../lib/communes-query.ts';
import { useMissions } from '../../lib/missions-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useGuide, useGuides, useProvinceDiagnostics } from './api.ts';
import { MaturityMapSection } from './province-map.tsx';
import { BenchmarkNotes, DiagnosedCommunesTable } from './province-table.tsx';

/** The missions now in their diagnostic phase. */
function MissionsInDiagnostic({ missions }: { missions: Mission[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('missions.title')}</Table.Th>
          <Table.Th scope="col">{t('missions.beneficiary')}</Table.Th>
          <Table.Th scope="col">{t('missions.consultants')}</Table.Th>
          <Table.Th scope="col">{t('missions.startDate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {missions.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Anchor component={Link} to={paths.missionDiagnostic.to(m.id)} fw={600}>
                {m.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {m.beneficiary.siteName
                ? `${m.beneficiary.siteName} (${m.beneficiary.communeName})`
                : m.beneficiary.communeName}
            </Table.Td>
            <Table.Td>{m.consultants.map((c) => c.displayName).join(', ')}</Table.Td>
            <Table.Td>{formatDate(m.startDate, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The province view of diagnostics: which communes have one, their maturity on the map, missions under way. */
export function DiagnosticPage() {
  const { t } = useTranslation();
  const overview = useProvinceDiagnostics();
  const boundaries = useBoundaries();
  const missions = useMissions({ phase: 'diagnostic' });
  const guides = useGuides();
  const published = (guides.data ?? []).find((g) => g.status === 'published');
  const guide = useGuide(published?.key ?? null, published?.version ?? null);
  const communes = overview.data?.communes ?? [];

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('diagnostic.province.title')}
        description={t('diagnostic.province.intro')}
        actions={
          <Button component={Link} to={paths.diagnosticGuide.to()} variant="default">
            {t('diagnostic.guide.open')}
          </Button>
        }
      />
      <ErrorAlert error={overview.error ?? boundaries.error} />
      <MaturityMapSection
        overview={overview.data}
        updatedAt={overview.dataUpdatedAt}
        guide={guide.data?.model ?? null}
      />

      <section aria-labelledby="diagnosed-heading">
        <Title order={2} size="h3" id="diagnosed-heading" mb="sm">
          {t('diagnostic.province.tableTitle')}
        </Title>
        {overview.isPending ? (
          <BlockSkeleton />
        ) : communes.length === 0 || !overview.data ? (
          <Text c="dimmed">{t('diagnostic.province.none')}</Text>
        ) : (
          <>
            <BenchmarkNotes overview={overview.data} />
            <DiagnosedCommunesTable communes={communes} />
          </>
        )}
      </section>

      <section aria-labelledby="in-diagnostic-heading">
        <Title order={2} size="h3" id="in-diagnostic-heading" mb="sm">
          {t('diagnostic.province.missionsTitle')}
        </Title>
        <ErrorAlert error={missions.error} />
        {(missions.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('diagnostic.province.noMissions')}</Text>
        ) : (
          <MissionsInDiagnostic missions={missions.data ?? []} />
        )}
      </section>
    </Stack>
  );
}
