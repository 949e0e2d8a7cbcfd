import { Button, Card, Group, List, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDetail } from '../../../domain/mutualisation/api.ts';
import { estimateSavings, type PriceModelInput } from '../../../domain/mutualisation/savings.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { userMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useGroupAction } from './api.ts';

type Tier = { key: number; fromQuantity: number | string; unitPrice: number | string };
let nextTierKey = 0;
const tier = (fromQuantity: number | string, unitPrice: number | string): Tier => ({
  key: nextTierKey++,
  fromQuantity,
  unitPrice,
});

/** The estimate, or the model's problem in French (a rule of the model, never a raw JavaScript error). */
function estimateOrError(model: PriceModelInput, participants: { communeNis: string; quantity: number }[]) {
  try {
    return { result: estimateSavings(model, participants), error: null };
  } catch (error) {
    return { result: null, error };
  }
}

const defaultTiers = (): Tier[] => [tier(0, ''), tier('', '')];

/**
 * The savings estimate (src/domain/mutualisation/savings.ts, the same code the server prices the purchase with):
 * the consultant sets the price model; each commune's quantity comes from its answer to the poll and can be tried
 * out here; the table shows what each would pay alone and together, and the model's assumptions. The scenario —
 * the model and the quantities tried — is saved with the group (issue 10: the quantities were lost on reload), and
 * leaving the page with changes not saved asks first.
 */
