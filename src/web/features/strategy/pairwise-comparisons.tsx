import { Alert, Box, Grid, Slider, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AhpResult, CONSISTENCY_THRESHOLD, deriveAhpWeights } from '../../../domain/strategy/ahp.ts';
import { judgementToStep, mostInconsistentJudgement, stepToJudgement } from '../../../domain/strategy/ahp-advice.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { decimal, percent } from './labels.ts';

/** The upper triangle of the comparison matrix: row i holds a_i,i+1 … a_i,n. */
export type Triangle = number[][];

export function uniformTriangle(n: number): Triangle {
  return Array.from({ length: Math.max(0, n - 1) }, (_, i) => new Array<number>(n - 1 - i).fill(1));
}

/** Judgements that reproduce the given weights as well as Saaty's scale allows. */
export function triangleFromWeights(weights: readonly number[]): Triangle {
  return Array.from({ length: Math.max(0, weights.length - 1) }, (_, i) =>
    Array.from({ length: weights.length - 1 - i }, (_, k) => {
      const j = i + 1 + k;
      const ratio = weights[j]! > 0 && weights[i]! > 0 ? weights[i]! / weights[j]! : 1;
      return stepToJudgement(judgementToStep(ratio));
    }),
  );
}

export function fullMatrix(triangle: Triangle): number[][] {
  const n = triangle.length + 1;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  triangle.forEach((row, i) => {
    row.forEach((value, k) => {
      matrix[i]![i + 1 + k] = value;
      matrix[i + 1 + k]![i] = 1 / value;
    });
  });
  return matrix;
}

/** The AHP result of a triangle, or null when it cannot be computed (fewer than two criteria). */
export function ahpOf(triangle: Triangle): AhpResult | null {
  if (triangle.length === 0) return null;
  try {
    return deriveAhpWeights({ upperTriangle: triangle });
  } catch {
    return null;
  }
}

/** A judgement in words: position −8 … 8, left the first criterion more important, right the second. */
function useJudgementWords() {
  const { t } = useTranslation();
  return (a: string, b: string, position: number) => {
    const level = Math.abs(position) + 1;
    const intensity = t(`strategy.ahp.scale.${level}`);
    if (position === 0) return t('strategy.ahp.equal', { a, b });
    return position < 0
      ? t('strategy.ahp.moreImportant', { a, b, intensity, value: level })
      : t('strategy.ahp.moreImportant', { a: b, b: a, intensity, value: level });
  };
}

/**
 * Pairwise comparisons on Saaty's 1–9 scale, one slider per pair, said in words ("A est fortement plus important
 * que B"); the consistency ratio updates as the judgements move, with a warning above 0.10 and the judgement to
 * revisit first.
 */
export function PairwiseComparisons(props: {
  names: string[];
  triangle: Triangle;
  onChange(triangle: Triangle): void;
  disabled?: boolean;
}) {
  const { names, triangle } = props;
  const result = ahpOf(triangle);
  const pairs = triangle.flatMap((row, i) => row.map((value, k) => ({ key: `${i}:${i + 1 + k}`, i, k, value })));
  const set = (i: number, k: number, position: number) => {
    const next = triangle.map((row) => [...row]);
    next[i]![k] = stepToJudgement(-position);
    props.onChange(next);
  };
  return (
    <Stack gap="md">
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="ahp-pairs">
        {pairs.map(({ key, i, k, value }) => (
          <PairSlider
            key={key}
            a={names[i] ?? ''}
            b={names[i + 1 + k] ?? ''}
            position={-judgementToStep(value)}
            onChange={(v) => set(i, k, v)}
            disabled={props.disabled}
          />
        ))}
      </Stack>
      {result ? (
        <>
          <Consistency names={names} triangle={triangle} result={result} />
          <AhpWeightsTable names={names} weights={result.weights} />
        </>
      ) : null}
    </Stack>
  );
}

function PairSlider(props: { a: string; b: string; position: number; onChange(v: number): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const words = useJudgementWords();
  const { a, b, position } = props;
  return (
    <Box component="li" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Grid align="center" gap="sm">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Text size="sm" ta={{ base: 'left', sm: 'right' }} fw={position < 0 ? 700 : 400}>
            {a}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Slider
            min={-8}
            max={8}
            step={1}
            value={position}
            onChange={props.onChange}
            disabled={props.disabled}
            label={null}
            thumbLabel={t('strategy.ahp.thumb', { a, b })}
            thumbValueText={(v) => words(a, b, v)}
            marks={[-8, -6, -4, -2, 0, 2, 4, 6, 8].map((v) => ({ value: v }))}
            // A two-sided scale: no bar filled from the left end; the thumb alone gives the judgement.
            styles={{
              bar: { backgroundColor: 'transparent' },
              mark: { borderColor: 'var(--mantine-color-gray-4)' },
            }}
          />
          <Text size="xs" c="dimmed" ta="center" mt={4} aria-hidden="true">
            {words(a, b, position)}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Text size="sm" fw={position > 0 ? 700 : 400}>
            {b}
          </Text>
        </Grid.Col>
      </Grid>
    </Box>
  );
}

/** The consistency ratio, and when too high the judgement to revisit first. */
function Consistency({ names, triangle, result }: { names: string[]; triangle: Triangle; result: AhpResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useJudgementWords();
  const advice = mostInconsistentJudgement(fullMatrix(triangle), result.weights);
  const threshold = decimal(CONSISTENCY_THRESHOLD, language, 2);
  const said = (row: number, column: number, judgement: number) =>
    words(names[row] ?? '', names[column] ?? '', -judgementToStep(judgement));
  return (
    <Alert
      color={result.consistent ? 'green' : 'red'}
      variant="light"
      role="status"
      title={t(result.consistent ? 'strategy.ahp.consistentTitle' : 'strategy.ahp.inconsistentTitle', {
        cr: decimal(result.consistencyRatio, language, 3),
      })}
      data-testid="ahp-consistency"
    >
      {result.consistent
        ? t('strategy.ahp.consistentText', { threshold })
        : t('strategy.ahp.inconsistentText', { threshold })}
      {advice && !result.consistent ? (
        <Text size="sm" mt={6}>
          {t('strategy.ahp.advice', {
            judgement: said(advice.row, advice.column, advice.current),
            suggestion: said(advice.row, advice.column, advice.suggested),
          })}
        </Text>
      ) : null}
    </Alert>
  );
}

function AhpWeightsTable({ names, weights }: { names: string[]; weights: readonly number[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table withTableBorder maw={520}>
      <Table.Caption>{t('strategy.ahp.weightsCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('strategy.criteria.fields.name')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {t('strategy.criteria.fields.weight')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weights.map((w, i) => (
          <Table.Tr key={names[i]}>
            <Table.Td>{names[i]}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{percent(w, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
