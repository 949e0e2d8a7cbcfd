import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcurementProcedure } from '../../../domain/implementation/procurement.ts';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import type { FeeAssumption, SavingsAssumptions, ScenarioSavings } from '../../../domain/purchasing/savings.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSaveSavings } from './api.ts';
import { Figure } from './figure.tsx';

/**
 * « Savings, honestly » (issue 12): beside the price effect of volume, the procedure costs each commune avoids and the
 * central purchasing body's fee, with every assumption shown; agency staff edit them here (the fee, this scenario's
 * own procedure costs, each lot's volume price tiers).
 */
export function SavingsSection({
  scenario,
  editable,
  admin,
}: {
  scenario: ScenarioDetail;
  editable: boolean;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (v: number) => formatEuro(v, language);
  const savings = scenario.savings as ScenarioSavings | null;
  if (!savings && !scenario.savingsError) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="savings">
      <Stack gap="sm">
        <Title order={2} size="h3" id="savings">
          {t('purchasing.savings.title')}
        </Title>
        {scenario.savingsError ? (
          <Alert color="orange" variant="light" title={t('purchasing.savings.cannot')}>
            {scenario.savingsError}
          </Alert>
        ) : null}
        {savings ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Figure label={t('purchasing.savings.volume')} value={euro(savings.totals.volumeSaving)} />
              <Figure label={t('purchasing.savings.avoided')} value={euro(savings.totals.avoidedProcedureCosts)} />
              <Figure label={t('purchasing.savings.fee')} value={euro(-savings.totals.fee)} />
              <Figure
                label={t('purchasing.savings.netForCommunes')}
                value={euro(savings.totals.netForCommunes)}
                strong
              />
              <Figure
                label={t('purchasing.savings.agencyProcedure')}
                value={euro(-savings.totals.agencyProcedureCost)}
              />
              <Figure label={t('purchasing.savings.netForPublic')} value={euro(savings.totals.netForPublicSector)} />
            </SimpleGrid>
            {savings.communes.length > 0 ? (
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('purchasing.commune')}</Table.Th>
                      <Table.Th>{t('purchasing.savings.procedureAlone')}</Table.Th>
                      <Table.Th ta="right">{t('purchasing.savings.avoidedShort')}</Table.Th>
                      <Table.Th ta="right">{t('purchasing.savings.volumeShort')}</Table.Th>
                      <Table.Th ta="right">{t('purchasing.savings.feeShort')}</Table.Th>
                      <Table.Th ta="right">{t('purchasing.savings.net')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {savings.communes.map((c) => (
                      <Table.Tr key={c.communeNis}>
                        <Table.Td>{c.communeName}</Table.Td>
                        <Table.Td>{c.procedureAloneLabelFr}</Table.Td>
                        <Table.Td ta="right">{euro(c.avoidedProcedureCost)}</Table.Td>
                        <Table.Td ta="right">{euro(c.volumeSaving)}</Table.Td>
                        <Table.Td ta="right">{euro(-c.fee)}</Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {euro(c.net)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            <Title order={3} size="h4">
              {t('purchasing.savings.costsUsed')}
            </Title>
            <List size="sm" spacing={4}>
              {savings.costsUsed.map((c) => (
                <List.Item key={c.procedure}>
                  {c.labelFr} : <strong>{euro(c.cost)}</strong>{' '}
                  {c.overridden ? (
                    <Badge variant="outline" color="blue.9">
                      {t('purchasing.savings.overridden')}
                    </Badge>
                  ) : c.verified ? (
                    <Text span size="xs" c="dimmed">
                      ({c.source})
                    </Text>
                  ) : (
                    <Badge variant="outline" color="#9a3412">
                      {t('purchasing.savings.toVerify')}
                    </Badge>
                  )}
                </List.Item>
              ))}
            </List>
            {admin ? (
              <Anchor component={Link} to={paths.procedureCosts.to()} size="sm">
                {t('purchasing.savings.editTable')}
              </Anchor>
            ) : null}
            <Title order={3} size="h4">
              {t('purchasing.savings.assumptions')}
            </Title>
            <List size="sm" spacing={4}>
              {savings.assumptionsFr.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {editable ? <AssumptionsForm scenario={scenario} costs={savings?.costsUsed ?? []} /> : null}
      </Stack>
    </Paper>
  );
}

type TierDraft = { fromQuantity: number | string; unitPrice: number | string };
type ModelDraft = { enabled: boolean; unit: string; tiers: TierDraft[] };

function AssumptionsForm({ scenario, costs }: { scenario: ScenarioDetail; costs: ScenarioSavings['costsUsed'] }) {
  const { t } = useTranslation();
  const save = useSaveSavings(scenario.id);
  const stored = scenario.savingsAssumptions as SavingsAssumptions;
  const [feeKind, setFeeKind] = useState<FeeAssumption['kind']>(stored.fee.kind);
  const [rate, setRate] = useState<number | string>(stored.fee.kind === 'rate' ? stored.fee.ratePercent : '');
  const [amount, setAmount] = useState<number | string>(stored.fee.kind === 'amount' ? stored.fee.amount : '');
  const [feeNote, setFeeNote] = useState(stored.feeNote);
  const [overrides, setOverrides] = useState<Partial<Record<ProcurementProcedure, number | string>>>(
    Object.fromEntries(stored.costOverrides.map((o) => [o.procedure, o.cost])),
  );
  const [models, setModels] = useState<Record<string, ModelDraft>>(
    Object.fromEntries(
      scenario.lots.map((lot) => {
        const model = stored.priceModels.find((m) => m.lotKey === lot.key)?.model;
        return [
          lot.key,
          model?.kind === 'volume-tiers'
            ? { enabled: true, unit: model.unit, tiers: model.tiers }
            : { enabled: false, unit: lot.unit ?? '', tiers: [{ fromQuantity: 0, unitPrice: lot.unitPrice ?? '' }] },
        ];
      }),
    ),
  );
  const setModel = (key: string, patch: Partial<ModelDraft>) =>
    setModels((all) => ({ ...all, [key]: { ...all[key]!, ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fee: FeeAssumption =
      feeKind === 'rate'
        ? { kind: 'rate', ratePercent: Number(rate || 0) }
        : feeKind === 'amount'
          ? { kind: 'amount', amount: Number(amount || 0) }
          : { kind: 'none' };
    save.mutate(
      {
        fee,
        feeNote,
        costOverrides: Object.entries(overrides)
          .filter(([, v]) => v !== '' && v !== undefined)
          .map(([procedure, cost]) => ({ procedure: procedure as ProcurementProcedure, cost: Number(cost) })),
        priceModels: Object.entries(models)
          .filter(([, m]) => m.enabled)
          .map(([lotKey, m]) => ({
            lotKey,
            model: {
              kind: 'volume-tiers' as const,
              unit: m.unit,
              tiers: m.tiers.map((tier) => ({
                fromQuantity: Number(tier.fromQuantity || 0),
                unitPrice: Number(tier.unitPrice || 0),
              })),
              discount: 'all-units' as const,
            },
          })),
      },
      { onSuccess: () => notify(t('purchasing.savings.saved')) },
    );
  };

  return (
    <Card withBorder padding="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('purchasing.savings.edit')}
          </Title>
          <ErrorAlert error={save.error} />
          <Radio.Group
            label={t('purchasing.savings.feeKind')}
            value={feeKind}
            onChange={(v) => setFeeKind(v as FeeAssumption['kind'])}
          >
            <Group mt="xs">
              <Radio value="none" label={t('purchasing.savings.feeNone')} />
              <Radio value="rate" label={t('purchasing.savings.feeRate')} />
              <Radio value="amount" label={t('purchasing.savings.feeAmount')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {feeKind === 'rate' ? (
              <NumberInput
                label={t('purchasing.savings.ratePercent')}
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator=","
                suffix=" %"
                value={rate}
                onChange={setRate}
              />
            ) : null}
            {feeKind === 'amount' ? (
              <NumberInput
                label={t('purchasing.savings.feeTotal')}
                min={0}
                thousandSeparator=" "
                decimalSeparator=","
                suffix=" €"
                value={amount}
                onChange={setAmount}
              />
            ) : null}
            {feeKind !== 'none' ? (
              <TextInput
                label={t('purchasing.savings.feeNote')}
                value={feeNote}
                onChange={(e) => setFeeNote(e.currentTarget.value)}
              />
            ) : null}
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('purchasing.savings.overridesTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {costs.map((c) => (
              <NumberInput
                key={c.procedure}
                label={t('purchasing.savings.overrideOf', { procedure: c.labelFr })}
                description={t('purchasing.savings.overrideHelp')}
                min={0}
                thousandSeparator=" "
                decimalSeparator=","
                suffix=" €"
                value={overrides[c.procedure] ?? ''}
                onChange={(v) => setOverrides((all) => ({ ...all, [c.procedure]: v }))}
              />
            ))}
          </SimpleGrid>
          {scenario.lots.map((lot) => {
            const m = models[lot.key]!;
            return (
              <Stack key={lot.key} gap="xs">
                <Checkbox
                  label={t('purchasing.savings.tiersFor', { lot: lot.label })}
                  checked={m.enabled}
                  onChange={(e) => setModel(lot.key, { enabled: e.currentTarget.checked })}
                />
                {m.enabled ? (
                  <>
                    <TextInput
                      label={t('purchasing.savings.unit', { lot: lot.label })}
                      value={m.unit}
                      onChange={(e) => setModel(lot.key, { unit: e.currentTarget.value })}
                    />
                    {m.tiers.map((tier, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a tier has no identity of its own; its inputs are controlled
                      <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
                        <NumberInput
                          style={{ flex: 1 }}
                          label={t('purchasing.savings.fromQuantity', { n: index + 1 })}
                          min={0}
                          allowDecimal={false}
                          value={tier.fromQuantity}
                          onChange={(v) =>
                            setModel(lot.key, {
                              tiers: m.tiers.map((x, i) => (i === index ? { ...x, fromQuantity: v } : x)),
                            })
                          }
                        />
                        <NumberInput
                          style={{ flex: 1 }}
                          label={t('purchasing.savings.tierPrice', { n: index + 1 })}
                          min={0}
                          decimalScale={2}
                          thousandSeparator=" "
                          decimalSeparator=","
                          suffix=" €"
                          value={tier.unitPrice}
                          onChange={(v) =>
                            setModel(lot.key, {
                              tiers: m.tiers.map((x, i) => (i === index ? { ...x, unitPrice: v } : x)),
                            })
                          }
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={t('purchasing.savings.removeTier', { n: index + 1 })}
                          disabled={m.tiers.length === 1}
                          onClick={() => setModel(lot.key, { tiers: m.tiers.filter((_, i) => i !== index) })}
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                    <Group>
                      <Button
                        variant="subtle"
                        size="xs"
                        onClick={() => setModel(lot.key, { tiers: [...m.tiers, { fromQuantity: '', unitPrice: '' }] })}
                      >
                        {t('purchasing.savings.addTier')}
                      </Button>
                    </Group>
                  </>
                ) : null}
              </Stack>
            );
          })}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('purchasing.savings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
