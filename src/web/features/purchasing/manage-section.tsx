import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LEGAL_ROUTES, type LegalRoute, ROUTE_LABELS_FR } from '../../../domain/purchasing/analysis.ts';
import { type ScenarioDetail, ScenarioUpdateInput } from '../../../domain/purchasing/api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLaunchScenario, useUpdateScenario } from './api.ts';
import { TermsFields } from './terms-fields.tsx';

type Amount = number | string;
type Lot = ScenarioDetail['lots'][number];
type LotValues = Omit<Lot, 'unitPrice' | 'options'> & {
  unitPrice: Amount;
  options: { label: string; amount: Amount }[];
};
type Values = {
  launchDate: string;
  initialMonths: Amount;
  renewals: Amount;
  renewalMonths: Amount;
  lots: LotValues[];
  route: LegalRoute | null;
  routeNote: string;
};

const NATURES = ['services', 'supplies', 'works'] as const;
const money = { min: 0, thousandSeparator: ' ', decimalSeparator: ',', suffix: ' €' } as const;

/** The consultant's edit of a draft scenario: its terms, its lots and their options, the route the agency chose; then its launch. */
export function ManageSection({ scenario }: { scenario: ScenarioDetail }) {
  const { t } = useTranslation();
  const update = useUpdateScenario(scenario.id);
  const launch = useLaunchScenario(scenario.id);
  const { form, submit } = useSchemaForm({
    schema: ScenarioUpdateInput,
    initialValues: {
      launchDate: scenario.launchDate,
      initialMonths: scenario.initialMonths,
      renewals: scenario.renewals,
      renewalMonths: scenario.renewalMonths,
      lots: scenario.lots.map((lot): LotValues => ({ ...lot, unitPrice: lot.unitPrice ?? '' })),
      route: scenario.route,
      routeNote: scenario.routeNote,
    } as Values,
    toInput: (v) => ({
      title: scenario.title,
      launchDate: v.launchDate,
      initialMonths: numberOf(v.initialMonths),
      renewals: numberOf(v.renewals),
      renewalMonths: numberOf(v.renewalMonths),
      lots: v.lots.map((lot) => ({
        ...lot,
        unitPrice: lot.unitPrice === '' ? null : Number(lot.unitPrice),
        options: lot.options.map((o) => ({ label: o.label, amount: numberOf(o.amount) })),
      })),
      participations: scenario.participations.map((p) => ({
        lotKey: p.lotKey,
        communeNis: p.communeNis,
        quantity: p.quantity,
        amount: p.amount,
      })),
      route: v.route,
      routeNote: v.routeNote,
    }),
  });
  const onSubmit = submit((input, callbacks) =>
    update.mutate(input, { ...callbacks, onSuccess: () => notify(t('purchasing.saved')) }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="manage">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="manage">
            {t('purchasing.manage')}
          </Title>
          <FormErrorSummary errors={form.errors} />
          <ErrorAlert error={update.error} />
          <TermsFields inputProps={(path) => form.getInputProps(path)} />
          {scenario.lots.map((lot, index) => (
            <LotFields key={lot.key} form={form} index={index} />
          ))}
          <Select
            label={t('purchasing.route')}
            description={t('purchasing.routeHelp')}
            data={LEGAL_ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS_FR[r] }))}
            clearable
            {...form.getInputProps('route')}
          />
          <Textarea label={t('purchasing.routeNote')} {...form.getInputProps('routeNote')} />
          <Group justify="space-between">
            <Button
              variant="outline"
              loading={launch.isPending}
              onClick={() => launch.mutate(undefined, { onSuccess: () => notify(t('purchasing.launched')) })}
            >
              {t('purchasing.launch')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('purchasing.save')}
            </Button>
          </Group>
          <ErrorAlert error={launch.error} />
        </Stack>
      </form>
    </Paper>
  );
}

/** A lot: its label, nature, unit price and options (each with its value over the whole term). */
function LotFields({ form, index }: { form: UseFormReturnType<Values>; index: number }) {
  const { t } = useTranslation();
  const path = `lots.${index}`;
  const options = form.getValues().lots[index]?.options ?? [];
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <TextInput label={t('purchasing.lotLabel')} {...form.getInputProps(`${path}.label`)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('purchasing.nature')}
            data={NATURES.map((n) => ({ value: n, label: t(`purchasing.natures.${n}`) }))}
            allowDeselect={false}
            {...form.getInputProps(`${path}.nature`)}
          />
          <NumberInput label={t('purchasing.unitPrice')} {...money} {...form.getInputProps(`${path}.unitPrice`)} />
        </SimpleGrid>
        <Text size="sm" fw={600}>
          {t('purchasing.options')}
        </Text>
        {options.map((_, o) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an option has no identity of its own; its inputs are controlled, so a shifted key after a removal shows the right values
          <Group key={o} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              style={{ flex: 2 }}
              label={t('purchasing.optionLabel')}
              {...form.getInputProps(`${path}.options.${o}.label`)}
            />
            <NumberInput
              style={{ flex: 1 }}
              label={t('purchasing.optionAmount')}
              {...money}
              {...form.getInputProps(`${path}.options.${o}.amount`)}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={t('purchasing.removeOption')}
              onClick={() => form.removeListItem(`${path}.options`, o)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => form.insertListItem(`${path}.options`, { label: '', amount: 0 })}
          >
            {t('purchasing.addOption')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
