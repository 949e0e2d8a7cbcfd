import {
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PortfolioProblem, RankProblem, type RankResult as RankResultType } from '../../../domain/strategy/schemas.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePortfolioCalculator, useRankCalculator } from './api.ts';
import { decimal } from './labels.ts';
import { PairwiseComparisons, type Triangle, uniformTriangle } from './pairwise-comparisons.tsx';

/** The AHP, PROMETHEE and portfolio calculators, on data typed in rather than a mission's. */
export function Calculators() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="calculators-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="calculators-heading">
          {t('strategy.calculators.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('strategy.calculators.intro')}
        </Text>
        <Tabs defaultValue="ahp" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="ahp">{t('strategy.calculators.ahp')}</Tabs.Tab>
            <Tabs.Tab value="rank">{t('strategy.calculators.rank')}</Tabs.Tab>
            <Tabs.Tab value="portfolio">{t('strategy.calculators.portfolio')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="ahp" pt="md">
            <AhpCalculator />
          </Tabs.Panel>
          <Tabs.Panel value="rank" pt="md">
            <JsonCalculator kind="rank" />
          </Tabs.Panel>
          <Tabs.Panel value="portfolio" pt="md">
            <JsonCalculator kind="portfolio" />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

function AhpCalculator() {
  const { t } = useTranslation();
  const [names, setNames] = useState<string[]>(() => [
    t('strategy.calculators.sampleCriteria.0'),
    t('strategy.calculators.sampleCriteria.1'),
    t('strategy.calculators.sampleCriteria.2'),
  ]);
  const [triangle, setTriangle] = useState<Triangle>(() => uniformTriangle(3));
  const resize = (n: number) => {
    const size = Math.max(2, Math.min(10, n));
    setNames(Array.from({ length: size }, (_, i) => names[i] ?? `${t('strategy.calculators.criterion')} ${i + 1}`));
    setTriangle(
      Array.from({ length: size - 1 }, (_, i) => Array.from({ length: size - 1 - i }, (_, k) => triangle[i]?.[k] ?? 1)),
    );
  };
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <NumberInput
          label={t('strategy.calculators.count')}
          min={2}
          max={10}
          value={names.length}
          onChange={(v) => resize(Number(v) || 2)}
          w={200}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {names.map((name, i) => (
          <TextInput
            // biome-ignore lint/suspicious/noArrayIndexKey: the criteria of the calculator are positions
            key={i}
            label={`${t('strategy.calculators.criterion')} ${i + 1}`}
            value={name}
            onChange={(e) => setNames(names.map((n, k) => (k === i ? e.currentTarget.value : n)))}
          />
        ))}
      </SimpleGrid>
      <PairwiseComparisons names={names} triangle={triangle} onChange={setTriangle} />
    </Stack>
  );
}

const EXAMPLES = {
  rank: {
    criteria: [
      { id: 'impact', direction: 'max', weight: 3, preference: { type: 'v-shape', p: 2 } },
      { id: 'cost', direction: 'min', weight: 2, preference: { type: 'linear', q: 5000, p: 50000 } },
      { id: 'risk', direction: 'min', weight: 1, preference: { type: 'usual' } },
    ],
    alternatives: [
      { id: 'wifi', values: { impact: 4, cost: 40000, risk: 2 } },
      { id: 'app', values: { impact: 3, cost: 60000, risk: 3 } },
      { id: 'sensors', values: { impact: 5, cost: 90000, risk: 4 } },
    ],
  },
  portfolio: {
    horizons: [
      { id: 'short', budget: 100000, valueFactor: 1 },
      { id: 'medium', budget: 100000, valueFactor: 0.85 },
      { id: 'long', budget: 80000, valueFactor: 0.7 },
    ],
    projects: [
      { id: 'fibre', value: 70, cost: 90000, mandatory: true },
      { id: 'wifi', value: 60, cost: 40000, requires: ['fibre'] },
      { id: 'app', value: 55, cost: 60000, excludes: ['kiosk'] },
      { id: 'kiosk', value: 40, cost: 50000 },
      { id: 'sensors', value: 65, cost: 90000, earliest: 'medium' },
    ],
  },
};

/** Reads the JSON typed in, checked with the calculator's schema: the problem, or what is wrong with it in words. */
function useJsonCalculator(kind: 'rank' | 'portfolio') {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(EXAMPLES[kind], null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const rank = useRankCalculator();
  const portfolio = usePortfolioCalculator();
  const run = () => {
    setProblem(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The parser's own words (« Unexpected token } in JSON at position 5 ») are not for the screen.
      setProblem(t('strategy.calculators.badJson'));
      return;
    }
    const schema = kind === 'rank' ? RankProblem : PortfolioProblem;
    const result = schema.safeParse(parsed);
    if (!result.success) {
      setProblem(
        result.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '—'} : ${i.message}`)
          .join(' ; '),
      );
      return;
    }
    if (kind === 'rank') rank.mutate(result.data as RankProblem);
    else portfolio.mutate(result.data as PortfolioProblem);
  };
  return { text, setText, problem, run, rank, portfolio, mutation: kind === 'rank' ? rank : portfolio };
}

function JsonCalculator({ kind }: { kind: 'rank' | 'portfolio' }) {
  const { t } = useTranslation();
  const calculator = useJsonCalculator(kind);
  const { rank, portfolio, mutation } = calculator;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t(`strategy.calculators.${kind}Help`)} <Code>{`POST /api/analysis/${kind}`}</Code> ·{' '}
        <Code>{`npx smart-rural analyse ${kind} --input ${kind === 'rank' ? 'problem' : 'portfolio'}.json`}</Code>
      </Text>
      <Textarea
        label={t('strategy.calculators.input')}
        autosize
        minRows={10}
        maxRows={24}
        value={calculator.text}
        onChange={(e) => calculator.setText(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
        error={calculator.problem}
      />
      <Group>
        <Button onClick={calculator.run} loading={mutation.isPending}>
          {t('strategy.calculators.run')}
        </Button>
      </Group>
      <ErrorAlert error={mutation.error} />
      {kind === 'rank' && rank.data ? <RankResult ranking={rank.data.ranking} /> : null}
      {kind === 'portfolio' && portfolio.data ? <PortfolioResult result={portfolio.data} /> : null}
    </Stack>
  );
}

function RankResult({ ranking }: { ranking: RankResultType['ranking'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table withTableBorder maw={640} data-testid="rank-result">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('strategy.ranking.rank')}</Table.Th>
          <Table.Th scope="col">id</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            φ
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            φ⁺
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            φ⁻
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ranking.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.rank}</Table.Td>
            <Table.Td>{r.id}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{decimal(r.phi, language)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{decimal(r.phiPlus, language)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{decimal(r.phiMinus, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PortfolioResult({ result }: { result: NonNullable<ReturnType<typeof usePortfolioCalculator>['data']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="xs" data-testid="portfolio-result">
      <Text>
        {t('strategy.calculators.portfolioResult', {
          status: t(`strategy.plan.status.${result.status}`),
          objective: result.objective === null ? '—' : decimal(result.objective, language, 2),
          greedy: decimal(result.greedyObjective, language, 2),
        })}
      </Text>
      <Table withTableBorder maw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">id</Table.Th>
            <Table.Th scope="col">{t('strategy.roadmap.horizon')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.plan.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.id}</Table.Td>
              <Table.Td>{p.horizon}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
