import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterviewSummary } from '../../../domain/diagnostic/interviews.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useInterviewMutations } from './api.ts';

type Confirm = 'erase' | 'delete';

/** Erase the person's identity, or delete the interview: said once more before it is done. */
function ConfirmModal({
  confirm,
  missionId,
  interviewId,
  onClose,
}: {
  confirm: Confirm;
  missionId: string;
  interviewId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { remove, erase } = useInterviewMutations(missionId);
  const erasing = confirm === 'erase';
  const run = () =>
    (erasing ? erase : remove).mutate(interviewId, {
      onSuccess: () => {
        notify(erasing ? t('diagnostic.interviews.erasedDone') : t('diagnostic.interviews.deleted'));
        onClose();
      },
    });
  return (
    <AppModal
      opened
      onClose={onClose}
      title={erasing ? t('diagnostic.interviews.erase') : t('diagnostic.interviews.delete')}
    >
      <Stack>
        <Text>{erasing ? t('diagnostic.interviews.eraseConfirm') : t('diagnostic.interviews.deleteConfirm')}</Text>
        <ErrorAlert error={erase.error ?? remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" loading={erase.isPending || remove.isPending} onClick={run}>
            {erasing ? t('diagnostic.interviews.eraseAction') : t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function InterviewMenu({
  interview,
  index,
  onConfirm,
}: {
  interview: InterviewSummary;
  index: number;
  onConfirm(confirm: Confirm): void;
}) {
  const { t } = useTranslation();
  const person = interview.resourcePerson;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('diagnostic.interviews.more', { n: index + 1 })}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          disabled={person.identityErased || (!person.name && !person.role)}
          onClick={() => onConfirm('erase')}
        >
          {t('diagnostic.interviews.erase')}
        </Menu.Item>
        <Menu.Item color="red.8" onClick={() => onConfirm('delete')}>
          {t('diagnostic.interviews.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** One interview of the list: who, when, by whom, how far; open it, erase the identity or delete it. */
export function InterviewRow({
  interview,
  index,
  missionId,
  canEdit,
  onOpen,
}: {
  interview: InterviewSummary;
  index: number;
  missionId: string;
  canEdit: boolean;
  onOpen(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const person = interview.resourcePerson;
  const who = person.identityHidden
    ? t('diagnostic.interviews.hidden')
    : person.identityErased
      ? t('diagnostic.interviews.erased')
      : [person.name, person.role].filter(Boolean).join(', ') || '–';
  return (
    <Table.Tr data-interview={interview.id}>
      <Table.Td>E{String(index + 1).padStart(2, '0')}</Table.Td>
      <Table.Td>
        <Anchor component="button" type="button" onClick={onOpen} fw={600}>
          {t(`diagnostic.types.${person.type}`)}
        </Anchor>
        {interview.source === 'self_assessment' ? (
          <Badge ml="xs" size="sm" variant="outline" color="grape.9">
            {t('diagnostic.interviews.selfAssessment')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td c={person.identityHidden || person.identityErased ? 'dimmed' : undefined}>{who}</Table.Td>
      <Table.Td>{formatDate(interview.date, language)}</Table.Td>
      <Table.Td>{interview.interviewer}</Table.Td>
      <Table.Td>
        {t('diagnostic.interviews.answeredOf', { answered: interview.answered, total: interview.questions })}
        {interview.dontKnow ? ` · ${t('diagnostic.interviews.dontKnowCount', { count: interview.dontKnow })}` : ''}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={onOpen}>
            {canEdit ? t('diagnostic.interviews.continue') : t('diagnostic.interviews.open')}
          </Button>
          {canEdit ? <InterviewMenu interview={interview} index={index} onConfirm={setConfirm} /> : null}
        </Group>
        {confirm ? (
          <ConfirmModal
            confirm={confirm}
            missionId={missionId}
            interviewId={interview.id}
            onClose={() => setConfirm(null)}
          />
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
