import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ProcedureCostRecord } from '../../../domain/purchasing/api.ts';
import { ProcedureCostTable } from '../../../domain/purchasing/savings.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useProcedureCosts, useSaveProcedureCosts } from './api.ts';

type Row = { procedure: ProcedureCostRecord['procedure']; cost: number | string; source: string; verified: boolean };
type Values = { rows: Row[] };

/** The table the admins send, under `rows` so that a refused cost lands on its input. */
const CostsForm = z.strictObject({ rows: ProcedureCostTable });

/**
 * The agency admins' table of procedure costs (issue 12, savings): what one procedure of each type costs a commune,
 * with where the figure comes from. A figure not checked stays « estimation à vérifier » wherever savings show it.
 */
export default function ProcedureCostsPage() {
  const { t } = useTranslation();
  const costs = useProcedureCosts();
  return (
    <Stack gap="lg">
      <PageHeader title={t('purchasing.costs.title')} description={t('purchasing.costs.intro')} />
      {costs.isPending ? (
        <BlockSkeleton />
      ) : costs.data ? (
        <CostsEditor records={costs.data} />
      ) : (
        <ErrorAlert error={costs.error} />
      )}
    </Stack>
  );
}

function CostsEditor({ records }: { records: ProcedureCostRecord[] }) {
  const { t } = useTranslation();
  const save = useSaveProcedureCosts();
  const { form, submit } = useSchemaForm({
    schema: CostsForm,
    initialValues: {
      rows: records.map(({ procedure, cost, source, verified }): Row => ({ procedure, cost, source, verified })),
    } as Values,
    toInput: (values) => ({ rows: values.rows.map((row) => ({ ...row, cost: numberOf(row.cost) })) }),
  });
  const onSubmit = submit((input, callbacks) =>
    save.mutate(input.rows, { ...callbacks, onSuccess: () => notify(t('purchasing.costs.saved')) }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrorSummary errors={form.errors} />
        <ErrorAlert error={save.error} />
        {records.map((record, index) => (
          <CostCard key={record.procedure} form={form} index={index} record={record} />
        ))}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('purchasing.costs.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One procedure type: its cost, whether the figure was checked, and its source. */
function CostCard({
  form,
  index,
  record,
}: {
  form: UseFormReturnType<Values>;
  index: number;
  record: ProcedureCostRecord;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const verified = form.getValues().rows[index]?.verified ?? false;
  return (
    <Card withBorder padding="md" component="section" aria-label={record.labelFr}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {record.labelFr}
          </Title>
          {verified ? (
            <Badge variant="outline" color="teal.9">
              {t('purchasing.costs.verifiedBadge')}
            </Badge>
          ) : (
            <Badge variant="outline" color="#9a3412">
              {t('purchasing.savings.toVerify')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('purchasing.costs.cost', { procedure: record.labelFr })}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            decimalSeparator=","
            suffix=" €"
            {...form.getInputProps(`rows.${index}.cost`)}
          />
          <Checkbox
            mt={{ sm: 'lg' }}
            label={t('purchasing.costs.verified', { procedure: record.labelFr })}
            {...form.getInputProps(`rows.${index}.verified`, { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Textarea
          label={t('purchasing.costs.source', { procedure: record.labelFr })}
          autosize
          minRows={2}
          {...form.getInputProps(`rows.${index}.source`)}
        />
        <Text size="xs" c="dimmed">
          {record.stored && record.updatedAt
            ? t('purchasing.costs.updatedAt', { date: formatDateTime(record.updatedAt, language) })
            : t('purchasing.costs.seed')}
        </Text>
      </Stack>
    </Card>
  );
}
