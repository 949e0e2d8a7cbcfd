import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type GroupDetail, type InterestPoll, PollCreateInput } from '../../../domain/mutualisation/api.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreatePoll } from './api.ts';

export function PollsSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('needs.polls.title')}
        </Text>
        {group.polls.length === 0 ? <Text c="dimmed">{t('needs.polls.noneYet')}</Text> : null}
        {group.polls.map((poll) => (
          <PollResults key={poll.id} poll={poll} manage={group.permissions.manage} />
        ))}
        {group.permissions.poll ? <PollForm group={group} /> : null}
      </Stack>
    </Card>
  );
}

/** One poll of the group: its deadline, and each commune's answer the caller may read. */
function PollResults({ poll, manage }: { poll: InterestPoll; manage: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answered = poll.answers.filter((a) => a.answer).length;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text>{poll.question}</Text>
        <Badge color={poll.closed ? 'gray.8' : 'blue.9'} variant="outline">
          {t(poll.closed ? 'needs.polls.closed' : 'needs.polls.deadline', {
            date: formatDate(poll.deadline, language),
          })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {manage
          ? t('needs.polls.progress', { answered, asked: poll.asked })
          : t('needs.polls.asked', { count: poll.asked })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t('needs.polls.answersLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('needs.commune')}</Table.Th>
              <Table.Th scope="col">{t('needs.polls.answer')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.polls.quantity', { unit: poll.unit })}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.polls.budget')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {poll.answers.map((a) => (
              <Table.Tr key={a.communeNis}>
                <Table.Td>{a.communeName}</Table.Td>
                <Table.Td>{a.answer ? t(`needs.polls.${a.answer}`) : t('needs.polls.waiting')}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {a.quantity === null ? '—' : formatNumber(a.quantity, language)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {a.budget === null ? '—' : formatEuro(a.budget, language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The consultant asks the group's communes (or all communes) whether they join, by a deadline. */
function PollForm({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const create = useCreatePoll(group.id);
  const { form, submit } = useSchemaForm({
    schema: PollCreateInput,
    initialValues: {
      question: t('needs.polls.defaultQuestion', { label: group.label }),
      unit: '',
      deadline: '',
      audience: 'group' as PollCreateInput['audience'],
    },
    toInput: (values) => values,
  });
  const onSubmit = submit((input, callbacks) =>
    create.mutate(input, { ...callbacks, onSuccess: () => notify(t('needs.polls.sent')) }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text fw={600}>{t('needs.polls.create')}</Text>
        <ErrorAlert error={create.error} />
        <FormErrorSummary errors={form.errors} />
        <Textarea label={t('needs.polls.question')} required {...form.getInputProps('question')} />
        <Group grow align="flex-start">
          <TextInput label={t('needs.savings.unit')} required {...form.getInputProps('unit')} />
          <DateField label={t('needs.polls.deadlineLabel')} required {...form.getInputProps('deadline')} />
          <Select
            label={t('needs.polls.audience')}
            data={[
              { value: 'group', label: t('needs.polls.audienceGroup') },
              { value: 'all', label: t('needs.polls.audienceAll') },
            ]}
            {...form.getInputProps('audience')}
            allowDeselect={false}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('needs.polls.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
