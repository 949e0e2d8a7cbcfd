import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterviewSummary } from '../../../domain/diagnostic/interviews.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useInterviews } from './api.ts';
import { InterviewPersonModal } from './interview-person-modal.tsx';
import { InterviewRow } from './interview-row.tsx';
import { LinksSection } from './self-assessment-links.tsx';

function InterviewsTable({
  interviews,
  missionId,
  canEdit,
  onOpen,
}: {
  interviews: InterviewSummary[];
  missionId: string;
  canEdit: boolean;
  onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover data-testid="interviews-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('diagnostic.interviews.type')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.interviews.who')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.interviews.date')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.interviews.interviewer')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.interviews.answers')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {interviews.map((interview, index) => (
            <InterviewRow
              key={interview.id}
              interview={interview}
              index={index}
              missionId={missionId}
              canEdit={canEdit}
              onOpen={() => onOpen(interview.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The interviews of a mission: who was heard, progress, and the way into the capture screen. */
export function InterviewsPanel({ mission, onOpen }: { mission: Mission; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const interviews = useInterviews(mission.id);
  const [creating, setCreating] = useState(false);
  const canEdit = mission.permissions.edit;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" maw={720}>
          {t('diagnostic.interviews.intro')}
        </Text>
        {canEdit ? <Button onClick={() => setCreating(true)}>{t('diagnostic.interviews.new')}</Button> : null}
      </Group>
      <ErrorAlert error={interviews.error} />
      {interviews.isPending ? (
        <BlockSkeleton />
      ) : (interviews.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('diagnostic.interviews.none')}</Text>
      ) : (
        <InterviewsTable interviews={interviews.data ?? []} missionId={mission.id} canEdit={canEdit} onOpen={onOpen} />
      )}
      {canEdit ? <LinksSection mission={mission} /> : null}
      {creating ? (
        <InterviewPersonModal
          missionId={mission.id}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onOpen(id);
          }}
        />
      ) : null}
    </Stack>
  );
}
