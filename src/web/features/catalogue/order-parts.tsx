import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../domain/catalogue/agreements.ts';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAdhere } from './api.ts';

type Lot = Agreement['lots'][number];
type LotRef = Solution['lots'][number];

/** The chosen lot's vendor and, under a ceiling, how much of it is left. */
export function LotFacts({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
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
  );
}

/** The commune has not adhered to the agreement yet: say so and let it adhere here. */
export function AdhesionPrompt({ agreement, communeNis }: { agreement: Agreement; communeNis: string }) {
  const { t } = useTranslation();
  const adhere = useAdhere();
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-yellow-0)">
      <Stack gap="xs">
        <Text size="sm">{t('catalogue.order.notAdherent', { reference: agreement.reference })}</Text>
        <Button
          variant="default"
          loading={adhere.isPending}
          onClick={() =>
            // Not mutate's own onSuccess: once the adhesion is read back this prompt is gone, and a callback of an
            // unmounted component never runs. The error stays on screen through `adhere.error`.
            adhere
              .mutateAsync({ agreementId: agreement.id, communeNis })
              .then(() => notify(t('catalogue.order.adhered')))
              .catch(() => undefined)
          }
        >
          {t('catalogue.order.adhere')}
        </Button>
        <ErrorAlert error={adhere.error} />
      </Stack>
    </Paper>
  );
}

export type Confirming = 'order' | 'duplicate' | null;

/** Asks before the order commits spend, and again when an identical order was placed a few minutes ago. */
export function OrderConfirmModal(props: {
  confirming: Confirming;
  onClose(): void;
  onConfirm(): void;
  order: { error: unknown; isPending: boolean };
  solutionName: string;
  communeName: string;
  quantity: number;
  amount: number;
  lotRef: LotRef | undefined;
  reason: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { confirming, order, lotRef } = props;
  return (
    <AppModal
      opened={confirming !== null}
      onClose={props.onClose}
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
              count: props.quantity,
              name: props.solutionName,
              commune: props.communeName,
              quantity: formatNumber(props.quantity, language),
              amount: formatEuro(props.amount, language),
              lot: lotRef
                ? `${lotRef.agreementReference}, ${t('catalogue.order.lotNumber', { number: lotRef.lotNumber })}`
                : '',
            })}
          </Text>
        )}
        {props.reason !== null ? (
          <Text size="sm">{t('catalogue.order.confirmReason', { reason: props.reason })}</Text>
        ) : null}
        {confirming === 'order' ? <ErrorAlert error={order.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={order.isPending} onClick={props.onConfirm}>
            {t(confirming === 'duplicate' ? 'catalogue.order.orderAgain' : 'catalogue.order.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
