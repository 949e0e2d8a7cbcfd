import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../domain/catalogue/agreements.ts';
import { amountDiffers, quoteCallOff } from '../../../domain/catalogue/call-off-price.ts';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api.ts';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAdhere, useAgreements, useOrder } from './api.ts';

/**
 * The order form (issue 10): the amount comes from the solution's price for the quantity (the lot's negotiated
 * price first), changed only with a reason; the order is confirmed before it commits spend; an identical order of
 * the last minutes asks again; the form empties once the order is placed.
 */
export function OrderPanel({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const agreements = useAgreements();
  const communes = useCommuneList();
  const order = useOrder();
  const adhere = useAdhere();
  const user = me.data?.user;
  const agency = solution.permissions.chooseCommune;
  const canOrder = solution.permissions.order;
  const [lotId, setLotId] = useState<string | null>(solution.lots[0]?.lotId ?? null);
  const [communeNis, setCommuneNis] = useState<string | null>(user?.communeNis ?? null);
  // null: the default (the commune's population for a price per inhabitant or by tiers, else 1); the amount
  // follows the price until the buyer types another one.
  const [typedQuantity, setTypedQuantity] = useState<number | string | null>(null);
  const [typedAmount, setTypedAmount] = useState<number | string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<'order' | 'duplicate' | null>(null);

  const lotRef = solution.lots.find((l) => l.lotId === lotId);
  const agreement: Agreement | undefined = agreements.data?.find((a) => a.id === lotRef?.agreementId);
  const lot = agreement?.lots.find((l) => l.id === lotId);
  const adherent = Boolean(communeNis && agreement?.adherents.some((a) => a.communeNis === communeNis));
  const byPopulation = solution.pricing.model === 'per-inhabitant' || solution.pricing.model === 'tiered';
  const population = communes.data?.find((c) => c.nisCode === communeNis)?.population ?? null;
  const quantity = typedQuantity ?? (byPopulation && population ? population : 1);
  const quote = quoteCallOff({
    pricing: solution.pricing,
    lotUnitPrice: lotRef?.unitPrice ?? null,
    quantity: Number(quantity),
  });
  const amount = typedAmount ?? quote?.amount ?? '';
  const changed = typedAmount !== null && typedAmount !== '' && amountDiffers(Number(typedAmount), quote);

  if (solution.status !== 'listed' || solution.lots.length === 0) {
    return (
      <Paper withBorder p="md" id="order">
        <Text>{t('catalogue.order.notListed')}</Text>
      </Paper>
    );
  }
  const reset = () => {
    setTypedQuantity(null);
    setTypedAmount(null);
    setReason('');
    setNote('');
    setConfirming(null);
    order.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!lotId || !communeNis || amount === '') return;
    order.reset();
    setConfirming('order');
  };
  const place = (confirmDuplicate: boolean) => {
    if (!lotId || !communeNis) return;
    order.mutate(
      {
        lotId,
        solutionId: solution.id,
        communeNis,
        quantity: Number(quantity),
        amount: Number(amount),
        amountReason: changed ? reason : null,
        note,
        confirmDuplicate,
      },
      {
        onSuccess: (callOff) => {
          notify(
            t('catalogue.order.done', { name: callOff.solutionName, amount: formatEuro(callOff.amount, language) }),
          );
          reset();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'DUPLICATE_CALL_OFF') setConfirming('duplicate');
        },
      },
    );
  };
  const quantityLabel = t(`catalogue.order.quantityBy.${solution.pricing.model}`);
  const communeName = communes.data?.find((c) => c.nisCode === communeNis)?.name ?? user?.communeName ?? '—';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="order-title" id="order">
      <Stack gap="sm">
        <Title order={2} size="h4" id="order-title">
          {t('catalogue.order.title')}
        </Title>
        {!canOrder ? <Text c="dimmed">{t('catalogue.order.readOnly')}</Text> : null}
        <Select
          label={t('catalogue.order.lot')}
          data={solution.lots.map((l) => ({
            value: l.lotId,
            label: `${l.agreementReference} — ${t('catalogue.order.lotNumber', { number: l.lotNumber })} : ${l.lotTitle}`,
          }))}
          value={lotId}
          onChange={setLotId}
          allowDeselect={false}
        />
        {lot ? (
          <Stack gap={4}>
            <Text size="sm">
              {t('catalogue.order.vendor')} : {lot.vendor ?? '—'}
            </Text>
            {lot.consumption.ceiling !== null ? (
              <>
                <Progress
                  value={Math.min(100, (lot.consumption.share ?? 0) * 100)}
                  aria-label={t('catalogue.agreements.consumption')}
                />
                <Text size="sm" c="dimmed">
                  {t('catalogue.agreements.remaining', {
                    remaining: formatEuro(lot.consumption.remaining ?? 0, language),
                    ceiling: formatEuro(lot.consumption.ceiling, language),
                  })}
                </Text>
              </>
            ) : null}
          </Stack>
        ) : null}
        {agency ? (
          <Select
            label={t('catalogue.order.commune')}
            data={communeOptions(communes.data)}
            value={communeNis}
            onChange={(value) => {
              setCommuneNis(value);
              setTypedQuantity(null);
            }}
            searchable
          />
        ) : (
          <Text size="sm">
            {t('catalogue.order.commune')} : <strong>{user?.communeName ?? '—'}</strong>
          </Text>
        )}
        {canOrder && communeNis && agreement && !adherent ? (
          <Paper withBorder p="sm" bg="var(--mantine-color-yellow-0)">
            <Stack gap="xs">
              <Text size="sm">{t('catalogue.order.notAdherent', { reference: agreement.reference })}</Text>
              <Button
                variant="default"
                loading={adhere.isPending}
                onClick={() =>
                  adhere.mutate(
                    { agreementId: agreement.id, communeNis },
                    { onSuccess: () => notify(t('catalogue.order.adhered')) },
                  )
                }
              >
                {t('catalogue.order.adhere')}
              </Button>
              <ErrorAlert error={adhere.error} />
            </Stack>
          </Paper>
        ) : null}
        {canOrder ? (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <NumberInput
                  label={quantityLabel}
                  description={solution.pricing.details ?? undefined}
                  min={1}
                  allowDecimal={false}
                  thousandSeparator=" "
                  value={quantity}
                  onChange={setTypedQuantity}
                  required
                />
                <NumberInput
                  label={t('catalogue.order.amount')}
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  thousandSeparator=" "
                  decimalSeparator=","
                  value={amount}
                  onChange={setTypedAmount}
                  required
                />
              </Group>
              <Text size="sm" c="dimmed" data-testid="order-basis">
                {quote ? t('catalogue.order.computed', { basis: quote.basisFr }) : t('catalogue.order.noQuote')}
              </Text>
              {changed ? (
                <Textarea
                  label={t('catalogue.order.amountReason')}
                  description={t('catalogue.order.amountReasonHelp', {
                    computed: formatEuro(quote?.amount ?? 0, language),
                  })}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  required
                  autosize
                />
              ) : null}
              <Textarea
                label={t('catalogue.order.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
              />
              {confirming ? null : <ErrorAlert error={order.error} />}
              <Button type="submit" disabled={!communeNis || !adherent || amount === '' || (changed && !reason.trim())}>
                {t('catalogue.order.submit')}
              </Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
      <AppModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(confirming === 'duplicate' ? 'catalogue.order.duplicateTitle' : 'catalogue.order.confirmTitle')}
      >
        <Stack gap="sm">
          {confirming === 'duplicate' ? (
            <Alert color="yellow" variant="light">
              {order.error instanceof ApiError ? order.error.message : null}
            </Alert>
          ) : (
            <Text>
              {t('catalogue.order.confirmText', {
                count: Number(quantity),
                name: solution.name,
                commune: communeName,
                quantity: formatNumber(Number(quantity), language),
                amount: formatEuro(Number(amount), language),
                lot: lotRef
                  ? `${lotRef.agreementReference}, ${t('catalogue.order.lotNumber', { number: lotRef.lotNumber })}`
                  : '',
              })}
            </Text>
          )}
          {changed ? <Text size="sm">{t('catalogue.order.confirmReason', { reason })}</Text> : null}
          {confirming === 'order' ? <ErrorAlert error={order.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={order.isPending} onClick={() => place(confirming === 'duplicate')}>
              {t(confirming === 'duplicate' ? 'catalogue.order.orderAgain' : 'catalogue.order.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}
