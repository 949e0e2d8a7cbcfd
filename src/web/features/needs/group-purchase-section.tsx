import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail, JointPurchase, PurchaseDraft } from '../../../domain/mutualisation/api.ts';
import type { PurchaseWarningCode } from '../../../domain/mutualisation/purchase.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreatePurchase, useFrameworkLots, useListedSolutionsOf, usePurchaseDraft } from './api.ts';
import { PurchaseLines, PurchaseReview } from './purchase-review.tsx';

/**
 * The joint purchase (issue 10): through a lot of the agency's framework agreement, the consultant chooses the lot
 * and the solution; the draft shows each commune's line, what the lot has left, and what to confirm and why (one
 * commune, no saving, adhesions to record); each commune's line becomes a call-off under the lot's ceiling.
 */
export function PurchaseSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
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
  const purchase = group.purchase;
  const chooseLot = (value: string | null) => {
    setLotId(value);
    // The lot's only solution, or its only one of the group's category, is proposed.
    const solutions = lots.data?.lots.find((l) => l.id === value)?.solutions ?? [];
    const fitting = solutions.filter((x) => ofCategory.data?.includes(x.solutionId));
    const proposed = solutions.length === 1 ? solutions : fitting.length === 1 ? fitting : [];
    setSolutionId(proposed[0]?.solutionId ?? null);
  };
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
            <PurchaseChoice
              title={title}
              onTitle={setTitle}
              lots={lots.data}
              lotId={lotId}
              onLot={chooseLot}
              solutionId={solutionId}
              onSolution={setSolutionId}
            />
            <ErrorAlert error={draft.error} />
            {draft.data ? <DraftAmount draft={draft.data} /> : null}
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

/** The purchase's name, the lot of the framework agreement it goes through, and the lot's solution bought. */
function PurchaseChoice(props: {
  title: string;
  onTitle(value: string): void;
  lots: ReturnType<typeof useFrameworkLots>['data'];
  lotId: string | null;
  onLot(value: string | null): void;
  solutionId: string | null;
  onSolution(value: string | null): void;
}) {
  const { t } = useTranslation();
  const lot = props.lots?.lots.find((l) => l.id === props.lotId);
  return (
    <Group align="flex-end">
      <TextInput
        label={t('needs.purchase.name')}
        value={props.title}
        onChange={(e) => props.onTitle(e.currentTarget.value)}
        w={{ base: '100%', sm: 420 }}
      />
      <Select
        label={t('needs.purchase.lot')}
        description={t('needs.purchase.lotHelp')}
        data={props.lots?.options ?? []}
        value={props.lotId}
        onChange={props.onLot}
        clearable
        w={{ base: '100%', sm: 420 }}
      />
      {lot ? (
        <Select
          label={t('needs.purchase.solution')}
          data={lot.solutions.map((x) => ({ value: x.solutionId, label: x.name }))}
          value={props.solutionId}
          onChange={props.onSolution}
          required
          w={260}
        />
      ) : null}
    </Group>
  );
}

/** What the purchase would cost, and what the lot has left; or that no commune has a line. */
function DraftAmount({ draft }: { draft: PurchaseDraft }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (value: number) => formatEuro(value, language);
  return draft.lines.length === 0 ? (
    <Text size="sm" c="dimmed" data-testid="purchase-draft">
      {t('needs.purchase.noLines')}
    </Text>
  ) : (
    <Text size="sm" data-testid="purchase-draft">
      {draft.lot
        ? t('needs.purchase.draftLot', {
            amount: euro(draft.amount),
            remaining: euro(draft.lot.remaining),
          })
        : t('needs.purchase.draft', { amount: euro(draft.amount) })}
    </Text>
  );
}
