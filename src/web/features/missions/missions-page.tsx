import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MISSION_PHASES, type Mission, type MissionPhase } from '../../../domain/missions/mission.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { useMissions } from '../../lib/missions-query.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { MissionFormModal } from './mission-form.tsx';
import { PhaseBadge } from './phase-badge.tsx';

export default function MissionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [communeNis, setCommuneNis] = useState<string | null>(null);
  const [phase, setPhase] = useState<MissionPhase | null>(null);
  const [creating, setCreating] = useState(false);
  const communes = useCommuneList();
  const missions = useMissions({ ...(communeNis ? { communeNis } : {}), ...(phase ? { phase } : {}) });
  const canOpen = me.data?.capabilities.runMissions ?? false;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('missions.pageTitle')}
        description={t('missions.intro')}
        actions={canOpen ? <Button onClick={() => setCreating(true)}>{t('missions.create')}</Button> : null}
      />
      <Group align="flex-end">
        {me.data?.capabilities.readAllMissions ? (
          <Select
            label={t('missions.filterCommune')}
            data={communeOptions(communes.data)}
            value={communeNis}
            onChange={setCommuneNis}
            searchable
            clearable
            placeholder={t('missions.allCommunes')}
            w={260}
          />
        ) : null}
        <Select
          label={t('missions.filterPhase')}
          data={MISSION_PHASES.map((p) => ({ value: p, label: t(`missions.phases.${p}`) }))}
          value={phase}
          onChange={(value) => setPhase(value as MissionPhase | null)}
          clearable
          placeholder={t('missions.allPhases')}
          w={220}
        />
      </Group>
      <ErrorAlert error={missions.error} />
      {missions.isPending ? (
        <BlockSkeleton />
      ) : (missions.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('missions.none')}</Text>
      ) : (
        <MissionsTable missions={missions.data ?? []} />
      )}
      {creating ? (
        <MissionFormModal onClose={() => setCreating(false)} onSaved={(m) => void navigate(paths.mission.to(m.id))} />
      ) : null}
    </Stack>
  );
}

/** The missions found, each linked to its page. */
function MissionsTable({ missions }: { missions: Mission[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('missions.title')}</Table.Th>
            <Table.Th scope="col">{t('missions.beneficiary')}</Table.Th>
            <Table.Th scope="col">{t('missions.phase')}</Table.Th>
            <Table.Th scope="col">{t('missions.consultants')}</Table.Th>
            <Table.Th scope="col">{t('missions.startDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {missions.map((mission) => (
            <Table.Tr key={mission.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.mission.to(mission.id)} fw={600}>
                  {mission.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {mission.beneficiary.siteName
                  ? `${mission.beneficiary.siteName} (${mission.beneficiary.communeName})`
                  : mission.beneficiary.communeName}
              </Table.Td>
              <Table.Td>
                <PhaseBadge phase={mission.phase} />
              </Table.Td>
              <Table.Td>{mission.consultants.map((c) => c.displayName).join(', ')}</Table.Td>
              <Table.Td>{formatDate(mission.startDate, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
