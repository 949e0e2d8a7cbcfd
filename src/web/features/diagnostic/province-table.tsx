import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProvinceDiagnostic, ProvinceOverview } from '../../../domain/diagnostic/results.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { paths } from '../../app/paths.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';

/** Which comparison each group of communes (same guide) allows: z-scores, or only indicative. */
export function BenchmarkNotes({ overview }: { overview: ProvinceOverview }) {
  const { t } = useTranslation();
  return (
    <>
      {(overview.benchmark?.groups ?? []).map((g) => (
        <Text size="sm" c="dimmed" mb="xs" key={g.guideKey} data-testid="province-benchmark">
          {t(g.method === 'z_scores' ? 'diagnostic.province.benchmarkZ' : 'diagnostic.province.benchmarkIndicative', {
            guide: g.guideTitle,
            communes: g.communes,
            minimum: overview.benchmark?.minimum ?? 0,
          })}
        </Text>
      ))}
    </>
  );
}

function CommuneRow({ c }: { c: ProvinceDiagnostic }) {
  const language = useLanguage();
  const text = useGuideText();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`${paths.missionDiagnostic.to(c.missionId)}?view=results`}>
          {c.communeName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {c.missionTitle}
        </Text>
      </Table.Th>
      <Table.Td ta="right">{c.interviews}</Table.Td>
      <Table.Td ta="right" fw={700}>
        {formatScore(c.overall, language)}{' '}
        {c.band ? (
          <Text span size="xs" c="dimmed">
            {text.band(c.band).label}
          </Text>
        ) : null}
      </Table.Td>
      {DIMENSIONS.map((d) => (
        <Table.Td
          ta="right"
          key={d}
          title={c.zScores[d] === null ? undefined : `z = ${formatScore(c.zScores[d], language, 2)}`}
        >
          {formatScore(c.dimensions[d], language)}
          {c.zScores[d] === null ? null : (
            <Text span size="xs" c="dimmed">
              {' '}
              (z {formatScore(c.zScores[d], language, 1)})
            </Text>
          )}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** The diagnosed communes: interviews, overall maturity and band, each dimension with its z-score. */
export function DiagnosedCommunesTable({ communes }: { communes: ProvinceDiagnostic[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="diagnosed-communes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diagnostic.province.commune')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('diagnostic.province.interviews')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('diagnostic.province.overall')}
            </Table.Th>
            {DIMENSIONS.map((d) => (
              <Table.Th scope="col" ta="right" key={d}>
                {t(`diagnostic.dimensions.${d}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((c) => (
            <CommuneRow key={c.nisCode} c={c} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
