import { Group, Paper, Select, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOLUTION_STATUSES, type Solution, type SolutionStatus } from '../../../domain/catalogue/solutions.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useUpdateSolution } from './api.ts';
import { comparisonTable } from './labels.ts';

/** What a buyer reads of a solution, fact by fact. */
export function Facts({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const communes = useCommuneList();
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  const rows = comparisonTable(t, [solution], language);
  return (
    <Paper withBorder p={0} component="section" aria-labelledby="facts-title">
      <Title order={2} size="h4" id="facts-title" p="sm">
        {t('catalogue.solution.facts')}
      </Title>
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" w="40%">
                {row.label}
              </Table.Th>
              <Table.Td>
                {row.key === 'usedBy' ? solution.usedBy.map(nameOf).join(', ') || '—' : row.values[0]}
              </Table.Td>
            </Table.Tr>
          ))}
          {solution.pricing.details ? (
            <Table.Tr>
              <Table.Th scope="row">{t('catalogue.solution.priceDetails')}</Table.Th>
              <Table.Td>{solution.pricing.details}</Table.Td>
            </Table.Tr>
          ) : null}
          {solution.pricing.tiers.map((tier) => (
            <Table.Tr key={tier.label}>
              <Table.Th scope="row">{tier.label}</Table.Th>
              <Table.Td>{formatEuro(tier.price, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Agency staff move a solution between statuses (watch → evaluated → listed → withdrawn). */
export function StatusEditor({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const update = useUpdateSolution();
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <Select
          label={t('catalogue.solution.status')}
          data={SOLUTION_STATUSES.map((v) => ({ value: v, label: t(`catalogue.status.${v}`) }))}
          value={solution.status}
          allowDeselect={false}
          onChange={(value) =>
            value &&
            update.mutate(
              { id: solution.id, patch: { status: value as SolutionStatus } },
              { onSuccess: () => notify(t('catalogue.solution.statusChanged')) },
            )
          }
        />
      </Group>
      <ErrorAlert error={update.error} />
    </Paper>
  );
}
