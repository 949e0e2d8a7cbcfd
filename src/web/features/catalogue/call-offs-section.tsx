import { Button, Grid, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallOff, CallOffCancelInput } from '../../../domain/catalogue/agreements.ts';
import { formatDateTime, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { EditorModal, useEditorForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCallOffs, useCallOffTotals, useCancelCallOff } from './api.ts';

/** The call-offs (orders) the user may see, their totals by commune, lot and vendor, and their cancellation. */
export function CallOffsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
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
      {totals.data && totals.data.byCommune.length > 0 ? (
        <Grid>
          {(['byCommune', 'byLot', 'byVendor'] as const).map((key) => (
            <Grid.Col key={key} span={{ base: 12, md: 4 }}>
              <Paper withBorder p="sm">
                <Title order={3} size="h6" mb={4}>
                  {t(`catalogue.callOffs.${key}`)}
                </Title>
                <Table>
                  <Table.Tbody>
                    {totals.data![key].map((row) => (
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
      ) : null}
      {callOffs.data?.length === 0 ? <Text c="dimmed">{t('catalogue.callOffs.none')}</Text> : null}
      {callOffs.data && callOffs.data.length > 0 ? (
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
              {callOffs.data.map((c) => (
                <Table.Tr key={c.id}>
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
                    {c.cancelledAt ? (
                      <Text size="sm" title={c.cancellationReason ?? ''}>
                        {t('catalogue.callOffs.cancelledOn', { date: formatDateTime(c.cancelledAt, language) })}
                        {c.cancellationReason ? ` — ${c.cancellationReason}` : ''}
                      </Text>
                    ) : c.permissions.cancel ? (
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        onClick={() => setCancelling(c)}
                        aria-label={t('catalogue.callOffs.cancelOf', { name: c.solutionName, commune: c.communeName })}
                      >
                        {t('catalogue.callOffs.cancel')}
                      </Button>
                    ) : (
                      <Text size="sm">{t('catalogue.callOffs.active')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** Why the call-off is cancelled; once cancelled it no longer counts against the ceilings. */
function CancelCallOffModal({ callOff, onClose }: { callOff: CallOff; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cancel = useCancelCallOff();
  const form = useEditorForm({
    initialValues: { reason: '' },
    schema: CallOffCancelInput,
    toInput: (values) => values,
  });
  return (
    <EditorModal
      form={form}
      mutation={cancel}
      onClose={onClose}
      title={t('catalogue.callOffs.cancelTitle')}
      submitLabel={t('catalogue.callOffs.confirmCancel')}
      submitColor="red"
      onSubmit={(values) =>
        cancel.mutate(
          { id: callOff.id, ...values },
          {
            onSuccess: () => {
              notify(t('catalogue.callOffs.cancelled'));
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">
        {t('catalogue.callOffs.cancelWhat', {
          name: callOff.solutionName,
          commune: callOff.communeName,
          amount: formatEuro(callOff.amount, language),
        })}
      </Text>
      <Textarea
        label={t('catalogue.callOffs.reason')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </EditorModal>
  );
}
