import { Alert, Anchor, Button, Card, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail, JointPurchase, PurchaseDraft } from '../../../domain/mutualisation/api.ts';
import type { PurchaseWarningCode } from '../../../domain/mutualisation/purchase.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreatePurchase, useFrameworkLots, useListedSolutionsOf, usePurchaseDraft } from './api.ts';

/**
 * The joint purchase (issue 10): through a lot of the agency's framework agreement, the consultant chooses the lot
 * and the solution; the draft shows each commune's line, what the lot has left, and what to confirm and why (one
 * commune, no saving, adhesions to record); each commune's line becomes a call-off under the lot's ceiling.
 */
export function PurchaseSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreatePurchase(group.id);
  const [title, setTitle] = useState(t('needs.purchase.defaultTitle', { label: group.label }));
  const [lotId, setLotId] = useState<string | null>(null);
  const [solutionId, setSolutionId] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [confirmed, setConfirmed] = useState<PurchaseWarningCode[]>([]);
  const canBuy = group.permissions.buy;
  const lots = useFrameworkLots(canBuy);
  const ofCategory = useListedSolutionsOf(group.category, canBuy);
  const draft = usePurchaseDraft(group.id, lotId, canBuy);
  if (!group.purchase && !canBuy) return null;
  const lot = lots.data?.lots.find((l) => l.id === lotId);
  const euro = (value: number) => formatEuro(value, language);
  const purchase = group.purchase;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('needs.purchase.title')}
        </Text>
        {purchase ? (
          <PurchaseDone purchase={purchase} />
        ) : (
          <>
            <Group align="flex-end">
              <TextInput
                label={t('needs.purchase.name')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                w={{ base: '100%', sm: 420 }}
              />
              <Select
                label={t('needs.purchase.lot')}
                description={t('needs.purchase.lotHelp')}
                data={lots.data?.options ?? []}
                value={lotId}
                onChange={(value) => {
                  setLotId(value);
                  // The lot's only solution, or its only one of the group's category, is proposed.
                  const solutions = lots.data?.lots.find((l) => l.id === value)?.solutions ?? [];
                  const fitting = solutions.filter((x) => ofCategory.data?.includes(x.solutionId));
                  const proposed = solutions.length === 1 ? solutions : fitting.length === 1 ? fitting : [];
                  setSolutionId(proposed[0]?.solutionId ?? null);
                }}
                clearable
                w={{ base: '100%', sm: 420 }}
              />
              {lot ? (
                <Select
                  label={t('needs.purchase.solution')}
                  data={lot.solutions.map((x) => ({ value: x.solutionId, label: x.name }))}
                  value={solutionId}
                  onChange={setSolutionId}
                  required
                  w={260}
                />
              ) : null}
            </Group>
            <ErrorAlert error={draft.error} />
            {draft.data && draft.data.lines.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="purchase-draft">
                {t('needs.purchase.noLines')}
              </Text>
            ) : draft.data ? (
              <Text size="sm" data-testid="purchase-draft">
                {draft.data.lot
                  ? t('needs.purchase.draftLot', {
                      amount: euro(draft.data.amount),
                      remaining: euro(draft.data.lot.remaining),
                    })
                  : t('needs.purchase.draft', { amount: euro(draft.data.amount) })}
              </Text>
            ) : null}
            <Group>
              <Button
                disabled={
                  !draft.data || draft.data.lines.length === 0 || !title.trim() || (Boolean(lotId) && !solutionId)
                }
                onClick={() => {
                  create.reset();
                  setConfirmed([]);
                  setReviewing(true);
                }}
              >
                {t('needs.purchase.create')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {draft.data ? (
        <PurchaseReview
          draft={draft.data}
          opened={reviewing}
          onClose={() => setReviewing(false)}
          body={{ title, lotId, solutionId: lotId ? solutionId : null }}
          create={create}
          confirmed={confirmed}
          onConfirm={setConfirmed}
        />
      ) : null}
    </Card>
  );
}

/** The purchase made: through which lot and solution, each commune's line and call-off, the saving. */
function PurchaseDone({ purchase }: { purchase: JointPurchase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (value: number) => formatEuro(value, language);
  return (
    <>
      <Text>{purchase.title}</Text>
      {purchase.lot ? (
        <Text size="sm">
          {t('needs.purchase.throughLot', { lot: purchase.lot.label })}
          {purchase.solution ? ` — ${purchase.solution.name}` : ''}.{' '}
          <Anchor component={Link} to="/catalogue?tab=agreements" underline="always">
            {t('needs.purchase.seeAgreement')}
          </Anchor>
        </Text>
      ) : null}
      <PurchaseLines
        lines={purchase.lines}
        withCallOffs={Boolean(purchase.lot)}
        label={t('needs.purchase.linesLabel')}
      />
      {purchase.totals ? (
        <Text size="sm">
          {t('needs.purchase.totals', {
            together: euro(purchase.totals.costTogether),
            saving: euro(purchase.totals.saving),
          })}
        </Text>
      ) : null}
    </>
  );
}

/**
 * The consultant's last look before the purchase: each commune's line, what the lot has left after it, and each
 * reason to confirm (one commune, no saving, adhesions to record), ticked one by one.
 */
function PurchaseReview(props: {
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

function PurchaseLines({
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
