import { Button, Group, NumberInput, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CallOffInput } from '../../../domain/catalogue/agreements.ts';
import { amountDiffers, quoteCallOff } from '../../../domain/catalogue/call-off-price.ts';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { fieldErrorsOnto, useSchemaForm } from '../../lib/schema-form.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAgreements, useOrder } from './api.ts';
import { AdhesionPrompt, type Confirming, LotFacts, OrderConfirmModal } from './order-parts.tsx';

type OrderValues = {
  lotId: string | null;
  communeNis: string | null;
  /** null: the default (the commune's population for a price per inhabitant or by tiers, else 1). */
  quantity: number | string | null;
  /** null: the amount follows the price until the buyer types another one. */
  amount: number | string | null;
  reason: string;
  note: string;
};
type Figures = ReturnType<ReturnType<typeof useOrderFigures>>;

/** What the form's values come to: the lot and its agreement, the quantity, the price's quote and the amount. */
function useOrderFigures(solution: Solution) {
  const agreements = useAgreements();
  const communes = useCommuneList();
  return (v: OrderValues) => {
    const lotRef = solution.lots.find((l) => l.lotId === v.lotId);
    const agreement = agreements.data?.find((a) => a.id === lotRef?.agreementId);
    const lot = agreement?.lots.find((l) => l.id === v.lotId);
    const adherent = Boolean(v.communeNis && agreement?.adherents.some((a) => a.communeNis === v.communeNis));
    const byPopulation = solution.pricing.model === 'per-inhabitant' || solution.pricing.model === 'tiered';
    const population = communes.data?.find((c) => c.nisCode === v.communeNis)?.population ?? null;
    const quantity = v.quantity ?? (byPopulation && population ? population : 1);
    const quote = quoteCallOff({
      pricing: solution.pricing,
      lotUnitPrice: lotRef?.unitPrice ?? null,
      quantity: Number(quantity),
    });
    const amount = v.amount ?? quote?.amount ?? '';
    const changed = v.amount !== null && v.amount !== '' && amountDiffers(Number(v.amount), quote);
    return { lotRef, agreement, lot, adherent, quantity, quote, amount, changed };
  };
}

/**
 * The order's form (the one pattern, checked with the domain's CallOffInput), the input waiting for confirmation
 * and the order sent once confirmed; the form empties (lot and commune kept) once the order is placed.
 */
function useOrderForm(solution: Solution) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const order = useOrder();
  const figuresOf = useOrderFigures(solution);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [input, setInput] = useState<z.input<typeof CallOffInput> | null>(null);
  const { form, submit } = useSchemaForm({
    schema: CallOffInput,
    initialValues: {
      lotId: solution.lots[0]?.lotId ?? null,
      communeNis: me.data?.user?.communeNis ?? null,
      quantity: null,
      amount: null,
      reason: '',
      note: '',
    } as OrderValues,
    toInput: (v: OrderValues) => {
      const f = figuresOf(v);
      return {
        lotId: v.lotId ?? '',
        solutionId: solution.id,
        communeNis: v.communeNis ?? '',
        quantity: Number(f.quantity),
        amount: Number(f.amount),
        amountReason: f.changed ? v.reason : null,
        note: v.note,
      };
    },
  });
  const onSubmit = submit((valid) => {
    order.reset();
    setInput(valid);
    setConfirming('order');
  });
  const place = () => {
    if (!input) return;
    order.mutate(
      { ...input, confirmDuplicate: confirming === 'duplicate' },
      {
        onSuccess: (callOff) => {
          notify(
            t('catalogue.order.done', { name: callOff.solutionName, amount: formatEuro(callOff.amount, language) }),
          );
          form.setValues({ quantity: null, amount: null, reason: '', note: '' });
          setConfirming(null);
          order.reset();
        },
        onError: (error) => {
          fieldErrorsOnto(form)(error);
          if (error instanceof ApiError && error.code === 'DUPLICATE_CALL_OFF') setConfirming('duplicate');
        },
      },
    );
  };
  return { form, figures: figuresOf(form.values), order, onSubmit, place, confirming, setConfirming };
}

