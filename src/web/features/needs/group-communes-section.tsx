import { Grid, Skeleton, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GroupDetail } from '../../../domain/mutualisation/api.ts';
import { formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { useBoundaries } from '../../lib/communes-query.ts';
import { useLanguage } from '../../lib/use-language.ts';

const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));
const MAP_HEIGHT = 380;
const IN_GROUP = '#1f7a7c';
const OUTSIDE = '#e4e7e5';

/** Where the group's communes are (map), and their population, needs and budgets (what the caller may read). */
export function CommunesSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <CommunesMap group={group} onSelect={(nis) => void navigate(paths.commune.to(nis))} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={t('needs.group.communesLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.group.population')}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.group.needs')}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.budget')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.communes.map((c) => (
                <Table.Tr key={c.nisCode}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {c.population === null ? '—' : formatNumber(c.population, language)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{c.needCount}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {c.budget === null ? (
                      <Text span size="sm" c="dimmed">
                        {t('needs.group.notShown')}
                      </Text>
                    ) : (
                      formatEuro(c.budget, language)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('needs.savings.total')}</Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{formatNumber(group.totals.population, language)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{group.needCount}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {group.totals.budget === null ? '—' : formatEuro(group.totals.budget, language)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Grid.Col>
    </Grid>
  );
}

function CommunesMap({ group, onSelect }: { group: GroupDetail; onSelect(nis: string): void }) {
  const { t } = useTranslation();
  const boundaries = useBoundaries();
  const inGroup = new Map(group.communes.map((c) => [c.nisCode, c]));
  if (!boundaries.data) return <Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />;
  return (
    <Suspense fallback={<Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />}>
      <ProvinceMap
        collection={boundaries.data}
        layerId={`group:${group.id}:${group.communes.length}`}
        colourOf={(commune) => (inGroup.has(commune.nisCode) ? IN_GROUP : OUTSIDE)}
        describe={(commune) => ({
          title: commune.name,
          detail: inGroup.has(commune.nisCode)
            ? t('needs.group.mapIn', { needs: inGroup.get(commune.nisCode)!.needCount })
            : t('needs.group.mapOut'),
        })}
        onSelect={onSelect}
        label={t('needs.group.mapLabel', { label: group.label })}
        zoomInTitle={t('map.zoomIn')}
        zoomOutTitle={t('map.zoomOut')}
        height={MAP_HEIGHT}
      />
    </Suspense>
  );
}
