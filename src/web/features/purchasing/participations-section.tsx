import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ParticipationConfirmInput,
  type ScenarioDetail,
  type ScenarioParticipation,
} from '../../../domain/purchasing/api.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useConfirmParticipation } from './api.ts';

/**
 * Who joins which lot, with what, and who has answered. Agency staff may record a commune's answer for it (a council
 * decision sent by e-mail, a phone call); a commune's editor confirms their own lines.
 */
export function ParticipationsSection({ scenario }: { scenario: ScenarioDetail }) {
  const { t } = useTranslation();
  const onBehalf = useConfirmParticipation(scenario.id);
  const lotLabel = (key: string) => scenario.lots.find((l) => l.key === key)?.label ?? key;
  const manage = scenario.permissions.manage;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participations">
      <Stack gap="sm">
        <Title order={2} size="h3" id="participations">
          {t('purchasing.participations')}
        </Title>
        {scenario.launchBlockers.length > 0 ? (
          <Alert color="blue" variant="light" title={t('purchasing.beforeLaunch')}>
            <List size="sm">
              {scenario.launchBlockers.map((b) => (
                <List.Item key={b}>{b}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={560} className="stack-on-phone">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('purchasing.commune')}</Table.Th>
                <Table.Th>{t('purchasing.lot')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.quantity')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.amount')}</Table.Th>
                <Table.Th>{t('purchasing.status')}</Table.Th>
                {manage ? <Table.Th>{t('purchasing.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scenario.participations.map((p) => (
                <ParticipationRow
                  key={`${p.lotKey}/${p.communeNis}`}
                  line={p}
                  lot={lotLabel(p.lotKey)}
                  actions={manage}
                  confirm={
                    manage && p.status === 'proposed'
                      ? {
                          pending: onBehalf.isPending && onBehalf.variables?.communeNis === p.communeNis,
                          run: () =>
                            onBehalf.mutate({
                              communeNis: p.communeNis,
                              lotKey: p.lotKey,
                              participate: true,
                              quantity: p.quantity,
                              amount: p.amount,
                            }),
                        }
                      : null
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={onBehalf.error} />
        {scenario.permissions.confirm
          ? scenario.participations.map((p) => (
              <ConfirmForm key={p.lotKey} scenarioId={scenario.id} line={p} lot={lotLabel(p.lotKey)} />
            ))
          : null}
      </Stack>
    </Paper>
  );
}

/** Amounts align right in a table, left once a phone stacks its rows. */
const RIGHT = { base: 'left', sm: 'right' } as const;

/** A line of a lot; with `actions`, a cell for the button that records the commune's answer for it. */
function ParticipationRow(props: {
  line: ScenarioParticipation;
  lot: string;
  actions: boolean;
  confirm: { pending: boolean; run: () => void } | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { line: p, confirm } = props;
  return (
    <Table.Tr>
      <Table.Td fw={{ base: 600, sm: 400 }}>
        {p.communeName}
        {p.adhered ? (
          <Text size="xs" c="teal.9">
            {t('purchasing.adheredBadge')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td data-label={t('purchasing.lot')}>{props.lot}</Table.Td>
      <Table.Td ta={RIGHT} data-label={t('purchasing.quantity')}>
        {p.quantity === null ? '—' : formatNumber(p.quantity, language)}
      </Table.Td>
      <Table.Td ta={RIGHT} data-label={t('purchasing.amount')}>
        {p.amount === null ? '—' : formatEuro(p.amount, language)}
      </Table.Td>
      <Table.Td data-label={t('purchasing.status')}>
        <Badge
          variant="outline"
          color={p.status === 'confirmed' ? 'teal.9' : p.status === 'declined' ? 'gray.8' : '#9a3412'}
        >
          {t(`purchasing.participationStatuses.${p.status}`)}
        </Badge>
      </Table.Td>
      {props.actions ? (
        <Table.Td>
          {confirm ? (
            <Button size="xs" variant="outline" loading={confirm.pending} onClick={confirm.run}>
              {t('purchasing.confirmFor', { commune: p.communeName })}
            </Button>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** A commune's editor answers for their line of a lot: yes with a quantity or an amount, or no. */
function ConfirmForm({ scenarioId, line, lot }: { scenarioId: string; line: ScenarioParticipation; lot: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmParticipation(scenarioId);
  const { form, submit } = useSchemaForm({
    schema: ParticipationConfirmInput,
    initialValues: {
      participate: line.status !== 'declined' ? 'yes' : 'no',
      quantity: (line.quantity ?? '') as number | string,
      amount: (line.amount ?? '') as number | string,
    },
    toInput: (v) => ({
      lotKey: line.lotKey,
      participate: v.participate === 'yes',
      quantity: v.quantity === '' ? null : Number(v.quantity),
      amount: v.amount === '' ? null : Number(v.amount),
    }),
  });
  const onSubmit = submit((input, callbacks) =>
    confirm.mutate(input, { ...callbacks, onSuccess: () => notify(t('purchasing.confirmedNotice')) }),
  );
  return (
    <Card withBorder padding="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('purchasing.confirmTitle', { lot })}
          </Title>
          <FormErrorSummary errors={form.errors} />
          <ErrorAlert error={confirm.error} />
          <Radio.Group label={t('purchasing.participate')} {...form.getInputProps('participate')}>
            <Group mt="xs">
              <Radio value="yes" label={t('purchasing.yes')} />
              <Radio value="no" label={t('purchasing.no')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('purchasing.quantity')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('quantity')}
            />
            <NumberInput
              label={t('purchasing.amountExclVat')}
              min={0}
              thousandSeparator=" "
              decimalSeparator=","
              suffix=" €"
              {...form.getInputProps('amount')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={confirm.isPending}>
              {t('purchasing.sendConfirmation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
