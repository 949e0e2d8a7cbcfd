import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OutcomeInput, type Shortlist } from '../../../domain/catalogue/shortlists.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useRecordOutcome } from './api.ts';

/** The outcome recorded: the solution chosen or none, when and why. */
export function ShortlistOutcome({
  outcome,
  nameOf,
}: {
  outcome: NonNullable<Shortlist['outcome']>;
  nameOf(id: string): string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Text size="sm" data-testid="shortlist-outcome">
      <strong>
        {outcome.kind === 'chosen'
          ? t('catalogue.outcome.chosen', { name: nameOf(outcome.solutionId ?? '') })
          : t('catalogue.outcome.none')}
      </strong>{' '}
      ({formatDate(outcome.decidedAt, language)}) — {outcome.reason}
    </Text>
  );
}

const outcomeOf = (values: { choice: string; reason: string }): OutcomeInput =>
  values.choice === 'none'
    ? { kind: 'none', reason: values.reason }
    : { kind: 'chosen', solutionId: values.choice, reason: values.reason };

/** The outcome of a shortlist: the chosen solution and why, or why none. */
export function OutcomeForm({ shortlist, nameOf }: { shortlist: Shortlist; nameOf(id: string): string }) {
  const { t } = useTranslation();
  const record = useRecordOutcome();
  const { form, submit } = useSchemaForm({
    schema: OutcomeInput,
    initialValues: { choice: '', reason: '' },
    toInput: outcomeOf,
  });
  const onSubmit = submit((outcome, callbacks) =>
    record.mutate(
      { id: shortlist.id, outcome },
      { ...callbacks, onSuccess: () => notify(t('catalogue.outcome.done')) },
    ),
  );
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="xs">
        <Radio.Group label={t('catalogue.outcome.title')} required {...form.getInputProps('choice')}>
          <Group mt={4}>
            {shortlist.solutionIds.map((id) => (
              <Radio key={id} value={id} label={nameOf(id)} />
            ))}
            <Radio value="none" label={t('catalogue.outcome.noneOption')} />
          </Group>
        </Radio.Group>
        <Textarea label={t('catalogue.outcome.reason')} required autosize {...form.getInputProps('reason')} />
        <ErrorAlert error={record.error} />
        <Group>
          <Button type="submit" size="xs" loading={record.isPending} disabled={!form.values.choice}>
            {t('catalogue.outcome.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
