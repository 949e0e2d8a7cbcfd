import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Consumption } from '../../../domain/catalogue/agreements.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';

/** How much of a ceiling was ordered: a bar and the figures, or the ordered amount alone without a ceiling. */
export function ConsumptionBar({ consumption, label }: { consumption: Consumption; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (consumption.ceiling === null) {
    return (
      <Text size="sm">
        {label} : {t('catalogue.agreements.orderedNoCeiling', { ordered: formatEuro(consumption.ordered, language) })}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Progress value={Math.min(100, (consumption.share ?? 0) * 100)} aria-label={label} />
      <Text size="xs" c="dimmed">
        {t('catalogue.agreements.ordered', {
          ordered: formatEuro(consumption.ordered, language),
          ceiling: formatEuro(consumption.ceiling, language),
        })}
      </Text>
    </Stack>
  );
}
