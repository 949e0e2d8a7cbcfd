import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { formatDate, formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAgencyFile, useAward, useListedSolutions, useSaveFile } from './api.ts';
import { FileEntries } from './file-entries.tsx';

/**
 * The agency's procurement file of a launched scenario: the procedure's steps with their dates, the publication, the
 * bids, then the award that creates the framework agreement in the catalogue (issue 12, step 3).
 */
export function FileSection({ scenario, manage }: { scenario: ScenarioDetail; manage: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const file = useAgencyFile(scenario.id, scenario.status === 'launched');
  const save = useSaveFile(scenario.id);
  const award = useAward(scenario.id);
  const solutions = useListedSolutions(manage);
  const [dates, setDates] = useState<Record<string, string>>({});
  const [joue, setJoue] = useState<string | null>(null);
  const [bda, setBda] = useState<string | null>(null);
  const [awardDate, setAwardDate] = useState('');
  const [startDate, setStartDate] = useState('');
  const [reference, setReference] = useState('');
  const [lots, setLots] = useState<
    Record<string, { vendor: string; amount: number | string; solutionId: string | null; unitPrice: number | string }>
  >({});
  if (scenario.status !== 'launched') return null;
  if (file.isPending) return <BlockSkeleton />;
  if (!file.data) return <ErrorAlert error={file.error} />;
  const f = file.data;
  const lotLabel = (key: string) => scenario.lots.find((l) => l.key === key)?.label ?? key;
  const lotOf = (key: string) => lots[key] ?? { vendor: '', amount: '', solutionId: null, unitPrice: '' };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-file">
      <Stack gap="sm">
        <Title order={2} size="h3" id="agency-file">
          {t('purchasing.file.title', { procedure: f.procedureLabel })}
        </Title>
        {f.problems.map((p) => (
          <Text key={p.messageFr} size="sm" c={p.severity === 'error' ? 'red.9' : 'dimmed'}>
            {p.messageFr}
          </Text>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {f.steps.map((step) => (
            <DateField
              key={step.step}
              label={step.label}
              value={dates[step.step] ?? step.actualDate ?? ''}
              onChange={(value) => setDates((d) => ({ ...d, [step.step]: value }))}
              disabled={!manage || f.award !== null}
            />
          ))}
          <TextInput
            label={t('purchasing.file.bda')}
            value={bda ?? f.publication.bdaReference ?? ''}
            onChange={(e) => setBda(e.currentTarget.value)}
            disabled={!manage || f.award !== null}
          />
          <TextInput
            label={t('purchasing.file.joue')}
            value={joue ?? f.publication.joueReference ?? ''}
            onChange={(e) => setJoue(e.currentTarget.value)}
            disabled={!manage || f.award !== null}
          />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        {manage && f.award === null ? (
          <Group justify="flex-end">
            <Button
              variant="outline"
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  {
                    procedure: f.procedure as 'open',
                    steps: f.steps.map((s) => {
                      const actualDate = dates[s.step] ?? s.actualDate;
                      return {
                        step: s.step as 'award',
                        ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
                        ...(actualDate ? { actualDate } : {}),
                      };
                    }),
                    documents: f.documents,
                    publication: {
                      bdaReference: (bda ?? f.publication.bdaReference) || null,
                      joueReference: (joue ?? f.publication.joueReference) || null,
                      publishedOn: f.publication.publishedOn,
                    },
                    bids: f.bids,
                  },
                  { onSuccess: () => notify(t('purchasing.file.saved')) },
                )
              }
            >
              {t('purchasing.file.save')}
            </Button>
          </Group>
        ) : null}
        <FileEntries scenario={scenario} file={f} editable={manage && f.award === null} />
        {f.award ? (
          <Alert
            color="rural"
            variant="light"
            title={t('purchasing.file.awarded', { date: formatDate(f.award.awardDate, language) })}
          >
            <List size="sm">
              {f.award.lots.map((l) => (
                <List.Item key={l.lotKey}>
                  {t('purchasing.file.awardLine', {
                    lot: lotLabel(l.lotKey),
                    vendor: l.vendor,
                    amount: formatEuro(l.amount, language),
                  })}
                </List.Item>
              ))}
            </List>
            {manage ? (
              <Button
                component="a"
                href={`/api/purchasing/scenarios/${scenario.id}/ocds`}
                download
                variant="light"
                size="xs"
                mt="xs"
              >
                {t('purchasing.file.ocdsExport')}
              </Button>
            ) : null}
            {f.standstill ? (
              <Text size="sm" mt="xs">
                {f.standstill.reasonFr}
              </Text>
            ) : null}
            <Anchor component={Link} to={paths.catalogue.to()} size="sm">
              {t('purchasing.file.toCatalogue')}
            </Anchor>
          </Alert>
        ) : manage ? (
          <Card withBorder padding="md">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                award.mutate(
                  {
                    awardDate,
                    startDate,
                    agreementReference: reference,
                    awards: scenario.lots.map((lot) => {
                      const l = lotOf(lot.key);
                      return {
                        lotKey: lot.key,
                        vendor: l.vendor,
                        amount: Number(l.amount),
                        solutionId: l.solutionId,
                        unitPrice: l.unitPrice === '' ? null : Number(l.unitPrice),
                      };
                    }),
                  },
                  { onSuccess: () => notify(t('purchasing.file.awardedNotice')) },
                );
              }}
            >
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('purchasing.file.award')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('purchasing.file.awardHelp')}
                </Text>
                <ErrorAlert error={award.error} />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <DateField
                    label={t('purchasing.file.awardDate')}
                    required
                    value={awardDate}
                    onChange={setAwardDate}
                  />
                  <DateField
                    label={t('purchasing.file.startDate')}
                    required
                    value={startDate}
                    onChange={setStartDate}
                  />
                  <TextInput
                    label={t('purchasing.file.reference')}
                    required
                    value={reference}
                    onChange={(e) => setReference(e.currentTarget.value)}
                  />
                </SimpleGrid>
                {scenario.lots.map((lot) => {
                  const l = lotOf(lot.key);
                  const set = (patch: Partial<typeof l>) =>
                    setLots((all) => ({ ...all, [lot.key]: { ...l, ...patch } }));
                  return (
                    <SimpleGrid key={lot.key} cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label={t('purchasing.file.vendor', { lot: lot.label })}
                        required
                        value={l.vendor}
                        onChange={(e) => set({ vendor: e.currentTarget.value })}
                      />
                      <NumberInput
                        label={t('purchasing.file.amount', { lot: lot.label })}
                        required
                        min={0}
                        thousandSeparator=" "
                        decimalSeparator=","
                        suffix=" €"
                        value={l.amount}
                        onChange={(v) => set({ amount: v })}
                      />
                      <Select
                        label={t('purchasing.file.solution', { lot: lot.label })}
                        data={(solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))}
                        value={l.solutionId}
                        onChange={(v) => set({ solutionId: v })}
                        searchable
                        clearable
                      />
                      <NumberInput
                        label={t('purchasing.file.unitPrice', { lot: lot.label })}
                        min={0}
                        thousandSeparator=" "
                        decimalSeparator=","
                        suffix=" €"
                        value={l.unitPrice}
                        onChange={(v) => set({ unitPrice: v })}
                      />
                    </SimpleGrid>
                  );
                })}
                <Group justify="flex-end">
                  <Button type="submit" loading={award.isPending}>
                    {t('purchasing.file.awardButton')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        ) : null}
      </Stack>
    </Paper>
  );
}
