import { Accordion, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThresholdTable } from '../../../domain/implementation/thresholds.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useDeleteThresholdPeriod, useSaveThresholds, useThresholds } from './api.ts';
import { euros } from './labels.tsx';
import { cleanPeriod, type DraftPeriod, EvidenceEditor, nextPeriod, THRESHOLD_KEYS } from './threshold-evidence.tsx';

type Period = ThresholdTable[number];
type Change = (key: string, update: (p: Period) => Period) => void;

/** The figures of every period, side by side; an admin edits them and the periods' dates in place. */
function ThresholdsTable(props: { draft: DraftPeriod[]; editable: boolean; change: Change }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { draft, editable, change } = props;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('implementation.thresholds.figure')}</Table.Th>
            {draft.map(({ key, period: p }) => (
              <Table.Th scope="col" key={key}>
                {t('implementation.thresholds.period', {
                  from: formatDate(p.validFrom, language),
                  to: formatDate(p.validTo, language),
                })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {editable
            ? (['validFrom', 'validTo'] as const).map((field) => (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={400}>
                    {t(`implementation.thresholds.${field}`)}
                  </Table.Th>
                  {draft.map(({ key, period: p }) => (
                    <Table.Td key={key}>
                      <DateField
                        aria-label={`${t(`implementation.thresholds.${field}`)} — ${key}`}
                        value={p[field]}
                        onChange={(value) => change(key, (q) => ({ ...q, [field]: value }))}
                        miw={150}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : null}
          {THRESHOLD_KEYS.map((figure) => (
            <Table.Tr key={figure}>
              <Table.Th scope="row" fw={400}>
                {t(`implementation.thresholds.keys.${figure}`)}
              </Table.Th>
              {draft.map(({ key, period: p }) => (
                <Table.Td key={key}>
                  {editable ? (
                    <NumberInput
                      aria-label={`${t(`implementation.thresholds.keys.${figure}`)} — ${key}`}
                      value={p.values[figure]}
                      min={1}
                      thousandSeparator=" "
                      onChange={(v) => change(key, (q) => ({ ...q, values: { ...q.values, [figure]: Number(v) } }))}
                    />
                  ) : (
                    euros(p.values[figure], language)
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Where each period's figures come from. */
function PeriodSources(props: { draft: DraftPeriod[]; editable: boolean; change: Change }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="xs" mt="xs">
      {props.draft.map(({ key, period: p }) =>
        props.editable ? (
          <TextInput
            key={key}
            label={t('implementation.thresholds.source', { from: formatDate(p.validFrom, language) })}
            value={p.source}
            onChange={(e) => {
              const value = e.currentTarget.value;
              props.change(key, (q) => ({ ...q, source: value }));
            }}
            required
          />
        ) : (
          <Text key={key} size="xs" c="dimmed">
            {formatDate(p.validFrom, language)} : {p.source}
          </Text>
        ),
      )}
    </Stack>
  );
}

/** Each period's evidence, figure by figure, and its deletion (a draft period is simply dropped). */
function EvidenceAccordion(props: {
  draft: DraftPeriod[];
  saved: (key: string) => boolean;
  change: Change;
  drop: (key: string) => void;
  remove: ReturnType<typeof useDeleteThresholdPeriod>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { remove } = props;
  const deletePeriod = (key: string, dates: { from: string; to: string }) => {
    if (!props.saved(key)) return props.drop(key);
    if (window.confirm(t('implementation.thresholds.confirmDelete', dates)))
      remove.mutate(key, { onSuccess: () => notify(t('implementation.thresholds.deleted')) });
  };
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('implementation.thresholds.evidenceTitle')}
      </Title>
      <Accordion variant="contained" multiple>
        {props.draft.map(({ key, period: p }) => {
          const toCheck = THRESHOLD_KEYS.filter((k) => !p.evidence[k].verified).length;
          const dates = { from: formatDate(p.validFrom, language), to: formatDate(p.validTo, language) };
          const label = t('implementation.thresholds.period', dates);
          return (
            <Accordion.Item key={key} value={key}>
              <Accordion.Control>
                {t('implementation.thresholds.evidenceOf', { period: label, count: toCheck })}
              </Accordion.Control>
              <Accordion.Panel>
                <EvidenceEditor period={p} onChange={(update) => props.change(key, update)} />
                <Group mt="sm">
                  <Button
                    variant="subtle"
                    color="red"
                    loading={remove.isPending}
                    onClick={() => deletePeriod(key, dates)}
                  >
                    {t('implementation.thresholds.deletePeriodOf', dates)}
                  </Button>
                </Group>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </>
  );
}

/** The procurement thresholds by period: read by everyone signed in, kept by those the server lets edit them. */
export function ThresholdsView({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const thresholds = useThresholds();
  const save = useSaveThresholds();
  const remove = useDeleteThresholdPeriod();
  const [draft, setDraft] = useState<DraftPeriod[] | null>(null);
  useEffect(() => {
    if (thresholds.data) {
      setDraft(thresholds.data.map(({ updatedAt: _, ...p }) => ({ key: p.validFrom, period: p as Period })));
    }
  }, [thresholds.data]);
  if (thresholds.error) return <ErrorAlert error={thresholds.error} />;
  if (!draft) return <BlockSkeleton />;
  const change: Change = (key, update) =>
    setDraft(draft.map((d) => (d.key === key ? { key, period: update(d.period) } : d)));
  const last = draft.at(-1)?.period;
  const addPeriod = (after: Period) =>
    setDraft([
      ...draft,
      { key: `new-${draft.length}`, period: nextPeriod(after, t('implementation.thresholds.newNote')) },
    ]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="thresholds-heading">
      <Title order={2} size="h4" id="thresholds-heading" mb="xs">
        {t('implementation.thresholds.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('implementation.thresholds.help')}
      </Text>
      <ThresholdsTable draft={draft} editable={editable} change={change} />
      <PeriodSources draft={draft} editable={editable} change={change} />
      {editable ? (
        <EvidenceAccordion
          draft={draft}
          saved={(key) => thresholds.data?.some((r) => r.validFrom === key) ?? false}
          change={change}
          drop={(key) => setDraft(draft.filter((d) => d.key !== key))}
          remove={remove}
        />
      ) : null}
      <ErrorAlert error={save.error ?? remove.error} />
      {editable ? (
        <Group mt="sm">
          <Button
            onClick={() =>
              save.mutate(
                draft.map((d) => cleanPeriod(d.period)),
                { onSuccess: () => notify(t('implementation.saved')) },
              )
            }
            loading={save.isPending}
          >
            {t('implementation.thresholds.save')}
          </Button>
          {last ? (
            <Button variant="default" onClick={() => addPeriod(last)}>
              {t('implementation.thresholds.addPeriod')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}
