import { Fieldset, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '../../../domain/strategy/project-sheets.ts';
import { horizonOptions } from './labels.ts';
import { type ProjectForm, useMoneyProps } from './project-form-values.ts';

/** Who carries the project, its status, costs, when it may start, how long it runs and how it spreads. */
export function ProjectPlanningFields({ form }: { form: ProjectForm }) {
  const { t } = useTranslation();
  const money = useMoneyProps();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('strategy.projects.fields.owner')}
          description={t('strategy.projects.fields.ownerHelp')}
          {...form.getInputProps('owner')}
        />
        <Select
          label={t('strategy.projects.fields.status')}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`strategy.statuses.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <NumberInput
          label={t('strategy.projects.fields.investmentCost')}
          description={t('strategy.projects.fields.vatIncluded')}
          {...money}
          {...form.getInputProps('investmentCost')}
        />
        <NumberInput
          label={t('strategy.projects.fields.runningCostPerYear')}
          description={t('strategy.projects.fields.vatIncluded')}
          {...money}
          {...form.getInputProps('runningCostPerYear')}
        />
        <Select
          label={t('strategy.projects.fields.earliestHorizon')}
          description={t('strategy.projects.fields.earliestHorizonHelp')}
          data={horizonOptions(t)}
          clearable
          placeholder={t('strategy.projects.fields.anyHorizon')}
          {...form.getInputProps('earliestHorizon')}
        />
        <NumberInput
          label={t('strategy.projects.fields.durationMonths')}
          min={1}
          max={84}
          suffix={` ${t('strategy.projects.months')}`}
          {...form.getInputProps('durationMonths')}
        />
      </SimpleGrid>
      <PhasingFieldset form={form} />
    </>
  );
}

/** The share of the investment in each horizon from the start one (empty: spread by the duration). */
function PhasingFieldset({ form }: { form: ProjectForm }) {
  const { t } = useTranslation();
  const shares = t('strategy.projects.fields.phasingShares', { returnObjects: true }) as string[];
  return (
    <Fieldset legend={t('strategy.projects.fields.phasing')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('strategy.projects.fields.phasingHelp')}
      </Text>
      <SimpleGrid cols={{ base: 3 }}>
        {[0, 1, 2].map((i) => (
          <NumberInput
            key={i}
            label={shares[i]}
            min={0}
            max={100}
            suffix=" %"
            {...form.getInputProps(`phasing.${i}`)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
