import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PurchaseDraft } from '../../../domain/mutualisation/api.ts';
import type { PurchaseWarningCode } from '../../../domain/mutualisation/purchase.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { useCreatePurchase } from './api.ts';

/**
 * The consultant's last look before the purchase: each commune's line, what the lot has left after it, and each
 * reason to confirm (one commune, no saving, adhesions to record), ticked one by one.
 */
export function PurchaseReview(props: {
  draft: PurchaseDraft;
  opened: boolean;
  onClose(): void;
  body: { title: string; lotId: string | null; solutionId: string | null };
  create: ReturnType<typeof useCreatePurchase>;
  confirmed: PurchaseWarningCode[];
  onConfirm(codes: PurchaseWarningCode[]): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { draft, opened, onClose, body, create, confirmed, onConfirm: setConfirmed } = props;
  const euro = (value: number) => formatEuro(value, language);
  return (
    <AppModal opened={opened} onClose={onClose} title={t('needs.purchase.reviewTitle')} size="lg">
      <Stack gap="sm">
        <Text>
          {draft.lot
            ? t('needs.purchase.reviewLot', {
                title: body.title,
                lot: draft.lot.label,
                amount: euro(draft.amount),
                after: euro(draft.lot.remaining - draft.amount),
              })
            : t('needs.purchase.review', { title: body.title, amount: euro(draft.amount) })}
        </Text>
        <PurchaseLines
          lines={draft.lines.map((l) => ({ ...l, callOffId: null }))}
          withCallOffs={false}
          label={t('needs.purchase.draftLinesLabel')}
        />
        {draft.lot && draft.amount > draft.lot.remaining ? (
          <Alert color="red" variant="light" role="alert">
            {t('needs.purchase.overCeiling', { remaining: euro(draft.lot.remaining) })}
          </Alert>
        ) : null}
        {draft.warnings.length ? (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('needs.purchase.toConfirm')}
            </Text>
            {draft.warnings.map((w) => (
              <Checkbox
                key={w.code}
                label={w.messageFr}
                checked={confirmed.includes(w.code)}
                onChange={(e) =>
                  setConfirmed(e.currentTarget.checked ? [...confirmed, w.code] : confirmed.filter((c) => c !== w.code))
                }
              />
            ))}
          </Stack>
        ) : null}
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={create.isPending}
            disabled={draft.warnings.some((w) => !confirmed.includes(w.code))}
            onClick={() =>
              create.mutate(
                { ...body, confirmed },
                {
                  onSuccess: () => {
                    onClose();
                    notify(t('needs.purchase.created'));
                  },
                },
              )
            }
          >
            {t('needs.purchase.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** Each commune's line of a purchase: its quantity, its amount and, through a lot, whether it was ordered. */
export function PurchaseLines({
  lines,
  withCallOffs,
  label,
}: {
  lines: { communeNis: string; communeName: string; quantity: number; amount: number; callOffId: string | null }[];
  withCallOffs: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('needs.commune')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('needs.savings.quantity')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('needs.purchase.amount')}
            </Table.Th>
            {withCallOffs ? <Table.Th scope="col">{t('needs.purchase.callOff')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.communeNis}>
              <Table.Td>{line.communeName}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {line.quantity ? formatNumber(line.quantity, language) : '—'}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatEuro(line.amount, language)}</Table.Td>
              {withCallOffs ? <Table.Td>{line.callOffId ? t('needs.purchase.ordered') : '—'}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
