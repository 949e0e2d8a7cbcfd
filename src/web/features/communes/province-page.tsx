import { Box, Grid, Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useBoundaries, useCommuneList } from '../../lib/communes-query.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { BoundaryProperties } from './api.ts';
import { buildChoropleth, type Choropleth } from './choropleth.ts';
import { CommunesTable } from './communes-table.tsx';
import { type ChoroplethLayer, provinceLayers } from './map-layers.ts';
import { PendingDesignations } from './pending-designations.tsx';

// Leaflet is only downloaded for pages with a map.
const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));

const MAP_HEIGHT = 540;

function MapPanel() {
  const language = useLanguage();
  const boundaries = useBoundaries();
  const [layerId, setLayerId] = useState(provinceLayers[0]!.id);
  const layer = provinceLayers.find((l) => l.id === layerId) ?? provinceLayers[0]!;

  const choropleth = useMemo(
    () =>
      buildChoropleth(
        (boundaries.data?.features ?? []).map((f) => layer.valueOf(f.properties)),
        (value) => layer.format(value, language),
      ),
    [boundaries.data, layer, language],
  );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <MapView boundaries={boundaries} layer={layer} choropleth={choropleth} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <LayerPanel layer={layer} onLayerChange={setLayerId} choropleth={choropleth} />
      </Grid.Col>
    </Grid>
  );
}

type MapViewProps = {
  boundaries: ReturnType<typeof useBoundaries>;
  layer: ChoroplethLayer;
  choropleth: Choropleth;
};

/** The communes coloured by the layer's figure; choosing one opens its page. */
function MapView({ boundaries, layer, choropleth }: MapViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const config = usePublicConfig();
  const unit = t(layer.unitKey);
  const describe = (commune: BoundaryProperties) => {
    const value = layer.valueOf(commune);
    return {
      title: commune.name,
      detail: value === null ? t('map.noData') : `${t(layer.labelKey)} : ${layer.format(value, language)} ${unit}`,
    };
  };
  const tileUrl = config.data?.map.tileUrl;
  return (
    <>
      {boundaries.isError ? <ErrorAlert error={boundaries.error} /> : null}
      {boundaries.data ? (
        <Suspense fallback={<Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />}>
          <ProvinceMap
            collection={boundaries.data}
            layerId={`${layer.id}:${language}`}
            colourOf={(commune) => choropleth.colourOf(layer.valueOf(commune))}
            describe={describe}
            onSelect={(nis) => void navigate(paths.commune.to(nis))}
            label={t('map.label', { layer: t(layer.labelKey) })}
            zoomInTitle={t('map.zoomIn')}
            zoomOutTitle={t('map.zoomOut')}
            baseMap={tileUrl ? { url: tileUrl, attribution: config.data?.map.tileAttribution ?? null } : null}
            height={MAP_HEIGHT}
          />
        </Suspense>
      ) : boundaries.isPending ? (
        <Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />
      ) : null}
      <Text size="sm" c="dimmed" mt="xs">
        {t('map.help')}
      </Text>
    </>
  );
}

/** The layer switch and the legend of the layer shown. */
function LayerPanel(props: { layer: ChoroplethLayer; onLayerChange(id: string): void; choropleth: Choropleth }) {
  const { layer } = props;
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Radio.Group label={t('map.layerSwitch')} value={layer.id} onChange={props.onLayerChange}>
        <Stack gap="xs" mt="xs">
          {provinceLayers.map((l) => (
            <Radio key={l.id} value={l.id} label={t(l.labelKey)} />
          ))}
        </Stack>
      </Radio.Group>
      <Paper withBorder p="sm" component="figure" m={0} aria-labelledby="map-legend-title">
        <Title order={3} size="h5" id="map-legend-title" mb="xs">
          {t(layer.labelKey)} ({t(layer.unitKey)})
        </Title>
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="map-legend">
          {props.choropleth.legend.map((entry) => (
            <Box component="li" key={entry.colour} style={{ display: 'flex', alignItems: 'center', gap: 8 }} py={2}>
              <Box
                aria-hidden="true"
                w={22}
                h={14}
                style={{ background: entry.colour, border: '1px solid #3f474d', flex: 'none' }}
              />
              <Text size="sm">{entry.label}</Text>
            </Box>
          ))}
        </Box>
        <Text size="xs" c="dimmed" mt="xs">
          {t('map.legendMethod')}
        </Text>
      </Paper>
    </Stack>
  );
}

export default function ProvincePage() {
  const { t } = useTranslation();
  const [includeHistorical, setIncludeHistorical] = useState(false);
  const communes = useCommuneList({ includeHistorical });

  return (
    <Stack gap="xl">
      <PageHeader title={t('communes.title')} description={t('communes.intro')} />
      {communes.data ? <PendingDesignations communes={communes.data} /> : null}
      <section aria-labelledby="map-heading">
        <Title order={2} id="map-heading" size="h3" mb="sm">
          {t('map.title')}
        </Title>
        <MapPanel />
      </section>
      <section aria-labelledby="table-heading">
        <Title order={2} id="table-heading" size="h3" mb="sm">
          {t('communes.tableTitle')}
        </Title>
        {communes.isError ? <ErrorAlert error={communes.error} /> : null}
        {communes.data ? (
          <CommunesTable
            communes={communes.data}
            includeHistorical={includeHistorical}
            onIncludeHistoricalChange={setIncludeHistorical}
          />
        ) : communes.isPending ? (
          <BlockSkeleton lines={10} />
        ) : null}
      </section>
    </Stack>
  );
}
