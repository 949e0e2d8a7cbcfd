import { Badge, Button, Card, Group, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type InterestPoll, PollAnswerInput } from '../../../domain/mutualisation/api.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAnswerPoll, useMyPolls } from './api.ts';

/** The interest polls a commune is asked; its editors answer with a quantity or a budget. */
export function PollsPanel() {
  const { t } = useTranslation();
  const polls = useMyPolls(true);
  // A notification's link opens the tab on its poll.
  const [params] = useSearchParams();
  const wanted = params.get('poll');
  if (polls.isPending) return <BlockSkeleton />;
  return (
    <Stack gap="md">
      <ErrorAlert error={polls.error} />
      {(polls.data ?? []).length === 0 ? <Text c="dimmed">{t('needs.polls.none')}</Text> : null}
      {(polls.data ?? []).map((poll) => (
        <PollCard key={poll.id} poll={poll} focused={poll.id === wanted} />
      ))}
    </Stack>
  );
}

function PollCard({ poll, focused }: { poll: InterestPoll; focused: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focused) return;
    heading.current?.scrollIntoView({ block: 'center' });
    heading.current?.focus({ preventScroll: true });
  }, [focused]);
  const language = useLanguage();
  const mine = poll.answers[0];
  return (
    <Card
      withBorder
      padding="md"
      data-poll={poll.id}
      id={`poll-${poll.id}`}
      style={focused ? { borderColor: 'var(--mantine-color-blue-9)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} component="h2" size="md" ref={heading} tabIndex={-1}>
            {poll.groupLabel}
          </Text>
          <Badge color={poll.closed ? 'gray.8' : 'blue.9'} variant="outline">
            {t(poll.closed ? 'needs.polls.closed' : 'needs.polls.deadline', {
              date: formatDate(poll.deadline, language),
            })}
          </Badge>
        </Group>
        <Text>{poll.question}</Text>
        {mine?.answer ? (
          <Text size="sm" c="teal.9">
            {t('needs.polls.answered', {
              answer: t(`needs.polls.${mine.answer}`),
              quantity: mine.quantity === null ? '—' : `${formatNumber(mine.quantity, language)} ${poll.unit}`,
              budget: mine.budget === null ? '—' : formatEuro(mine.budget, language),
            })}
          </Text>
        ) : null}
        {poll.permissions.answer ? <PollAnswerForm poll={poll} /> : null}
      </Stack>
    </Card>
  );
}

type AnswerValues = { answer: 'yes' | 'no'; quantity: number | string; budget: number | string; comment: string };

const answerInput = (values: AnswerValues) => ({
  answer: values.answer,
  quantity: values.quantity === '' ? null : Number(values.quantity),
  budget: values.budget === '' ? null : Number(values.budget),
  comment: values.comment || null,
});

/** The commune's answer: whether it joins, with a quantity or a budget, starting from its last answer. */
function PollAnswerForm({ poll }: { poll: InterestPoll }) {
  const { t } = useTranslation();
  const mine = poll.answers[0];
  const answer = useAnswerPoll(poll.id);
  const initialValues: AnswerValues = {
    answer: mine?.answer ?? 'yes',
    quantity: mine?.quantity ?? '',
    budget: mine?.budget ?? '',
    comment: mine?.comment ?? '',
  };
  const { form, submit } = useSchemaForm({ schema: PollAnswerInput, initialValues, toInput: answerInput });
  const onSubmit = submit((input, callbacks) =>
    answer.mutate(input, { ...callbacks, onSuccess: () => notify(t('needs.polls.thanks')) }),
  );
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="sm">
        <ErrorAlert error={answer.error} />
        <FormErrorSummary errors={form.errors} />
        <Radio.Group label={t('needs.polls.join')} {...form.getInputProps('answer')}>
          <Group mt="xs">
            <Radio value="yes" label={t('needs.polls.yes')} />
            <Radio value="no" label={t('needs.polls.no')} />
          </Group>
        </Radio.Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('needs.polls.quantity', { unit: poll.unit })}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('quantity')}
          />
          <NumberInput
            label={t('needs.polls.budget')}
            min={0}
            thousandSeparator=" "
            decimalSeparator=","
            suffix=" €"
            {...form.getInputProps('budget')}
          />
        </Group>
        <Textarea label={t('needs.polls.comment')} {...form.getInputProps('comment')} />
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending}>
            {t('needs.polls.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
