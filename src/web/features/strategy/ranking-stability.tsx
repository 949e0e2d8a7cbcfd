import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RankingAnalysis } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { decimal } from './labels.ts';

/** How far each weight may move before the top of the ranking (or all of it) changes. */
export function Stability(props: {
  analysis: RankingAnalysis;
  criterionName: Map<string, string>;
  topK: string;
  onTopK(value: string): void;
}) {
  const { t } = useTranslation();
  const { analysis } = props;
  const k = analysis.stability.topK;
  const scope = k === null ? t('strategy.stability.whole') : t('strategy.stability.top', { count: k });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="stability-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h3" id="stability-heading">
              {t('strategy.stability.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={760}>
              {t('strategy.stability.intro')}
            </Text>
          </div>
          <Select
            label={t('strategy.stability.keep')}
            data={[
              { value: '3', label: t('strategy.stability.top', { count: 3 }) },
              { value: '5', label: t('strategy.stability.top', { count: 5 }) },
              { value: '10', label: t('strategy.stability.top', { count: 10 }) },
              { value: '0', label: t('strategy.stability.whole') },
            ]}
            value={props.topK}
            onChange={(v) => v && props.onTopK(v)}
            allowDeselect={false}
            w={200}
          />
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="stability-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('strategy.criteria.fields.name')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('strategy.stability.weight')}
                </Table.Th>
                <Table.Th scope="col" style={{ width: 220 }}>
                  {t('strategy.stability.interval')}
                </Table.Th>
                <Table.Th scope="col">{t('strategy.stability.reading')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysis.stability.intervals.map((interval) => (
                <StabilityRow
                  key={interval.criterionId}
                  interval={interval}
                  name={props.criterionName.get(interval.criterionId) ?? interval.criterionId}
                  scope={scope}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function IntervalBar({ low, high, weight }: { low: number; high: number; weight: number }) {
  return (
    <div style={{ position: 'relative', height: 12, background: 'var(--mantine-color-gray-1)', borderRadius: 2 }}>
      <div
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          left: `${low * 100}%`,
          width: `${Math.max(0.5, (high - low) * 100)}%`,
          background: 'var(--mantine-color-rural-2)',
        }}
      />
      <div
        style={{
          position: 'absolute',
          top: -2,
          bottom: -2,
          left: `calc(${weight * 100}% - 1px)`,
          width: 3,
          background: 'var(--mantine-color-rural-8)',
        }}
      />
    </div>
  );
}

type Interval = RankingAnalysis['stability']['intervals'][number];

function StabilityRow({ interval, name, scope }: { interval: Interval; name: string; scope: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tight = interval.high - interval.low < 0.02;
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{decimal(interval.weight, language, 2)}</Table.Td>
      <Table.Td aria-hidden="true">
        <IntervalBar low={interval.low} high={interval.high} weight={interval.weight} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('strategy.stability.sentence', {
            low: decimal(interval.low, language, 2),
            high: decimal(interval.high, language, 2),
            scope,
          })}
        </Text>
        {tight ? (
          <Badge size="xs" color="orange" variant="light">
            {t('strategy.stability.sensitive')}
          </Badge>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
