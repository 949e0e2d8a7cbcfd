import { Alert, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioAnalysis } from '../../../domain/purchasing/analysis.ts';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { formatDate, formatEuro } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { Figure } from './figure.tsx';

/**
 * What the whole framework agreement is worth over its term (options and renewals included), what that value
 * requires (European publication), lot by lot, with the lot-splitting rules and the thresholds nearby.
 */
export function ValueSection({ scenario, analysis }: { scenario: ScenarioDetail; analysis: ScenarioAnalysis }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (v: number) => formatEuro(v, language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="value">
      <Stack gap="sm">
        <Title order={2} size="h3" id="value">
          {t('purchasing.value')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('purchasing.estimatedValue')} value={euro(analysis.value.estimatedValue)} />
          <Figure label={t('purchasing.euThreshold')} value={euro(analysis.euThreshold)} />
          <Figure
            label={t('purchasing.term')}
            value={t('purchasing.termValue', {
              months: analysis.value.totalMonths,
              initial: scenario.initialMonths,
              count: scenario.renewals,
            })}
          />
        </SimpleGrid>
        <Alert
          color={analysis.europeanPublication.required ? 'orange' : 'rural'}
          variant="light"
          title={t(analysis.europeanPublication.required ? 'purchasing.joueRequired' : 'purchasing.joueNotRequired')}
        >
          {analysis.europeanPublication.reasonFr}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('purchasing.period', {
            from: formatDate(analysis.period.validFrom, language),
            to: formatDate(analysis.period.validTo, language),
            source: analysis.period.source,
          })}
        </Text>
        <LotValueTable analysis={analysis} />
        <LotRules analysis={analysis} />
      </Stack>
    </Paper>
  );
}

/** Amounts align right in a table, left once a phone stacks its rows. */
const RIGHT = { base: 'left', sm: 'right' } as const;

function LotValueTable({ analysis }: { analysis: ScenarioAnalysis }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (v: number) => formatEuro(v, language);
  return (
    <Table.ScrollContainer minWidth={620} className="stack-on-phone">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purchasing.lot')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.initial')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.renewalsAmount')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.options')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.estimatedValue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.value.lots.map((lot) => {
            const assessed = analysis.lots.find((l) => l.key === lot.key);
            return (
              <Table.Tr key={lot.key}>
                <Table.Td>
                  <Text fw={600}>{lot.label}</Text>
                  {assessed ? (
                    <Text size="xs" c="dimmed">
                      {assessed.messageFr}
                    </Text>
                  ) : null}
                  {assessed?.smallLot ? (
                    <Badge variant="outline" color="grape.9" mt={4}>
                      {t('purchasing.smallLot')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td ta={RIGHT} data-label={t('purchasing.initial')}>
                  {euro(lot.initialAmount)}
                </Table.Td>
                <Table.Td ta={RIGHT} data-label={t('purchasing.renewalsAmount')}>
                  {euro(lot.renewalsAmount)}
                </Table.Td>
                <Table.Td ta={RIGHT} data-label={t('purchasing.options')}>
                  {euro(lot.optionsAmount)}
                </Table.Td>
                <Table.Td ta={RIGHT} fw={600} data-label={t('purchasing.estimatedValue')}>
                  {euro(lot.estimatedValue)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Lot splitting, the « small lots » exception when it applies, values near a threshold and other warnings. */
function LotRules({ analysis }: { analysis: ScenarioAnalysis }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{analysis.lotSplittingFr}</Text>
      {analysis.smallLots.messageFr ? (
        <Text size="sm">
          {analysis.smallLots.messageFr}{' '}
          <Text span c="dimmed" size="xs">
            ({analysis.smallLots.legalBasis.citation}
            {analysis.smallLots.legalBasis.verified ? '' : ` — ${t('purchasing.unverified')}`})
          </Text>
        </Text>
      ) : null}
      {[...analysis.nearThresholds.map((n) => n.messageFr), ...analysis.warningsFr].map((w) => (
        <Alert key={w} color="yellow" variant="light" title={t('purchasing.attention')}>
          {w}
        </Alert>
      ))}
    </>
  );
}