export function SavingsPanel({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const action = useGroupAction(group.id);
  const saved = group.priceModel as PriceModelInput | null;
  const [kind, setKind] = useState<'volume-tiers' | 'shared-fixed'>(saved?.kind ?? 'volume-tiers');
  const [unit, setUnit] = useState(saved?.unit ?? group.polls[0]?.unit ?? '');
  const [tiers, setTiers] = useState<Tier[]>(() =>
    saved?.kind === 'volume-tiers' ? saved.tiers.map((x) => tier(x.fromQuantity, x.unitPrice)) : defaultTiers(),
  );
  const [fixedCost, setFixedCost] = useState<number | string>(saved?.kind === 'shared-fixed' ? saved.fixedCost : '');
  const [perUnitCost, setPerUnitCost] = useState<number | string>(
    saved?.kind === 'shared-fixed' ? saved.perUnitCost : '',
  );
  const answers = group.polls[0]?.answers ?? [];
  const fromPoll = () =>
    Object.fromEntries(
      group.communes.map((c) => [c.nisCode, answers.find((a) => a.communeNis === c.nisCode)?.quantity ?? 0]),
    );
  const [quantities, setQuantities] = useState<Record<string, number | string>>(() => ({
    ...fromPoll(),
    ...(group.scenarioQuantities ?? {}),
  }));
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesWarning(dirty && group.permissions.manage);
  const names = new Map([
    ...group.communes.map((c) => [c.nisCode, c.name] as const),
    ...answers.map((a) => [a.communeNis, a.communeName] as const),
  ]);
  // Communes that said yes to the poll but have no need in the group take part too.
  const allQuantities: Record<string, number | string> = {
    ...Object.fromEntries(answers.filter((a) => a.answer === 'yes').map((a) => [a.communeNis, a.quantity ?? 0])),
    ...quantities,
  };

  const model: PriceModelInput =
    kind === 'volume-tiers'
      ? {
          kind,
          unit,
          tiers: tiers
            .filter((row) => row.fromQuantity !== '' && row.unitPrice !== '')
            .map((row) => ({ fromQuantity: Number(row.fromQuantity), unitPrice: Number(row.unitPrice) })),
        }
      : { kind, unit, fixedCost: Number(fixedCost || 0), perUnitCost: Number(perUnitCost || 0) };
  const participants = Object.entries(allQuantities).map(([communeNis, q]) => ({
    communeNis,
    quantity: Number(q || 0),
  }));
  const incomplete = kind === 'volume-tiers' && model.kind === 'volume-tiers' && model.tiers.length === 0;
  const estimate = incomplete ? { result: null, error: null } : estimateOrError(model, participants);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setDirty(true);
    };

  const euro = (value: number) => formatEuro(value, language);
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Text fw={600} component="h2" size="lg">
          {t('needs.savings.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('needs.savings.help')}
        </Text>
        <Group align="flex-end">
          <SegmentedControl
            value={kind}
            onChange={(v) => edit(setKind)(v as typeof kind)}
            data={[
              { value: 'volume-tiers', label: t('needs.savings.volumeTiers') },
              { value: 'shared-fixed', label: t('needs.savings.sharedFixed') },
            ]}
            aria-label={t('needs.savings.kind')}
          />
          <TextInput
            label={t('needs.savings.unit')}
            value={unit}
            onChange={(e) => edit(setUnit)(e.currentTarget.value)}
          />
        </Group>
        {kind === 'volume-tiers' ? (
          <Stack gap="xs">
            {tiers.map((row, i) => (
              <Group key={row.key} align="flex-end">
                <NumberInput
                  label={t('needs.savings.fromQuantity', { n: i + 1 })}
                  min={0}
                  allowDecimal={false}
                  value={row.fromQuantity}
                  onChange={(v) => edit(setTiers)(tiers.map((x, j) => (j === i ? { ...x, fromQuantity: v } : x)))}
                />
                <NumberInput
                  label={t('needs.savings.unitPrice', { n: i + 1 })}
                  min={0}
                  decimalScale={2}
                  decimalSeparator=","
                  suffix=" €"
                  value={row.unitPrice}
                  onChange={(v) => edit(setTiers)(tiers.map((x, j) => (j === i ? { ...x, unitPrice: v } : x)))}
                />
              </Group>
            ))}
            <Button variant="subtle" w="fit-content" onClick={() => edit(setTiers)([...tiers, tier('', '')])}>
              {t('needs.savings.addTier')}
            </Button>
          </Stack>
        ) : (
          <Group>
            <NumberInput
              label={t('needs.savings.fixedCost')}
              min={0}
              decimalScale={2}
              decimalSeparator=","
              suffix=" €"
              value={fixedCost}
              onChange={edit(setFixedCost)}
            />
            <NumberInput
              label={t('needs.savings.perUnitCost')}
              min={0}
              decimalScale={2}
              decimalSeparator=","
              suffix=" €"
              value={perUnitCost}
              onChange={edit(setPerUnitCost)}
            />
          </Group>
        )}
        {incomplete ? (
          <Text size="sm" c="dimmed">
            {t('needs.savings.startHint')}
          </Text>
        ) : null}
        {estimate.error ? (
          <Text c="red.9" size="sm" role="alert">
            {userMessage(estimate.error, t)}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={620}>
          <Table aria-label={t('needs.savings.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                <Table.Th scope="col">{t('needs.savings.quantity')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.savings.alone')}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.savings.together')}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.savings.saving')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {participants.map((p, i) => {
                const row = estimate.result?.participants[i];
                const name = names.get(p.communeNis) ?? p.communeNis;
                return (
                  <Table.Tr key={p.communeNis}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('needs.savings.quantityOf', { commune: name })}
                        min={0}
                        allowDecimal={false}
                        w={110}
                        value={allQuantities[p.communeNis] ?? 0}
                        onChange={(v) => edit(setQuantities)({ ...quantities, [p.communeNis]: v })}
                      />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{row ? euro(row.costAlone) : '—'}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{row ? euro(row.costTogether) : '—'}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{row ? euro(row.saving) : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            {estimate.result ? (
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row">{t('needs.savings.total')}</Table.Th>
                  <Table.Td>{formatNumber(estimate.result.totals.quantity, language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{euro(estimate.result.totals.costAlone)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{euro(estimate.result.totals.costTogether)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }} data-testid="total-saving">
                    {euro(estimate.result.totals.saving)} (
                    {formatNumber(estimate.result.totals.savingPercent, language, 1)} %)
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            ) : null}
          </Table>
        </Table.ScrollContainer>
        {estimate.result ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('needs.savings.assumptions')}
            </Text>
            <List size="sm">
              {estimate.result.assumptionsFr.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        {group.permissions.manage ? (
          <Group justify="flex-end">
            <ErrorAlert error={action.error} />
            {dirty ? (
              <Text size="sm" c="dimmed">
                {t('needs.savings.unsaved')}
              </Text>
            ) : null}
            {answers.some((a) => a.quantity !== null) ? (
              <Button
                variant="subtle"
                onClick={() => {
                  setQuantities(fromPoll());
                  setDirty(true);
                }}
              >
                {t('needs.savings.fromPoll')}
              </Button>
            ) : null}
            <Button
              variant="default"
              disabled={!estimate.result}
              loading={action.isPending}
              onClick={() =>
                action.mutate(
                  {
                    action: 'price-model',
                    priceModel: model as never,
                    quantities: Object.fromEntries(participants.map((p) => [p.communeNis, p.quantity])),
                  },
                  {
                    onSuccess: () => {
                      setDirty(false);
                      notify(t('needs.savings.saved'));
                    },
                  },
                )
              }
            >
              {t('needs.savings.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** While the scenario has changes not saved, leaving or reloading the page asks first (the browser's own dialog). */
function useUnsavedChangesWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
