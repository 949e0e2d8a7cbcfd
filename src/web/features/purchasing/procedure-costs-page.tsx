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
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureCostRecord } from '../../../domain/purchasing/api.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useProcedureCosts, useSaveProcedureCosts } from './api.ts';

type Draft = { procedure: ProcedureCostRecord['procedure']; cost: number | string; source: string; verified: boolean };

/**
 * The agency admins' table of procedure costs (issue 12, savings): what one procedure of each type costs a commune,
 * with where the figure comes from. A figure not checked stays « estimation à vérifier » wherever savings show it.
 */
export default function ProcedureCostsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const costs = useProcedureCosts();
  const save = useSaveProcedureCosts();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => {
    if (costs.data)
      setDrafts(costs.data.map(({ procedure, cost, source, verified }) => ({ procedure, cost, source, verified })));
  }, [costs.data]);
  if (costs.isPending) return <BlockSkeleton />;
  if (!costs.data) return <ErrorAlert error={costs.error} />;
  const set = (procedure: string, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d) => (d.procedure === procedure ? { ...d, ...patch } : d)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      drafts.map((d) => ({ ...d, cost: Number(d.cost || 0) })),
      { onSuccess: () => notify(t('purchasing.costs.saved')) },
    );
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('purchasing.costs.title')} description={t('purchasing.costs.intro')} />
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          {drafts.map((d) => {
            const record = costs.data.find((c) => c.procedure === d.procedure)!;
            return (
              <Card withBorder padding="md" key={d.procedure} component="section" aria-label={record.labelFr}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Title order={2} size="h4">
                      {record.labelFr}
                    </Title>
                    {d.verified ? (
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
                      value={d.cost}
                      onChange={(v) => set(d.procedure, { cost: v })}
                    />
                    <Checkbox
                      mt={{ sm: 'lg' }}
                      label={t('purchasing.costs.verified', { procedure: record.labelFr })}
                      checked={d.verified}
                      onChange={(e) => set(d.procedure, { verified: e.currentTarget.checked })}
                    />
                  </SimpleGrid>
                  <Textarea
                    label={t('purchasing.costs.source', { procedure: record.labelFr })}
                    autosize
                    minRows={2}
                    value={d.source}
                    onChange={(e) => set(d.procedure, { source: e.currentTarget.value })}
                  />
                  <Text size="xs" c="dimmed">
                    {record.stored && record.updatedAt
                      ? t('purchasing.costs.updatedAt', { date: formatDateTime(record.updatedAt, language) })
                      : t('purchasing.costs.seed')}
                  </Text>
                </Stack>
              </Card>
            );
          })}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('purchasing.costs.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
