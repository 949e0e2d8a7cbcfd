import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FUNDING_STATUSES } from '../../../domain/strategy/funding.ts';
import { emptyFundingRow, type ProjectForm, useMoneyProps } from './project-form-values.ts';

/** The funding sources, one row each (rows without a name are not sent), with a button to add one. */
export function ProjectFundingFields({ form }: { form: ProjectForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('strategy.projects.fields.funding')}>
      <Stack gap="xs">
        {form.values.funding.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form list have no identity of their own
          <FundingRowFields key={i} form={form} index={i} />
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('funding', emptyFundingRow())}>
            {t('strategy.projects.fields.fundingAdd')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function FundingRowFields({ form, index: i }: { form: ProjectForm; index: number }) {
  const { t } = useTranslation();
  const money = useMoneyProps();
  return (
    <Group align="flex-end" wrap="wrap" gap="xs">
      <TextInput
        label={t('strategy.projects.fields.fundingName')}
        placeholder={t('strategy.projects.fields.fundingNamePlaceholder')}
        style={{ flex: '2 1 12rem' }}
        {...form.getInputProps(`funding.${i}.name`)}
      />
      <Select
        label={t('strategy.projects.fields.fundingStatus')}
        data={FUNDING_STATUSES.map((value) => ({ value, label: t(`strategy.projects.fundingStatus.${value}`) }))}
        allowDeselect={false}
        style={{ flex: '1 1 8rem' }}
        {...form.getInputProps(`funding.${i}.status`)}
      />
      <NumberInput
        label={t('strategy.projects.fields.fundingRate')}
        min={0}
        max={100}
        suffix=" %"
        style={{ flex: '1 1 6rem' }}
        {...form.getInputProps(`funding.${i}.rate`)}
      />
      <NumberInput
        label={t('strategy.projects.fields.fundingAmount')}
        {...money}
        style={{ flex: '1 1 8rem' }}
        {...form.getInputProps(`funding.${i}.amount`)}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        mb={2}
        aria-label={t('strategy.projects.fields.fundingRemove')}
        onClick={() => form.removeListItem('funding', i)}
      >
        ×
      </ActionIcon>
    </Group>
  );
}
