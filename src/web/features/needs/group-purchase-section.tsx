import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type GroupDetail,
  type JointPurchase,
  type PurchaseDraft,
  PurchaseInput,
} from '../../../domain/mutualisation/api.ts';
import type { PurchaseWarningCode } from '../../../domain/mutualisation/purchase.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreatePurchase, useFrameworkLots, useListedSolutionsOf, usePurchaseDraft } from './api.ts';
import { PurchaseLines, PurchaseReview } from './purchase-review.tsx';

type ChoiceValues = { title: string; lotId: string | null; solutionId: string | null };

/** The purchase as the server takes it: a solution only through a lot. */
const purchaseInput = (values: ChoiceValues) => ({
  title: values.title,
  lotId: values.lotId,
  solutionId: values.lotId ? values.solutionId : null,
});

/**
 * The joint purchase (issue 10): through a lot of the agency's framework agreement, the consultant chooses the lot
 * and the solution; the draft shows each commune's line, what the lot has left, and what to confirm and why (one
 * commune, no saving, adhesions to record); each commune's line becomes a call-off under the lot's ceiling.
 */
export function PurchaseSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const create = useCreatePurchase(group.id);
  const initialValues: ChoiceValues = {
    title: t('needs.purchase.defaultTitle', { label: group.label }),
    lotId: null,
    solutionId: null,
  };
  const { form } = useSchemaForm({ schema: PurchaseInput, initialValues, toInput: purchaseInput });
  const { title, lotId, solutionId } = form.values;
  const [reviewing, setReviewing] = useState(false);
  const [confirmed, setConfirmed] = useState<PurchaseWarningCode[]>([]);
  const canBuy = group.permissions.buy;
  const lots = useFrameworkLots(canBuy);
  const ofCategory = useListedSolutionsOf(group.category, canBuy);
  const draft = usePurchaseDraft(group.id, lotId, canBuy);
  if (!group.purchase && !canBuy) return null;
  const purchase = group.purchase;
  const chooseLot = (value: string | null) => {
    form.setFieldValue('lotId', value);
    // The lot's only solution, or its only one of the group's category, is proposed.
    const solutions = lots.data?.lots.find((l) => l.id === value)?.solutions ?? [];
    const fitting = solutions.filter((x) => ofCategory.data?.includes(x.solutionId));
    const proposed = solutions.length === 1 ? solutions : fitting.length === 1 ? fitting : [];
    form.setFieldValue('solutionId', proposed[0]?.solutionId ?? null);
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
            <PurchaseChoice form={form} lots={lots.data} onLot={chooseLot} />
            <ErrorAlert error={draft.error} />
            {draft.data ? <DraftAmount draft={draft.data} /> : null}
            <Group>
              <Button
                disabled={
                  !draft.data || draft.data.lines.length === 0 || !title.trim() || (Boolean(lotId) && !solutionId)
                }
                onClick={() => {
                  if (form.validate().hasErrors) return;
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
          body={purchaseInput(form.values)}
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
  form: UseFormReturnType<ChoiceValues>;
  lots: ReturnType<typeof useFrameworkLots>['data'];
  onLot(value: string | null): void;
}) {
  const { t } = useTranslation();
  const { form } = props;
  const lot = props.lots?.lots.find((l) => l.id === form.values.lotId);
  return (
    <Group align="flex-end">
      <TextInput label={t('needs.purchase.name')} {...form.getInputProps('title')} w={{ base: '100%', sm: 420 }} />
      <Select
        label={t('needs.purchase.lot')}
        description={t('needs.purchase.lotHelp')}
        data={props.lots?.options ?? []}
        {...form.getInputProps('lotId')}
        onChange={props.onLot}
        clearable
        w={{ base: '100%', sm: 420 }}
      />
      {lot ? (
        <Select
          label={t('needs.purchase.solution')}
          data={lot.solutions.map((x) => ({ value: x.solutionId, label: x.name }))}
          {...form.getInputProps('solutionId')}
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
