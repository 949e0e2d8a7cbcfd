import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type SelfAssessmentCreated,
  SelfAssessmentCreateInput,
  type SelfAssessmentLink,
} from '../../../domain/diagnostic/interviews.ts';
import type { IntervieweeType } from '../../../domain/diagnostic/model.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { EditorModal } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useLinkMutations, useLinks } from './api.ts';
import { useTypeOptions } from './interview-person-modal.tsx';

const STATUS_COLOURS = { pending: 'blue', used: 'teal', expired: 'gray', revoked: 'gray' } as const;

/** The link just made: shown once, to copy and send. */
function CreatedLink({ created, onClose }: { created: SelfAssessmentCreated; onClose(): void }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${created.path}`;
  return (
    <AppModal opened onClose={onClose} title={t('diagnostic.links.create')}>
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
    </AppModal>
  );
}

/** A new personal link: for whom (kind, and a name the agency keeps), valid how many days. */
function NewLinkModal({ missionId, onClose }: { missionId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { create } = useLinkMutations(missionId);
  const typeOptions = useTypeOptions();
  const [created, setCreated] = useState<SelfAssessmentCreated | null>(null);
  const { form, submit } = useSchemaForm({
    schema: SelfAssessmentCreateInput,
    initialValues: { type: 'citizen', name: '', validDays: 14 as number | string },
    toInput: (values) => ({
      resourcePerson: {
        type: values.type as IntervieweeType,
        ...(values.name.trim() ? { name: values.name.trim() } : {}),
      },
      validDays: Number(values.validDays) || 14,
    }),
  });
  if (created) return <CreatedLink created={created} onClose={onClose} />;
  return (
    <EditorModal
      title={t('diagnostic.links.create')}
      onClose={onClose}
      errors={form.errors}
      onSubmit={submit((input, callbacks) => create.mutate(input, { ...callbacks, onSuccess: setCreated }))}
      pending={create.isPending}
      error={create.error}
      submitLabel={t('diagnostic.links.generate')}
    >
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
      <NumberInput label={t('diagnostic.links.validDays')} min={1} max={60} {...form.getInputProps('validDays')} />
    </EditorModal>
  );
}

function LinksTable({ links, onRevoke }: { links: SelfAssessmentLink[]; onRevoke(id: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
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
        {links.map((link) => (
          <Table.Tr key={link.id}>
            <Table.Td>
              {t(`diagnostic.types.${link.resourcePerson.type}`)}
              {link.resourcePerson.name ? ` — ${link.resourcePerson.name}` : ''}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOURS[link.status]}>
                {t(`diagnostic.links.statuses.${link.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(link.expiresAt, language)}</Table.Td>
            <Table.Td>
              {link.status === 'pending' ? (
                <Button size="compact-sm" variant="subtle" color="red.8" onClick={() => onRevoke(link.id)}>
                  {t('diagnostic.links.revoke')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Personal self-assessment links of the mission: made here, filled without an account, spent once used. */
export function LinksSection({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const links = useLinks(mission.id, true);
  const { revoke } = useLinkMutations(mission.id);
  const [creating, setCreating] = useState(false);
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
          <LinksTable links={links.data ?? []} onRevoke={(id) => revoke.mutate(id)} />
        )}
      </Stack>
      {creating ? <NewLinkModal missionId={mission.id} onClose={() => setCreating(false)} /> : null}
    </Paper>
  );
}
