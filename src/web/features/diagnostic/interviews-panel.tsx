import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Menu,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Interview,
  InterviewCreateInput,
  type InterviewSummary,
  type SelfAssessmentCreated,
} from '../../../domain/diagnostic/interviews.ts';
import { INTERVIEWEE_TYPES, type IntervieweeType } from '../../../domain/diagnostic/model.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { belgianToday, formatDate } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { zodFormErrors } from '../../lib/form-validation.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  diagnosticKeys,
  saveInterview,
  useInterviewMutations,
  useInterviews,
  useLinkMutations,
  useLinks,
} from './api.ts';

const today = () => belgianToday();

function useTypeOptions() {
  const { t } = useTranslation();
  return INTERVIEWEE_TYPES.map((type) => ({ value: type, label: t(`diagnostic.types.${type}`) }));
}

type NewValues = { type: string; role: string; name: string; date: string; interviewer: string };

/**
 * Who was heard, when, by whom: a new interview, or (with `interview`) a correction of one. Name and role cannot be
 * entered again once erased.
 */
export function InterviewPersonModal({
  missionId,
  interview,
  onClose,
  onCreated,
}: {
  missionId: string;
  interview?: Interview;
  onClose(): void;
  onCreated?(id: string): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const { create } = useInterviewMutations(missionId);
  const update = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => saveInterview(missionId, interview!.id, body),
    onSuccess: (saved) => {
      client.setQueryData(diagnosticKeys.interview(missionId, saved.id), saved);
      void client.invalidateQueries({ queryKey: diagnosticKeys.interviews(missionId) });
    },
  });
  const typeOptions = useTypeOptions();
  const erased = interview?.resourcePerson.identityErased ?? false;
  const form = useForm<NewValues>({
    initialValues: interview
      ? {
          type: interview.resourcePerson.type,
          role: interview.resourcePerson.role ?? '',
          name: interview.resourcePerson.name ?? '',
          date: interview.date,
          interviewer: interview.interviewer,
        }
      : { type: '', role: '', name: '', date: today(), interviewer: me.data?.user.displayName ?? '' },
    validate: (values) => zodFormErrors(InterviewCreateInput, toBody(values), t),
  });
  const mutation = interview ? update : create;
  function toBody(values: NewValues) {
    return {
      resourcePerson: {
        type: values.type as IntervieweeType,
        ...(values.role.trim() ? { role: values.role.trim() } : {}),
        ...(values.name.trim() ? { name: values.name.trim() } : {}),
      },
      date: values.date,
      interviewer: values.interviewer,
    };
  }
  return (
    <AppModal
      opened
      onClose={onClose}
      title={interview ? t('diagnostic.interviews.editPerson') : t('diagnostic.interviews.new')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          interview
            ? update.mutate(toBody(values), {
                onSuccess: () => {
                  notify(t('diagnostic.interviews.personSaved'));
                  onClose();
                },
              })
            : create.mutate(toBody(values), {
                onSuccess: (created) => {
                  notify(t('diagnostic.interviews.created'));
                  onCreated?.(created.id);
                },
              }),
        )}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          <FormErrorSummary errors={form.errors} />
          <Select
            label={t('diagnostic.interviews.type')}
            data={typeOptions}
            required
            value={form.values.type || null}
            onChange={(value) => form.setFieldValue('type', value ?? '')}
            error={form.errors['resourcePerson.type']}
          />
          <TextInput
            label={t('diagnostic.interviews.role')}
            description={erased ? t('diagnostic.interviews.erased') : t('diagnostic.interviews.roleHelp')}
            disabled={erased}
            {...form.getInputProps('role')}
          />
          <TextInput
            label={t('diagnostic.interviews.name')}
            description={erased ? t('diagnostic.interviews.erased') : t('diagnostic.interviews.nameHelp')}
            disabled={erased}
            {...form.getInputProps('name')}
          />
          <Group grow>
            <DateField label={t('diagnostic.interviews.date')} required {...form.getInputProps('date')} />
            <TextInput label={t('diagnostic.interviews.interviewer')} required {...form.getInputProps('interviewer')} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {interview ? t('common.save') : t('diagnostic.interviews.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function InterviewRow({
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
  const { remove, erase } = useInterviewMutations(missionId);
  const [confirm, setConfirm] = useState<'erase' | 'delete' | null>(null);
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
          {canEdit ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('diagnostic.interviews.more', { n: index + 1 })}>
                  ⋯
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  disabled={person.identityErased || (!person.name && !person.role)}
                  onClick={() => setConfirm('erase')}
                >
                  {t('diagnostic.interviews.erase')}
                </Menu.Item>
                <Menu.Item color="red.8" onClick={() => setConfirm('delete')}>
                  {t('diagnostic.interviews.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        {confirm ? (
          <AppModal
            opened
            onClose={() => setConfirm(null)}
            title={confirm === 'erase' ? t('diagnostic.interviews.erase') : t('diagnostic.interviews.delete')}
          >
            <Stack>
              <Text>
                {confirm === 'erase'
                  ? t('diagnostic.interviews.eraseConfirm')
                  : t('diagnostic.interviews.deleteConfirm')}
              </Text>
              <ErrorAlert error={erase.error ?? remove.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirm(null)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  color="red.8"
                  loading={erase.isPending || remove.isPending}
                  onClick={() =>
                    (confirm === 'erase' ? erase : remove).mutate(interview.id, {
                      onSuccess: () => {
                        notify(
                          confirm === 'erase'
                            ? t('diagnostic.interviews.erasedDone')
                            : t('diagnostic.interviews.deleted'),
                        );
                        setConfirm(null);
                      },
                    })
                  }
                >
                  {confirm === 'erase' ? t('diagnostic.interviews.eraseAction') : t('common.delete')}
                </Button>
              </Group>
            </Stack>
          </AppModal>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function LinksSection({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const links = useLinks(mission.id, true);
  const { create, revoke } = useLinkMutations(mission.id);
  const typeOptions = useTypeOptions();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<SelfAssessmentCreated | null>(null);
  const form = useForm({ initialValues: { type: 'citizen', name: '', validDays: 14 as number | string } });
  const url = created ? `${window.location.origin}${created.path}` : '';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={3} size="h4">
              {t('diagnostic.links.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('diagnostic.links.intro')}
            </Text>
          </div>
          <Button variant="light" onClick={() => setCreating(true)}>
            {t('diagnostic.links.create')}
          </Button>
        </Group>
        <ErrorAlert error={links.error} />
        {(links.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('diagnostic.links.none')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('diagnostic.links.for')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.links.status')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.links.expires')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(links.data ?? []).map((link) => (
                <Table.Tr key={link.id}>
                  <Table.Td>
                    {t(`diagnostic.types.${link.resourcePerson.type}`)}
                    {link.resourcePerson.name ? ` — ${link.resourcePerson.name}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={{ pending: 'blue', used: 'teal', expired: 'gray', revoked: 'gray' }[link.status]}
                    >
                      {t(`diagnostic.links.statuses.${link.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(link.expiresAt, language)}</Table.Td>
                  <Table.Td>
                    {link.status === 'pending' ? (
                      <Button size="compact-sm" variant="subtle" color="red.8" onClick={() => revoke.mutate(link.id)}>
                        {t('diagnostic.links.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {creating ? (
        <AppModal
          opened
          onClose={() => {
            setCreating(false);
            setCreated(null);
          }}
          title={t('diagnostic.links.create')}
        >
          {created ? (
            <Stack>
              <Alert color="teal" title={t('diagnostic.links.createdTitle')}>
                {t('diagnostic.links.createdHelp')}
              </Alert>
              <TextInput label={t('diagnostic.links.url')} value={url} readOnly data-testid="self-assessment-url" />
              <Group justify="flex-end">
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button onClick={copy}>{copied ? t('diagnostic.links.copied') : t('diagnostic.links.copy')}</Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          ) : (
            <form
              noValidate
              onSubmit={form.onSubmit((values) =>
                create.mutate(
                  {
                    resourcePerson: {
                      type: values.type as IntervieweeType,
                      ...(values.name.trim() ? { name: values.name.trim() } : {}),
                    },
                    validDays: Number(values.validDays) || 14,
                  },
                  { onSuccess: setCreated },
                ),
              )}
            >
              <Stack>
                <ErrorAlert error={create.error} />
                <Select
                  label={t('diagnostic.interviews.type')}
                  data={typeOptions}
                  allowDeselect={false}
                  {...form.getInputProps('type')}
                />
                <TextInput
                  label={t('diagnostic.links.name')}
                  description={t('diagnostic.interviews.nameHelp')}
                  {...form.getInputProps('name')}
                />
                <NumberInput
                  label={t('diagnostic.links.validDays')}
                  min={1}
                  max={60}
                  {...form.getInputProps('validDays')}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={create.isPending}>
                    {t('diagnostic.links.generate')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </AppModal>
      ) : null}
    </Paper>
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
              {(interviews.data ?? []).map((interview, index) => (
                <InterviewRow
                  key={interview.id}
                  interview={interview}
                  index={index}
                  missionId={mission.id}
                  canEdit={canEdit}
                  onOpen={() => onOpen(interview.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
