import { Button, Fieldset, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { SolutionFormValues } from './solution-form-values.ts';

const MAX_TIERS = 20;

/** The price tiers of a solution: one row each (who it applies to, its price, up to which quantity). */
export function PriceTiersField({ form }: { form: UseFormReturnType<SolutionFormValues> }) {
  const { t } = useTranslation();
  const tiers = form.values.tiers;
  return (
    <Fieldset legend={t('catalogue.edit.tiers')} variant="filled">
      <Stack gap="xs">
        {tiers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('catalogue.edit.noTier')}
          </Text>
        ) : null}
        {tiers.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
          <Group key={i} align="flex-end" wrap="wrap">
            <TextInput
              label={t('catalogue.edit.tierLabel', { n: i + 1 })}
              placeholder={t('catalogue.edit.tierLabelExample')}
              style={{ flex: 1 }}
              required
              {...form.getInputProps(`tiers.${i}.label`)}
            />
            <NumberInput
              label={t('catalogue.edit.tierPrice', { n: i + 1 })}
              min={0}
              decimalScale={2}
              w={180}
              required
              {...form.getInputProps(`tiers.${i}.price`)}
            />
            <NumberInput
              label={t('catalogue.edit.tierUpTo', { n: i + 1 })}
              description={t('catalogue.edit.tierUpToHelp')}
              min={0}
              allowDecimal={false}
              thousandSeparator=" "
              w={180}
              {...form.getInputProps(`tiers.${i}.upTo`)}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => form.removeListItem('tiers', i)}
              aria-label={t('catalogue.edit.removeTier', { n: i + 1 })}
            >
              {t('catalogue.images.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => form.insertListItem('tiers', { label: '', price: '', upTo: '' })}
            disabled={tiers.length >= MAX_TIERS}
          >
            {t('catalogue.edit.addTier')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
