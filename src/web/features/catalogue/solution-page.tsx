import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAgencyRole } from '../../../domain/auth/roles.ts';
import type { Agreement } from '../../../domain/catalogue/agreements.ts';
import { amountDiffers, quoteCallOff } from '../../../domain/catalogue/call-off-price.ts';
import { SOLUTION_STATUSES, type Solution, type SolutionStatus } from '../../../domain/catalogue/solutions.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAdhere, useAgreements, useOrder, useSolution, useUpdateSolution } from './api.ts';
import { categoryLabel, comparisonTable, STATUS_COLOURS } from './labels.ts';
import { SolutionFormModal } from './solution-form.tsx';
import { SolutionImages, SolutionLogo } from './solution-images.tsx';

/** One solution: what a buyer reads, the lots offering it, and the order form (call-off). */
export default function SolutionPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { solutionId = '' } = useParams();
  const solution = useSolution(solutionId);
  const me = useMe();
  const agency = me.data ? isAgencyRole(me.data.user.role) : false;
  const s = solution.data;
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={s?.name ?? t('catalogue.title')}
        description={s ? `${s.vendor} — ${s.summary}` : undefined}
        above={
          <Anchor component={Link} to={paths.catalogue.to()} size="sm">
            ← {t('catalogue.back')}
          </Anchor>
        }
        actions={
          agency && s ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      {editing && s ? <SolutionFormModal opened onClose={() => setEditing(false)} solution={s} /> : null}
      <ErrorAlert error={solution.error} />
      {!s ? (
        solution.isPending ? (
          <BlockSkeleton />
        ) : null
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <Group gap="xs">
                <SolutionLogo url={s.logo?.url ?? null} name={s.name} size={64} />
                <Badge color={STATUS_COLOURS[s.status]} variant="light">
                  {t(`catalogue.status.${s.status}`)}
                </Badge>
                {s.demo ? (
                  <Badge color="dark" variant="outline">
                    {t('catalogue.demo')}
                  </Badge>
                ) : null}
                {s.categories.map((c) => (
                  <Badge key={c} variant="dot" color="gray">
                    {categoryLabel(c, language)}
                  </Badge>
                ))}
              </Group>
              {s.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Text> : null}
              <SolutionImages solution={s} agency={agency} />
              <Facts solution={s} />
              {agency ? <StatusEditor solution={s} /> : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <OrderPanel solution={s} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function Facts({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const communes = useCommuneList();
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  const rows = comparisonTable(t, [solution], language);
  return (
    <Paper withBorder p={0} component="section" aria-labelledby="facts-title">
      <Title order={2} size="h4" id="facts-title" p="sm">
        {t('catalogue.solution.facts')}
      </Title>
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" w="40%">
                {row.label}
              </Table.Th>
              <Table.Td>
                {row.key === 'usedBy' ? solution.usedBy.map(nameOf).join(', ') || '—' : row.values[0]}
              </Table.Td>
            </Table.Tr>
          ))}
          {solution.pricing.details ? (
            <Table.Tr>
              <Table.Th scope="row">{t('catalogue.solution.priceDetails')}</Table.Th>
              <Table.Td>{solution.pricing.details}</Table.Td>
            </Table.Tr>
          ) : null}
          {solution.pricing.tiers.map((tier) => (
            <Table.Tr key={tier.label}>
              <Table.Th scope="row">{tier.label}</Table.Th>
              <Table.Td>{formatEuro(tier.price, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function StatusEditor({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const update = useUpdateSolution();
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <Select
          label={t('catalogue.solution.status')}
          data={SOLUTION_STATUSES.map((v) => ({ value: v, label: t(`catalogue.status.${v}`) }))}
          value={solution.status}
          allowDeselect={false}
          onChange={(value) =>
            value &&
            update.mutate(
              { id: solution.id, patch: { status: value as SolutionStatus } },
              { onSuccess: () => notify(t('catalogue.solution.statusChanged')) },
            )
          }
        />
      </Group>
      <ErrorAlert error={update.error} />
    </Paper>
  );
}

/**
 * The order form (issue 10): the amount comes from the solution's price for the quantity (the lot's negotiated
 * price first), changed only with a reason; the order is confirmed before it commits spend; an identical order of
 * the last minutes asks again; the form empties once the order is placed.
 */
function OrderPanel({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const agreements = useAgreements();
  const communes = useCommuneList();
  const order = useOrder();
  const adhere = useAdhere();
  const user = me.data?.user;
  const agency = user ? isAgencyRole(user.role) : false;
  const canOrder = agency || user?.role === 'commune_editor';
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
