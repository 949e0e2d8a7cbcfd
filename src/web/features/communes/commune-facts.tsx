import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommuneDetail } from '../../../domain/communes/commune.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { CommuneLinks } from '../../components/commune-links.tsx';
import { Fact } from '../../components/fact.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { OfficialDesignationFact } from './commune-designation.tsx';

export function KeyFacts({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unit = t('units.perKm2');
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" m={0} data-testid="commune-facts">
        <Fact bold label={t('communes.nisCode')}>
          {commune.nisCode}
        </Fact>
        <Fact bold label={t('communes.arrondissement')}>
          {commune.arrondissement}
        </Fact>
        <Fact bold label={t('communes.population')}>
          {commune.population === null
            ? '—'
            : t('communes.populationWithYear', {
                population: formatNumber(commune.population, language),
                year: commune.populationYear ?? '—',
              })}
        </Fact>
        <Fact bold label={t('communes.areaLabel')}>
          {commune.areaKm2 === null ? '—' : `${formatNumber(commune.areaKm2, language, 2)} km²`}
        </Fact>
        <Fact bold label={t('communes.densityLabel')}>
          {commune.densityPerKm2 === null ? '—' : `${formatNumber(commune.densityPerKm2, language, 1)} ${unit}`}
        </Fact>
        <Fact bold label={t('communes.designation.label')}>
          <OfficialDesignationFact commune={commune} />
        </Fact>
        {commune.nameNl && commune.nameNl !== commune.name ? (
          <Fact bold label={t('communes.nameNl')}>
            <span lang="nl">{commune.nameNl}</span>
          </Fact>
        ) : null}
      </SimpleGrid>
      {commune.absorbedCommunes.length > 0 ? (
        <Text data-testid="merged-from">
          {t('communes.mergedFromSentence')} <CommuneLinks communes={commune.absorbedCommunes} />.
        </Text>
      ) : null}
      {commune.mergedIntoCommune ? (
        <Text data-testid="merged-into">
          {t('communes.mergedIntoSentence', { date: commune.mergedOn ? formatDate(commune.mergedOn, language) : '—' })}{' '}
          <Anchor component={Link} to={paths.commune.to(commune.mergedIntoCommune.nisCode)}>
            {commune.mergedIntoCommune.name}
          </Anchor>
          .
        </Text>
      ) : null}
    </Stack>
  );
}
