import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_COMPARED, OutcomeInput, type Shortlist } from '../../../domain/catalogue/shortlists.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { useEditorForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useRecordOutcome, useShortlists, useSolutions, useUpdateShortlist } from './api.ts';

/** The shortlists of the commune (or all, for agency staff): compare, export, record the outcome. */
export function ShortlistsTab() {
  const { t } = useTranslation();
  const shortlists = useShortlists();
  if (shortlists.error) return <ErrorAlert error={shortlists.error} />;
  if (!shortlists.data) return <BlockSkeleton />;
  if (shortlists.data.length === 0) return <Text c="dimmed">{t('catalogue.shortlists.none')}</Text>;
  return (
    <Stack gap="md">
      {shortlists.data.map((s) => (
        <ShortlistCard key={s.id} shortlist={s} />
      ))}
    </Stack>
  );
}

function ShortlistCard({ shortlist }: { shortlist: Shortlist }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const solutions = useSolutions();
  const communes = useCommuneList();
  const update = useUpdateShortlist();
  const editable = shortlist.permissions.update;
  const nameOf = (id: string) => solutions.data?.find((s) => s.id === id)?.name ?? '…';
  const commune = communes.data?.find((c) => c.nisCode === shortlist.communeNis)?.name;
  const headingId = `shortlist-${shortlist.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>
            {shortlist.name}
            {commune ? (
              <Text span c="dimmed" size="sm">
                {' '}
                — {commune}
              </Text>
            ) : null}
          </Title>
          <Group gap="xs">
            {shortlist.solutionIds.length >= 2 && shortlist.solutionIds.length <= MAX_COMPARED ? (
              <Button component={Link} to={paths.catalogueCompare.to(shortlist.solutionIds)} size="xs">
                {t('catalogue.shortlists.compare')}
              </Button>
            ) : null}
            <Button
              component="a"
              href={`/api/catalogue/shortlists/${shortlist.id}/export.xlsx`}
              size="xs"
              variant="default"
            >
              {t('catalogue.shortlists.xlsx')}
            </Button>
            <Button
              component="a"
              href={`/api/catalogue/shortlists/${shortlist.id}/export.pdf`}
              size="xs"
              variant="default"
            >
              {t('catalogue.shortlists.pdf')}
            </Button>
          </Group>
        </Group>
        {shortlist.solutionIds.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('catalogue.shortlists.empty')}
          </Text>
        ) : (
          <Group gap="xs">
            {shortlist.solutionIds.map((id) => (
              <Badge
                key={id}
                variant="light"
                size="lg"
                rightSection={
                  editable ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      aria-label={t('catalogue.shortlists.removeNamed', { name: nameOf(id) })}
                      onClick={() =>
                        update.mutate({ id: shortlist.id, solutionIds: shortlist.solutionIds.filter((x) => x !== id) })
                      }
                    >
                      ×
                    </Anchor>
                  ) : null
                }
              >
                <Anchor component={Link} to={paths.catalogueSolution.to(id)} size="sm">
                  {nameOf(id)}
                </Anchor>
              </Badge>
            ))}
          </Group>
        )}
        {shortlist.outcome ? (
          <Text size="sm" data-testid="shortlist-outcome">
            <strong>
              {shortlist.outcome.kind === 'chosen'
                ? t('catalogue.outcome.chosen', { name: nameOf(shortlist.outcome.solutionId ?? '') })
                : t('catalogue.outcome.none')}
            </strong>{' '}
            ({formatDate(shortlist.outcome.decidedAt, language)}) — {shortlist.outcome.reason}
          </Text>
        ) : editable && shortlist.solutionIds.length > 0 ? (
          <OutcomeForm shortlist={shortlist} nameOf={nameOf} />
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The outcome of a shortlist: the chosen solution and why, or why none. */
function OutcomeForm({ shortlist, nameOf }: { shortlist: Shortlist; nameOf(id: string): string }) {
  const { t } = useTranslation();
  const record = useRecordOutcome();
  const outcomeOf = (values: { choice: string; reason: string }): OutcomeInput =>
    values.choice === 'none'
      ? { kind: 'none', reason: values.reason }
      : { kind: 'chosen', solutionId: values.choice, reason: values.reason };
  const form = useEditorForm({ initialValues: { choice: '', reason: '' }, schema: OutcomeInput, toInput: outcomeOf });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        record.mutate(
          { id: shortlist.id, outcome: outcomeOf(values) },
          { onSuccess: () => notify(t('catalogue.outcome.done')) },
        ),
      )}
    >
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
