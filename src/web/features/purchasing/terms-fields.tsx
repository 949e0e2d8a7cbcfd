import { NumberInput, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field.tsx';

type TermsPath = 'launchDate' | 'initialMonths' | 'renewals' | 'renewalMonths';
type InputProps = ReturnType<UseFormReturnType<Record<string, unknown>>['getInputProps']>;

/** A scenario's terms: its launch date (which selects the thresholds), its initial term and its renewals. */
export function TermsFields(props: { inputProps: (path: TermsPath) => InputProps; initialRequired?: boolean }) {
  const { t } = useTranslation();
  const whole = { min: 0, max: 120, allowDecimal: false } as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <DateField label={t('purchasing.launchDate')} required {...props.inputProps('launchDate')} />
      <NumberInput
        label={t('purchasing.initialMonths')}
        required={props.initialRequired}
        {...whole}
        min={1}
        {...props.inputProps('initialMonths')}
      />
      <NumberInput label={t('purchasing.renewals')} {...whole} max={10} {...props.inputProps('renewals')} />
      <NumberInput label={t('purchasing.renewalMonths')} {...whole} {...props.inputProps('renewalMonths')} />
    </SimpleGrid>
  );
}
