import { Button, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOff, CallOffTotals } from '../../../domain/catalogue/agreements.ts';
import { formatDateTime, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useCallOffs, useCallOffTotals } from './api.ts';
import { CancelCallOffModal } from './cancel-call-off-modal.tsx';

/** The call-offs (orders) the user may see, their totals by commune, lot and vendor, and their cancellation. */
export function CallOffsSection() {
  const { t } = useTranslation();
  const callOffs = useCallOffs();
  const totals = useCallOffTotals();
  const [cancelling, setCancelling] = useState<CallOff | null>(null);
  return (
    <Stack gap="md" component="section" aria-labelledby="call-offs-title">
      {cancelling ? <CancelCallOffModal callOff={cancelling} onClose={() => setCancelling(null)} /> : null}
      <Title order={2} size="h4" id="call-offs-title">
        {t('catalogue.callOffs.title')}
      </Title>
      <ErrorAlert error={callOffs.error ?? totals.error} />
      {totals.data && totals.data.byCommune.length > 0 ? <CallOffTotalsGrid totals={totals.data} /> : null}
      {callOffs.data?.length === 0 ? <Text c="dimmed">{t('catalogue.callOffs.none')}</Text> : null}
      {callOffs.data && callOffs.data.length > 0 ? (
        <CallOffsTable callOffs={callOffs.data} onCancel={setCancelling} />
      ) : null}
    </Stack>
  );
}

/** The amounts ordered by commune, by lot and by vendor. */
function CallOffTotalsGrid({ totals }: { totals: CallOffTotals }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Grid>
      {(['byCommune', 'byLot', 'byVendor'] as const).map((key) => (
        <Grid.Col key={key} span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm">
            <Title order={3} size="h6" mb={4}>
              {t(`catalogue.callOffs.${key}`)}
            </Title>
            <Table>
              <Table.Tbody>
                {totals[key].map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>{row.label}</Table.Td>
                    <Table.Td ta="right">{formatEuro(row.amount, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      ))}
    </Grid>
  );
}

function CallOffsTable({ callOffs, onCancel }: { callOffs: CallOff[]; onCancel(callOff: CallOff): void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped data-testid="call-offs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.callOffs.date')}</Table.Th>
            <Table.Th>{t('catalogue.callOffs.commune')}</Table.Th>
            <Table.Th>{t('catalogue.callOffs.solution')}</Table.Th>
            <Table.Th>{t('catalogue.agreements.lot')}</Table.Th>
            <Table.Th>{t('catalogue.agreements.vendor')}</Table.Th>
            <Table.Th ta="right">{t('catalogue.order.quantity')}</Table.Th>
            <Table.Th ta="right">{t('catalogue.order.amount')}</Table.Th>
            <Table.Th>{t('catalogue.callOffs.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {callOffs.map((c) => (
            <CallOffRow key={c.id} callOff={c} onCancel={() => onCancel(c)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CallOffRow({ callOff: c, onCancel }: { callOff: CallOff; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(c.orderedAt, language)}</Table.Td>
      <Table.Td>{c.communeName}</Table.Td>
      <Table.Td>
        {c.solutionName}
        {c.note ? (
          <Text size="xs" c="dimmed">
            {c.note}
          </Text>
        ) : null}
        {c.amountReason ? (
          <Text size="xs" c="dimmed">
            {t('catalogue.callOffs.amountReason', { reason: c.amountReason })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {c.agreementReference} / {c.lotNumber}
      </Table.Td>
      <Table.Td>{c.vendor ?? '—'}</Table.Td>
      <Table.Td ta="right">{formatNumber(c.quantity, language)}</Table.Td>
      <Table.Td ta="right" td={c.cancelledAt ? 'line-through' : undefined}>
        {formatEuro(c.amount, language)}
      </Table.Td>
      <Table.Td>
        <CallOffState callOff={c} onCancel={onCancel} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Cancelled (when and why), or the way to cancel it when the user may, or active. */
function CallOffState({ callOff: c, onCancel }: { callOff: CallOff; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (c.cancelledAt) {
    return (
      <Text size="sm" title={c.cancellationReason ?? ''}>
        {t('catalogue.callOffs.cancelledOn', { date: formatDateTime(c.cancelledAt, language) })}
        {c.cancellationReason ? ` — ${c.cancellationReason}` : ''}
      </Text>
    );
  }
  if (!c.permissions.cancel) return <Text size="sm">{t('catalogue.callOffs.active')}</Text>;
  return (
    <Button
      size="xs"
      variant="default"
      color="red"
      onClick={onCancel}
      aria-label={t('catalogue.callOffs.cancelOf', { name: c.solutionName, commune: c.communeName })}
    >
      {t('catalogue.callOffs.cancel')}
    </Button>
  );
}
