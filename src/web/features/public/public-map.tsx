import { Box, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useBoundaries } from '../../lib/communes-query.ts';

// Leaflet and the boundaries load after the page's text and figures: the front page stays light.
const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));

/** Five shades from « none » to « 4 or more », dark enough borders for the outlines to read. */
export const SHADES = ['#f1f3f5', '#c3e6cb', '#74c08a', '#2f9e57', '#1b6b3a'] as const;
export const shadeOf = (count: number) => SHADES[Math.min(count, 4)]!;

const HEIGHT = 460;

/**
 * The province map of the published projects: each commune coloured by how many match the filter; a click or Enter
 * opens the commune's programme.
 */
export function PublicProjectsMap(props: {
  counts: Map<string, number>;
  filterKey: string;
  label: string;
  /** i18n key of each commune's detail, with `count` */
  detailKey?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const boundaries = useBoundaries();
  if (boundaries.isError) return <ErrorAlert error={boundaries.error} />;
  if (!boundaries.data) return <Skeleton height={HEIGHT} aria-label={t('common.loading')} />;
  return (
    <Box>
      <Suspense fallback={<Skeleton height={HEIGHT} aria-label={t('common.loading')} />}>
        <ProvinceMap
          collection={boundaries.data}
          layerId={props.filterKey}
          colourOf={(commune) => shadeOf(props.counts.get(commune.nisCode) ?? 0)}
          describe={(commune) => ({
            title: commune.name,
            detail: t(props.detailKey ?? 'public.home.mapDetail', { count: props.counts.get(commune.nisCode) ?? 0 }),
          })}
          onSelect={(nis) => void navigate(paths.programme.to(nis))}
          label={props.label}
          zoomInTitle={t('map.zoomIn')}
          zoomOutTitle={t('map.zoomOut')}
          height={HEIGHT}
        />
      </Suspense>
      <Text size="sm" c="dimmed" mt="xs">
        {t('public.home.mapHelp')}
      </Text>
    </Box>
  );
}