/** Quantity, amount (its reason once changed), remark and the order button. */
function OrderFields(props: {
  solution: Solution;
  form: UseFormReturnType<OrderValues>;
  figures: Figures;
  onSubmit: () => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { form, figures, solution } = props;
  const { quantity, amount, changed, quote } = figures;
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrorSummary errors={form.errors} />
        <Group grow align="flex-start">
          <NumberInput
            label={t(`catalogue.order.quantityBy.${solution.pricing.model}`)}
            description={solution.pricing.details ?? undefined}
            min={1}
            allowDecimal={false}
            thousandSeparator=" "
            value={quantity}
            onChange={(value) => form.setFieldValue('quantity', value)}
            error={form.errors.quantity}
            data-path="quantity"
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
            onChange={(value) => form.setFieldValue('amount', value)}
            error={form.errors.amount}
            data-path="amount"
            required
          />
        </Group>
        <Text size="sm" c="dimmed" data-testid="order-basis">
          {quote ? t('catalogue.order.computed', { basis: quote.basisFr }) : t('catalogue.order.noQuote')}
        </Text>
        {changed ? (
          <Textarea
            label={t('catalogue.order.amountReason')}
            description={t('catalogue.order.amountReasonHelp', { computed: formatEuro(quote?.amount ?? 0, language) })}
            {...form.getInputProps('reason')}
            error={form.errors.amountReason ?? form.errors.reason}
            data-path="amountReason"
            required
            autosize
          />
        ) : null}
        <Textarea label={t('catalogue.order.note')} {...form.getInputProps('note')} autosize />
        <ErrorAlert error={props.error} />
        <Button
          type="submit"
          disabled={
            !form.values.communeNis || !figures.adherent || amount === '' || (changed && !form.values.reason.trim())
          }
        >
          {t('catalogue.order.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The order form (issue 10): the amount comes from the solution's price for the quantity (the lot's negotiated
 * price first), changed only with a reason; the order is confirmed before it commits spend; an identical order of
 * the last minutes asks again; the form empties once the order is placed.
 */
export function OrderPanel({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const me = useMe();
  const communes = useCommuneList();
  const { form, figures, order, onSubmit, place, confirming, setConfirming } = useOrderForm(solution);
  const user = me.data?.user;
  const canOrder = solution.permissions.order;
  const { communeNis, lotId } = form.values;
  if (solution.status !== 'listed' || solution.lots.length === 0) {
    return (
      <Paper withBorder p="md" id="order">
        <Text>{t('catalogue.order.notListed')}</Text>
      </Paper>
    );
  }
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
          onChange={(value) => form.setFieldValue('lotId', value)}
          allowDeselect={false}
        />
        {figures.lot ? <LotFacts lot={figures.lot} /> : null}
        {solution.permissions.chooseCommune ? (
          <Select
            label={t('catalogue.order.commune')}
            data={communeOptions(communes.data)}
            value={communeNis}
            onChange={(value) => form.setValues({ communeNis: value, quantity: null })}
            searchable
          />
        ) : (
          <Text size="sm">
            {t('catalogue.order.commune')} : <strong>{user?.communeName ?? '—'}</strong>
          </Text>
        )}
        {canOrder && communeNis && figures.agreement && !figures.adherent ? (
          <AdhesionPrompt agreement={figures.agreement} communeNis={communeNis} />
        ) : null}
        {canOrder ? (
          <OrderFields
            solution={solution}
            form={form}
            figures={figures}
            onSubmit={onSubmit}
            error={confirming ? null : order.error}
          />
        ) : null}
      </Stack>
      <OrderConfirmModal
        confirming={confirming}
        onClose={() => setConfirming(null)}
        onConfirm={place}
        order={order}
        solutionName={solution.name}
        communeName={communeName}
        quantity={Number(figures.quantity)}
        amount={Number(figures.amount)}
        lotRef={figures.lotRef}
        reason={figures.changed ? form.values.reason : null}
      />
    </Paper>
  );
}
