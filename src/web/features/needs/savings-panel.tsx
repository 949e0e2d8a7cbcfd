import { Button, Card, Group, List, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupDetail } from '../../../domain/mutualisation/api.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { userMessage } from '../../lib/errors.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type SavingsScenario, tier, useSavingsScenario } from './savings-scenario.ts';

const money = { min: 0, decimalScale: 2, decimalSeparator: ',', suffix: ' €' } as const;
const right = { textAlign: 'right' } as const;

/** The price model: its kind, its unit, then its tiers or its fixed and per-unit costs. */
function PriceModelFields({ scenario }: { scenario: SavingsScenario }) {
  const { t } = useTranslation();
  const { form, change } = scenario;
  const { kind, tiers } = form.values;
  const setTier = (i: number, patch: Partial<(typeof tiers)[number]>) =>
    change(
      'tiers',
      tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)),
    );
  return (
    <>
      <Group align="flex-end">
        <SegmentedControl
          value={kind}
          onChange={(v) => change('kind', v as typeof kind)}
          data={[
            { value: 'volume-tiers', label: t('needs.savings.volumeTiers') },
            { value: 'shared-fixed', label: t('needs.savings.sharedFixed') },
          ]}
          aria-label={t('needs.savings.kind')}
        />
        <TextInput
          label={t('needs.savings.unit')}
          value={form.values.unit}
          onChange={(e) => change('unit', e.currentTarget.value)}
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
                onChange={(v) => setTier(i, { fromQuantity: v })}
              />
              <NumberInput
                label={t('needs.savings.unitPrice', { n: i + 1 })}
                {...money}
                value={row.unitPrice}
                onChange={(v) => setTier(i, { unitPrice: v })}
              />
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" onClick={() => change('tiers', [...tiers, tier('', '')])}>
            {t('needs.savings.addTier')}
          </Button>
        </Stack>
      ) : (
        <Group>
          <NumberInput
            label={t('needs.savings.fixedCost')}
            {...money}
            value={form.values.fixedCost}
            onChange={(v) => change('fixedCost', v)}
          />
          <NumberInput
            label={t('needs.savings.perUnitCost')}
            {...money}
            value={form.values.perUnitCost}
            onChange={(v) => change('perUnitCost', v)}
          />
        </Group>
      )}
    </>
  );
}

/** Each commune's quantity (to try out) and what it would pay alone and together, with the totals. */
function SavingsTable({ scenario, names }: { scenario: SavingsScenario; names: Map<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { participants, estimate, allQuantities, form, change } = scenario;
  const euro = (value: number) => formatEuro(value, language);
  const totals = estimate.result?.totals;
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table aria-label={t('needs.savings.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('needs.commune')}</Table.Th>
            <Table.Th scope="col">{t('needs.savings.quantity')}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t('needs.savings.alone')}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t('needs.savings.together')}
            </Table.Th>
            <Table.Th scope="col" style={right}>
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
                    onChange={(v) => change('quantities', { ...form.values.quantities, [p.communeNis]: v })}
                  />
                </Table.Td>
                <Table.Td style={right}>{row ? euro(row.costAlone) : '—'}</Table.Td>
                <Table.Td style={right}>{row ? euro(row.costTogether) : '—'}</Table.Td>
                <Table.Td style={right}>{row ? euro(row.saving) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        {totals ? (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('needs.savings.total')}</Table.Th>
              <Table.Td>{formatNumber(totals.quantity, language)}</Table.Td>
              <Table.Td style={right}>{euro(totals.costAlone)}</Table.Td>
              <Table.Td style={right}>{euro(totals.costTogether)}</Table.Td>
              <Table.Td style={right} data-testid="total-saving">
                {euro(totals.saving)} ({formatNumber(totals.savingPercent, language, 1)} %)
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
    </Table.ScrollContainer>
  );
}

/** The save bar of who manages the group: changes not saved, the poll's quantities back, save. */
function SaveBar({ scenario }: { scenario: SavingsScenario }) {
  const { t } = useTranslation();
  const { action, dirty, answers, estimate } = scenario;
  return (
    <Group justify="flex-end">
      <ErrorAlert error={action.error} />
      {dirty ? (
        <Text size="sm" c="dimmed">
          {t('needs.savings.unsaved')}
        </Text>
      ) : null}
      {answers.some((a) => a.quantity !== null) ? (
        <Button variant="subtle" onClick={scenario.resetToPoll}>
          {t('needs.savings.fromPoll')}
        </Button>
      ) : null}
      <Button type="submit" variant="default" disabled={!estimate.result} loading={action.isPending}>
        {t('needs.savings.save')}
      </Button>
    </Group>
  );
}

/**
 * The savings estimate (src/domain/mutualisation/savings.ts, the same code the server prices the purchase with):
 * the consultant sets the price model; each commune's quantity comes from its answer to the poll and can be tried
 * out here; the table shows what each would pay alone and together, and the model's assumptions. The scenario —
 * the model and the quantities tried — is saved with the group (issue 10: the quantities were lost on reload), and
 * leaving the page with changes not saved asks first.
 */
export function SavingsPanel({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const scenario = useSavingsScenario(group);
  const { estimate } = scenario;
  const names = new Map([
    ...group.communes.map((c) => [c.nisCode, c.name] as const),
    ...scenario.answers.map((a) => [a.communeNis, a.communeName] as const),
  ]);
  return (
    <Card withBorder padding="md">
      <form onSubmit={group.permissions.manage ? scenario.save : (e) => e.preventDefault()} noValidate>
        <Stack gap="md">
          <Text fw={600} component="h2" size="lg">
            {t('needs.savings.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('needs.savings.help')}
          </Text>
          <FormErrorSummary errors={scenario.form.errors} />
          <PriceModelFields scenario={scenario} />
          {scenario.incomplete ? (
            <Text size="sm" c="dimmed">
              {t('needs.savings.startHint')}
            </Text>
          ) : null}
          {estimate.error ? (
            <Text c="red.9" size="sm" role="alert">
              {userMessage(estimate.error, t)}
            </Text>
          ) : null}
          <SavingsTable scenario={scenario} names={names} />
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
          {group.permissions.manage ? <SaveBar scenario={scenario} /> : null}
        </Stack>
      </form>
    </Card>
  );
}
