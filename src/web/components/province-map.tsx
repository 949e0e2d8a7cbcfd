import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { GeoJSON, MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import type { Boundary, BoundaryCollection, BoundaryFeature } from '../../domain/communes/commune.ts';
import { escapeHtml } from '../lib/html.ts';

type BoundaryProperties = BoundaryFeature['properties'];

export type BaseMap = { url: string; attribution: string | null };

/** Gives the Leaflet container an accessible role and name, which react-leaflet cannot set itself. */
function ContainerSemantics({ role, label }: { role: 'region' | 'img'; label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', role);
    container.setAttribute('aria-label', label);
    if (role === 'img') container.removeAttribute('tabindex');
  }, [map, role, label]);
  return null;
}

/** No base map by default: a pale sea-less background. */
const MAP_BACKGROUND = '#f3f5f4';
/** Its own stacking context: Leaflet's panes (z-index 400 to 1000) stay under dialogs and menus. */
const MAP_STYLE = { width: '100%', borderRadius: 6, background: MAP_BACKGROUND, isolation: 'isolate' } as const;

const BASE_STYLE: L.PathOptions = { color: '#3f474d', weight: 0.8, fillOpacity: 0.85, opacity: 1 };
const HIGHLIGHT_STYLE: L.PathOptions = { color: '#111111', weight: 2.5 };

export type ProvinceMapProps = {
  collection: BoundaryCollection;
  /** changes when the colours change (another layer), so the shapes are drawn again */
  layerId: string;
  colourOf(commune: BoundaryProperties): string;
  /** "Arlon — 253 inhabitants/km²": the tooltip and the accessible name of each shape */
  describe(commune: BoundaryProperties): { title: string; detail: string };
  onSelect(nisCode: string): void;
  label: string;
  zoomInTitle: string;
  zoomOutTitle: string;
  baseMap?: BaseMap | null;
  height?: number;
};

/**
 * The communes drawn from their own boundaries (SVG, no tiles needed). Each shape shows a tooltip on hover or
 * keyboard focus and opens its commune on click or Enter.
 */
export function ProvinceMap(props: ProvinceMapProps) {
  const bounds = useMemo(() => L.geoJSON(props.collection as never).getBounds(), [props.collection]);
  const latest = useRef(props);
  latest.current = props;

  const onEachFeature = (feature: { properties: BoundaryProperties }, layer: L.Layer) => {
    const commune = feature.properties;
    const path = layer as L.Path & { getBounds(): L.LatLngBounds };
    const { title, detail } = latest.current.describe(commune);
    path.bindTooltip(`<strong>${escapeHtml(title)}</strong><br>${escapeHtml(detail)}`, {
      sticky: true,
      direction: 'top',
      offset: [0, -8],
    });
    const highlight = (on: boolean) => {
      path.setStyle(on ? HIGHLIGHT_STYLE : { color: BASE_STYLE.color!, weight: BASE_STYLE.weight! });
    };
    // Raising the shape re-inserts it in the SVG, which would drop keyboard focus: only on hover.
    path.on('mouseover', () => {
      highlight(true);
      path.bringToFront();
    });
    path.on('mouseout', () => highlight(false));
    path.on('click', () => latest.current.onSelect(commune.nisCode));
    path.on('add', () => {
      const element = path.getElement() as SVGElement | undefined;
      if (!element) return;
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'link');
      element.setAttribute('aria-label', `${title}, ${detail}`);
      element.dataset.nis = commune.nisCode;
      element.addEventListener('focus', () => {
        highlight(true);
        path.openTooltip(path.getBounds().getCenter());
      });
      element.addEventListener('blur', () => {
        highlight(false);
        path.closeTooltip();
      });
      element.addEventListener('keydown', (event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          latest.current.onSelect(commune.nisCode);
        }
      });
    });
  };

  return (
    <MapContainer
      bounds={bounds}
      boundsOptions={{ padding: [12, 12] }}
      zoomSnap={0.1}
      zoomDelta={0.5}
      zoomControl={false}
      attributionControl={Boolean(props.baseMap)}
      scrollWheelZoom={false}
      style={{ ...MAP_STYLE, height: props.height ?? 520 }}
    >
      <ContainerSemantics role="region" label={props.label} />
      <ZoomControl position="topright" zoomInTitle={props.zoomInTitle} zoomOutTitle={props.zoomOutTitle} />
      {props.baseMap ? <TileLayer url={props.baseMap.url} attribution={props.baseMap.attribution ?? ''} /> : null}
      <GeoJSON
        key={props.layerId}
        data={props.collection as never}
        style={(feature) => ({
          ...BASE_STYLE,
          fillColor: feature ? props.colourOf(feature.properties as BoundaryProperties) : '#d9d9d9',
        })}
        onEachFeature={onEachFeature as never}
      />
    </MapContainer>
  );
}

/** One commune's outline, as a picture: no panning, no zooming, no tab stop. */
export function OutlineMap(props: { boundary: Boundary; label: string; baseMap?: BaseMap | null; height?: number }) {
  const bounds = useMemo(() => L.geoJSON(props.boundary as never).getBounds(), [props.boundary]);
  return (
    <MapContainer
      bounds={bounds}
      boundsOptions={{ padding: [12, 12] }}
      zoomSnap={0.1}
      zoomControl={false}
      attributionControl={Boolean(props.baseMap)}
      dragging={false}
      scrollWheelZoom={false}
      doubleClickZoom={false}
      touchZoom={false}
      boxZoom={false}
      keyboard={false}
      style={{ ...MAP_STYLE, height: props.height ?? 260 }}
    >
      <ContainerSemantics role="img" label={props.label} />
      {props.baseMap ? <TileLayer url={props.baseMap.url} attribution={props.baseMap.attribution ?? ''} /> : null}
      <GeoJSON
        data={props.boundary as never}
        interactive={false}
        style={() => ({ color: '#075a5c', weight: 2, fillColor: '#3d9c9d', fillOpacity: 0.35 })}
      />
    </MapContainer>
  );
}
