import { ActionIcon, Button, Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { type AssumptionsValues, MODEL_KINDS, type ModelValues } from './assumptions-values.ts';

const money = { min: 0, decimalScale: 2, thousandSeparator: ' ', decimalSeparator: ',', suffix: ' €' } as const;

/**
 * A lot's price model for the volume effect: volume tiers with a discount on every unit or by slices, or a fixed
 * cost the communes share plus a cost per unit; the form's `lotModels.<index>` holds it.
 */
export function PriceModelEditor({
  form,
  index,
  lot,
}: {
  form: UseFormReturnType<AssumptionsValues>;
  index: number;
  lot: ScenarioDetail['lots'][number];
}) {
  const { t } = useTranslation();
  const path = `lotModels.${index}`;
  const m = form.getValues().lotModels[index]!;
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('purchasing.savings.modelFor', { lot: lot.label })}
        {...form.getInputProps(`${path}.enabled`, { type: 'checkbox' })}
      />
      {m.enabled ? (
        <>
          <Radio.Group
            label={t('purchasing.savings.modelKind', { lot: lot.label })}
            {...form.getInputProps(`${path}.kind`)}
          >
            <Stack gap={6} mt="xs">
              {MODEL_KINDS.map((kind) => (
                <Radio
                  key={kind}
                  value={kind}
                  label={t(`purchasing.savings.kinds.${kind}`)}
                  description={t(`purchasing.savings.kindHelp.${kind}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput label={t('purchasing.savings.unit', { lot: lot.label })} {...form.getInputProps(`${path}.unit`)} />
          {m.kind === 'shared-fixed' ? (
            <SharedFixedFields form={form} path={path} />
          ) : (
            <TierFields form={form} path={path} m={m} />
          )}
        </>
      ) : null}
    </Stack>
  );
}

function TierFields({ form, path, m }: { form: UseFormReturnType<AssumptionsValues>; path: string; m: ModelValues }) {
  const { t } = useTranslation();
  return (
    <>
      {m.tiers.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a tier has no identity of its own; its inputs are controlled
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          <NumberInput
            style={{ flex: 1 }}
            label={t('purchasing.savings.fromQuantity', { n: index + 1 })}
            min={0}
            allowDecimal={false}
            {...form.getInputProps(`${path}.tiers.${index}.fromQuantity`)}
          />
          <NumberInput
            style={{ flex: 1 }}
            label={t('purchasing.savings.tierPrice', { n: index + 1 })}
            {...money}
            {...form.getInputProps(`${path}.tiers.${index}.unitPrice`)}
          />
          <ActionIcon
            variant="subtle"
            color="red.9"
            aria-label={t('purchasing.savings.removeTier', { n: index + 1 })}
            disabled={m.tiers.length === 1}
            onClick={() => form.removeListItem(`${path}.tiers`, index)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => form.insertListItem(`${path}.tiers`, { fromQuantity: '', unitPrice: '' })}
        >
          {t('purchasing.savings.addTier')}
        </Button>
      </Group>
    </>
  );
}

function SharedFixedFields({ form, path }: { form: UseFormReturnType<AssumptionsValues>; path: string }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('purchasing.savings.fixedCost')}
          {...money}
          {...form.getInputProps(`${path}.fixedCost`)}
        />
        <NumberInput
          label={t('purchasing.savings.perUnitCost')}
          {...money}
          {...form.getInputProps(`${path}.perUnitCost`)}
        />
      </SimpleGrid>
      <TextInput label={t('purchasing.savings.fixedCostLabel')} {...form.getInputProps(`${path}.fixedCostLabel`)} />
      <Radio.Group label={t('purchasing.savings.fixedCostSplit')} {...form.getInputProps(`${path}.fixedCostSplit`)}>
        <Group mt="xs">
          <Radio value="by-quantity" label={t('purchasing.savings.splitByQuantity')} />
          <Radio value="equal" label={t('purchasing.savings.splitEqual')} />
        </Group>
      </Radio.Group>
    </>
  );
}
