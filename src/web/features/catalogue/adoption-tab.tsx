import { Box, Grid, Paper, SegmentedControl, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Adoption } from '../../../domain/catalogue/adoption.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useBoundaries, useCommuneList } from '../../lib/communes-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAdoption, useSolutions } from './api.ts';
import { categoryLabel, categoryOptions } from './labels.ts';

const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));
const MAP_HEIGHT = 480;
/** No use, one solution, two or more: light to dark green, with enough contrast against the borders. */
const COLOURS = ['#eef1ef', '#9fd3a8', '#2f8f4e'] as const;

type Kind = 'category' | 'solution';

/** Which communes use which solutions, for a category or one solution, on the province map and as a table. */
export function AdoptionTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<Kind>('category');
  const [value, setValue] = useState<string | null>(null);
  const adoption = useAdoption(kind, value ?? '');
  const solutions = useSolutions();
  const subject =
    value === null
      ? t('catalogue.adoption.everything')
      : kind === 'category'
        ? categoryLabel(value, language)
        : (solutions.data?.find((s) => s.id === value)?.name ?? '');

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <AdoptionMap
          adoption={adoption.data}
          error={adoption.error}
          layerId={`adoption:${kind}:${value}:${adoption.dataUpdatedAt}`}
          subject={subject}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              setValue(null);
            }}
            data={[
              { value: 'category', label: t('catalogue.adoption.byCategory') },
              { value: 'solution', label: t('catalogue.adoption.bySolution') },
            ]}
            aria-label={t('catalogue.adoption.mode')}
          />
          <Select
            label={kind === 'category' ? t('catalogue.adoption.category') : t('catalogue.adoption.solution')}
            placeholder={t('catalogue.adoption.everything')}
            data={
              kind === 'category'
                ? categoryOptions(language)
                : (solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))
            }
            value={value}
            onChange={setValue}
            searchable
            clearable
          />
          <AdoptionLegend />
          {adoption.data ? <AdoptionTable adoption={adoption.data} subject={subject} /> : null}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The province map, each commune coloured by how many of the solutions it uses; a click opens the commune. */
function AdoptionMap(props: { adoption: Adoption | undefined; error: unknown; layerId: string; subject: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const boundaries = useBoundaries();
  const byCommune = new Map((props.adoption?.communes ?? []).map((c) => [c.communeNis, c.solutions]));
  const colourOf = (nis: string) => COLOURS[Math.min(2, byCommune.get(nis)?.length ?? 0)]!;
  return (
    <>
      <ErrorAlert error={props.error ?? boundaries.error} />
      {boundaries.data ? (
        <Suspense fallback={<Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />}>
          <ProvinceMap
            collection={boundaries.data}
            layerId={props.layerId}
            colourOf={(commune) => colourOf(commune.nisCode)}
            describe={(commune) => {
              const used = byCommune.get(commune.nisCode) ?? [];
              return {
                title: commune.name,
                detail: used.length ? used.map((s) => s.name).join(', ') : t('catalogue.adoption.noUse'),
              };
            }}
            onSelect={(nis) => void navigate(paths.commune.to(nis))}
            label={t('catalogue.adoption.mapLabel', { subject: props.subject })}
            zoomInTitle={t('map.zoomIn')}
            zoomOutTitle={t('map.zoomOut')}
            height={MAP_HEIGHT}
          />
        </Suspense>
      ) : (
        <Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />
      )}
    </>
  );
}

function AdoptionLegend() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-labelledby="adoption-legend">
      <Title order={3} size="h6" id="adoption-legend" mb={4}>
        {t('catalogue.adoption.legend')}
      </Title>
      {(['none', 'one', 'several'] as const).map((key, i) => (
        <Box key={key} style={{ display: 'flex', alignItems: 'center', gap: 8 }} py={2}>
          <Box aria-hidden="true" w={22} h={14} style={{ background: COLOURS[i], border: '1px solid #3f474d' }} />
          <Text size="sm">{t(`catalogue.adoption.${key}`)}</Text>
        </Box>
      ))}
    </Paper>
  );
}

/** The communes and the solutions each uses, those ordered under an agreement marked. */
function AdoptionTable({ adoption, subject }: { adoption: Adoption; subject: string }) {
  const { t } = useTranslation();
  const communes = useCommuneList();
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  return (
    <Table data-testid="adoption-table">
      <Table.Caption>{t('catalogue.adoption.caption', { subject, count: adoption.communes.length })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('catalogue.callOffs.commune')}</Table.Th>
          <Table.Th>{t('catalogue.adoption.solutions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {adoption.communes.map((c) => (
          <Table.Tr key={c.communeNis}>
            <Table.Td>{nameOf(c.communeNis)}</Table.Td>
            <Table.Td>
              {c.solutions
                .map((s) => `${s.name}${s.source === 'call-off' ? ` (${t('catalogue.adoption.ordered')})` : ''}`)
                .join(', ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
