import { Button, Card, Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import type { ScenarioSavings } from '../../../domain/purchasing/savings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useSaveSavings } from './api.ts';
import {
  AssumptionsForm as AssumptionsSchema,
  type AssumptionsValues,
  assumptionsOf,
  assumptionsValuesOf,
  formInputOf,
} from './assumptions-values.ts';
import { PriceModelEditor } from './price-model-editor.tsx';

const money = { min: 0, decimalScale: 2, thousandSeparator: ' ', decimalSeparator: ',', suffix: ' €' } as const;

/** Agency staff's edit of a scenario's savings assumptions: the fee, its own procedure costs, each lot's price model. */
export function AssumptionsForm({
  scenario,
  costs,
}: {
  scenario: ScenarioDetail;
  costs: ScenarioSavings['costsUsed'];
}) {
  const { t } = useTranslation();
  const save = useSaveSavings(scenario.id);
  const { form, submit } = useSchemaForm({
    schema: AssumptionsSchema,
    initialValues: assumptionsValuesOf(scenario),
    toInput: formInputOf,
  });
  const onSubmit = submit((input, callbacks) =>
    save.mutate(assumptionsOf(input, scenario.lots), {
      ...callbacks,
      onSuccess: () => notify(t('purchasing.savings.saved')),
    }),
  );
  return (
    <Card withBorder padding="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('purchasing.savings.edit')}
          </Title>
          <FormErrorSummary errors={form.errors} />
          <ErrorAlert error={save.error} />
          <FeeFields form={form} />
          <Text size="sm" fw={600}>
            {t('purchasing.savings.overridesTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {costs.map((c) => (
              <NumberInput
                key={c.procedure}
                label={t('purchasing.savings.overrideOf', { procedure: c.labelFr })}
                description={t('purchasing.savings.overrideHelp')}
                {...money}
                {...form.getInputProps(`overrides.${c.procedure}`)}
                value={form.getValues().overrides[c.procedure] ?? ''}
              />
            ))}
          </SimpleGrid>
          {scenario.lots.map((lot, index) => (
            <PriceModelEditor key={lot.key} form={form} index={index} lot={lot} />
          ))}
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

/** The central purchasing body's fee: none, a rate of what each commune buys, or one amount shared. */
function FeeFields({ form }: { form: UseFormReturnType<AssumptionsValues> }) {
  const { t } = useTranslation();
  const kind = form.getValues().fee.kind;
  return (
    <>
      <Radio.Group label={t('purchasing.savings.feeKind')} {...form.getInputProps('fee.kind')}>
        <Group mt="xs">
          <Radio value="none" label={t('purchasing.savings.feeNone')} />
          <Radio value="rate" label={t('purchasing.savings.feeRate')} />
          <Radio value="amount" label={t('purchasing.savings.feeAmount')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {kind === 'rate' ? (
          <NumberInput
            label={t('purchasing.savings.ratePercent')}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            suffix=" %"
            {...form.getInputProps('fee.ratePercent')}
          />
        ) : null}
        {kind === 'amount' ? (
          <NumberInput label={t('purchasing.savings.feeTotal')} {...money} {...form.getInputProps('fee.amount')} />
        ) : null}
        {kind !== 'none' ? (
          <TextInput label={t('purchasing.savings.feeNote')} {...form.getInputProps('feeNote')} />
        ) : null}
      </SimpleGrid>
    </>
  );
}
