import { Accordion, Badge, Box, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiagnosticResultsView, DimensionResult } from '../../../domain/diagnostic/results.ts';
import { ColumnHeadings } from '../../components/column-headings.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { DIMENSION_COLOURS, formatPercent, formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { BandBadge } from './results-comparison.tsx';
import { ScrollRegion } from './scroll-region.tsx';

function FactorTable({ dimension: d, results }: { dimension: DimensionResult; results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  return (
    <ScrollRegion minWidth={640} label={text.dimension(d.dimension, d.label)}>
      <Table>
        <ColumnHeadings
          columns={[
            { label: t('diagnostic.results.factor') },
            { label: t('diagnostic.results.score'), numeric: true },
            { label: t('diagnostic.results.band') },
            { label: t('diagnostic.results.agreement'), numeric: true },
            { label: t('diagnostic.results.range'), numeric: true },
            { label: t('diagnostic.results.n'), numeric: true },
          ]}
        />
        <Table.Tbody>
          {d.factors.map((f) => (
            <Table.Tr key={f.factorKey}>
              <Table.Td>
                {text.factor(f.factorKey, f.label)}
                {f.rural ? (
                  <Badge ml="xs" size="xs" variant="outline" color="#1f6e30">
                    {t('diagnostic.rural')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatScore(f.mean, language)}
              </Table.Td>
              <Table.Td>
                <BandBadge band={f.band} results={results} />
              </Table.Td>
              <Table.Td ta="right">{formatPercent(f.agreement, language)}</Table.Td>
              <Table.Td ta="right">
                {f.min === null ? '–' : `${formatScore(f.min, language)} – ${formatScore(f.max, language)}`}
              </Table.Td>
              <Table.Td ta="right">{f.n}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Maturity per factor, dimension by dimension, with the method note. */
export function FactorsSection({ results: data }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  return (
    <section aria-labelledby="factors-heading">
      <Title order={3} size="h4" id="factors-heading" mb="xs">
        {t('diagnostic.results.factorsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs" data-testid="method-note">
        {t('diagnostic.results.methodNote')}
      </Text>
      <Accordion variant="separated" multiple>
        {data.dimensions.map((d) => (
          <Accordion.Item key={d.dimension} value={d.dimension}>
            <Accordion.Control>
              <Group gap="sm">
                <Box w={10} h={10} style={{ borderRadius: 5, background: DIMENSION_COLOURS[d.dimension] }} />
                <Text fw={600}>{text.dimension(d.dimension, d.label)}</Text>
                <Text fw={700}>{formatScore(d.mean, language)}</Text>
                <BandBadge band={d.band} results={data} />
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {d.band ? (
                <Text size="sm" mb="xs">
                  {text.band(d.band).interpretation}
                </Text>
              ) : null}
              <FactorTable dimension={d} results={data} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </section>
  );
}

/** The questions the panel disagrees on most. */
export function DisagreementsSection({ results: data }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="disagreements-heading">
      <Title order={3} size="h4" id="disagreements-heading" mb="xs">
        {t('diagnostic.results.disagreementsTitle')}
      </Title>
      {data.disagreements.questions.length === 0 ? (
        <Text c="dimmed">{t('diagnostic.results.noDisagreement')}</Text>
      ) : (
        <ScrollRegion minWidth={640} label={t('diagnostic.results.disagreementsTitle')}>
          <Table striped>
            <ColumnHeadings
              columns={[
                { label: t('diagnostic.results.question') },
                { label: t('diagnostic.results.score'), numeric: true },
                { label: t('diagnostic.results.range'), numeric: true },
                { label: t('diagnostic.results.agreement'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {data.disagreements.questions.map((q) => (
                <Table.Tr key={q.questionKey}>
                  <Table.Td>{q.text}</Table.Td>
                  <Table.Td ta="right">{formatScore(q.mean, language)}</Table.Td>
                  <Table.Td ta="right">{`${formatScore(q.min, language, 0)} – ${formatScore(q.max, language, 0)}`}</Table.Td>
                  <Table.Td ta="right">{formatPercent(q.agreement, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** Each dimension's score by type of person heard, when more than one type was heard. */
export function ByTypeSection({ results: data }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (data.byIntervieweeType.length <= 1) return null;
  return (
    <section aria-labelledby="by-type-heading">
      <Title order={3} size="h4" id="by-type-heading" mb="xs">
        {t('diagnostic.results.byTypeTitle')}
      </Title>
      <ScrollRegion minWidth={640} label={t('diagnostic.results.byTypeTitle')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('diagnostic.interviews.type')}</Table.Th>
              {data.dimensions.map((d) => (
                <Table.Th scope="col" ta="right" key={d.dimension}>
                  {t(`diagnostic.dimensions.${d.dimension}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.byIntervieweeType.map((panel) => (
              <Table.Tr key={panel.type}>
                <Table.Th scope="row" fw={500}>
                  {t(`diagnostic.types.${panel.type}`)} ({panel.interviews})
                </Table.Th>
                {panel.dimensions.map((d) => (
                  <Table.Td ta="right" key={d.dimension}>
                    {formatScore(d.mean, language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </section>
  );
}
