import { Box, Grid, Paper, SegmentedControl, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
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

/** Which communes use which solutions, for a category or one solution, on the province map and as a table. */
export function AdoptionTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'category' | 'solution'>('category');
  const [value, setValue] = useState<string | null>(null);
  const adoption = useAdoption(kind, value ?? '');
  const boundaries = useBoundaries();
  const communes = useCommuneList();
  const solutions = useSolutions();
  const byCommune = new Map((adoption.data?.communes ?? []).map((c) => [c.communeNis, c.solutions]));
  const colourOf = (nis: string) => COLOURS[Math.min(2, byCommune.get(nis)?.length ?? 0)]!;
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  const subject =
    value === null
      ? t('catalogue.adoption.everything')
      : kind === 'category'
        ? categoryLabel(value, language)
        : (solutions.data?.find((s) => s.id === value)?.name ?? '');

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <ErrorAlert error={adoption.error ?? boundaries.error} />
        {boundaries.data ? (
          <Suspense fallback={<Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />}>
            <ProvinceMap
              collection={boundaries.data}
              layerId={`adoption:${kind}:${value}:${adoption.dataUpdatedAt}`}
              colourOf={(commune) => colourOf(commune.nisCode)}
              describe={(commune) => {
                const used = byCommune.get(commune.nisCode) ?? [];
                return {
                  title: commune.name,
                  detail: used.length ? used.map((s) => s.name).join(', ') : t('catalogue.adoption.noUse'),
                };
              }}
              onSelect={(nis) => void navigate(paths.commune.to(nis))}
              label={t('catalogue.adoption.mapLabel', { subject })}
              zoomInTitle={t('map.zoomIn')}
              zoomOutTitle={t('map.zoomOut')}
              height={MAP_HEIGHT}
            />
          </Suspense>
        ) : (
          <Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as 'category' | 'solution');
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
          {adoption.data ? (
            <Table data-testid="adoption-table">
              <Table.Caption>
                {t('catalogue.adoption.caption', { subject, count: adoption.data.communes.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.callOffs.commune')}</Table.Th>
                  <Table.Th>{t('catalogue.adoption.solutions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {adoption.data.communes.map((c) => (
                  <Table.Tr key={c.communeNis}>
                    <Table.Td>{nameOf(c.communeNis)}</Table.Td>
                    <Table.Td>
                      {c.solutions
                        .map(
                          (s) => `${s.name}${s.source === 'call-off' ? ` (${t('catalogue.adoption.ordered')})` : ''}`,
                        )
                        .join(', ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
