import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AwardInput } from '../../../domain/purchasing/agency-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { formatDate, formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAward, useListedSolutions } from './api.ts';
import { DesignationsToCheck } from './designations-to-check.tsx';

type Amount = number | string;
type LotAwardValues = { lotKey: string; vendor: string; amount: Amount; solutionId: string | null; unitPrice: Amount };
type Values = { awardDate: string; startDate: string; agreementReference: string; awards: LotAwardValues[] };

const money = { min: 0, thousandSeparator: ' ', decimalSeparator: ',', suffix: ' €' } as const;

/** The award: each lot's vendor, amount, catalogue solution and price; it creates the framework agreement. */
export function AwardForm({ scenario }: { scenario: ScenarioDetail }) {
  const { t } = useTranslation();
  const award = useAward(scenario.id);
  const { form, submit } = useSchemaForm({
    schema: AwardInput,
    initialValues: {
      awardDate: '',
      startDate: '',
      agreementReference: '',
      awards: scenario.lots.map((lot) => ({
        lotKey: lot.key,
        vendor: '',
        amount: '',
        solutionId: null,
        unitPrice: '',
      })),
    } as Values,
    toInput: (v) => ({
      awardDate: v.awardDate,
      startDate: v.startDate,
      agreementReference: v.agreementReference,
      awards: v.awards.map((a) => ({
        ...a,
        amount: Number(a.amount),
        unitPrice: a.unitPrice === '' ? null : Number(a.unitPrice),
      })),
    }),
  });
  const onSubmit = submit((input, callbacks) =>
    award.mutate(input, { ...callbacks, onSuccess: () => notify(t('purchasing.file.awardedNotice')) }),
  );
  return (
    <Card withBorder padding="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('purchasing.file.award')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('purchasing.file.awardHelp')}
          </Text>
          <FormErrorSummary errors={form.errors} />
          <ErrorAlert error={award.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('purchasing.file.awardDate')} required {...form.getInputProps('awardDate')} />
            <DateField label={t('purchasing.file.startDate')} required {...form.getInputProps('startDate')} />
            <TextInput label={t('purchasing.file.reference')} required {...form.getInputProps('agreementReference')} />
          </SimpleGrid>
          {scenario.lots.map((lot, index) => (
            <LotAwardFields key={lot.key} form={form} index={index} lot={lot.label} />
          ))}
          <Group justify="flex-end">
            <Button type="submit" loading={award.isPending}>
              {t('purchasing.file.awardButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function LotAwardFields({ form, index, lot }: { form: UseFormReturnType<Values>; index: number; lot: string }) {
  const { t } = useTranslation();
  const solutions = useListedSolutions(true);
  const path = `awards.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('purchasing.file.vendor', { lot })} required {...form.getInputProps(`${path}.vendor`)} />
      <NumberInput
        label={t('purchasing.file.amount', { lot })}
        required
        {...money}
        {...form.getInputProps(`${path}.amount`)}
      />
      <Select
        label={t('purchasing.file.solution', { lot })}
        data={(solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))}
        searchable
        clearable
        {...form.getInputProps(`${path}.solutionId`)}
      />
      <NumberInput
        label={t('purchasing.file.unitPrice', { lot })}
        {...money}
        {...form.getInputProps(`${path}.unitPrice`)}
      />
    </SimpleGrid>
  );
}

/** What was awarded, the standstill, the OCDS export (agency staff) and the way to the agreement in the catalogue. */
export function AwardSummary(props: {
  scenario: ScenarioDetail;
  award: NonNullable<AgencyFile['award']>;
  standstill: AgencyFile['standstill'];
  manage: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { scenario, award } = props;
  const lotLabel = (key: string) => scenario.lots.find((l) => l.key === key)?.label ?? key;
  return (
    <Alert
      color="rural"
      variant="light"
      title={t('purchasing.file.awarded', { date: formatDate(award.awardDate, language) })}
    >
      <List size="sm">
        {award.lots.map((l) => (
          <List.Item key={l.lotKey}>
            {t('purchasing.file.awardLine', {
              lot: lotLabel(l.lotKey),
              vendor: l.vendor,
              amount: formatEuro(l.amount, language),
            })}
          </List.Item>
        ))}
      </List>
      {props.manage ? (
        // The OCDS release package is a file to download: a plain link, not a contract call (decision 130).
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
      {props.manage ? <DesignationsToCheck communeNis={scenario.participations.map((p) => p.communeNis)} /> : null}
      {props.standstill ? (
        <Text size="sm" mt="xs">
          {props.standstill.reasonFr}
        </Text>
      ) : null}
      <Anchor component={Link} to={paths.catalogue.to()} size="sm">
        {t('purchasing.file.toCatalogue')}
      </Anchor>
    </Alert>
  );
}
