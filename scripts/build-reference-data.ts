/**
 * Builds the project's own reference files about the communes from the shared data folder
 * (`../shared/data`, or the folder given as first argument). A user's clone has no shared folder,
 * so the app seeds from the files this script writes into `src/server/communes/reference/`.
 *
 *   npx tsx scripts/build-reference-data.ts [sharedDataDir] [outputDir]
 *
 * Outputs (all derived, never typed by hand):
 *   communes.csv         the 44 communes of the Province of Luxembourg, 2019–2024 status (Statbel REFNIS 2019, population 1/1/2020)
 *   boundaries.geojson   one simplified boundary per commune code: the current territory (Bastogne includes Bertogne
 *                        after the 2025 merger) and the territory of each absorbed commune
 *   belgium-communes.csv the 581 Belgian communes (code, names, province, population) for Belgium-wide work
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, merge } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

const here = dirname(fileURLToPath(import.meta.url));
const sharedData = resolve(process.argv[2] ?? join(here, '..', '..', 'shared', 'data'));
const referenceDir = join(here, '..', 'src', 'server', 'communes', 'reference');
const out = resolve(process.argv[3] ?? referenceDir);

/** Share of the arcs' points kept by the simplification: enough for a province choropleth. */
const KEEP_QUANTILE = 0.35;
const COORDINATE_DECIMALS = 4;
const PROVINCE_NIS = '80000';

type MunicipalityProps = {
  nis: string;
  name_fr: string;
  name_nl: string;
  arr_nis: string;
  prov_nis?: string;
  prov_fr?: string;
  population: number;
};

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header!.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

function csvLine(cells: (string | number)[]): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',');
}

function roundCoordinates(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toFixed(COORDINATE_DECIMALS));
  if (Array.isArray(value)) return value.map(roundCoordinates);
  return value;
}

const mergers = parseCsv(readFileSync(join(referenceDir, 'mergers.csv'), 'utf8'));
// biome-ignore lint/suspicious/noExplicitAny: the TopoJSON typings do not follow the properties through simplify.
const topology = JSON.parse(readFileSync(join(sharedData, 'belgium.topo.json'), 'utf8')) as Topology<any>;
const municipalities = topology.objects.municipalities as GeometryCollection<MunicipalityProps>;
const provinceGeometries = municipalities.geometries.filter(
  (g) => (g.properties as MunicipalityProps).prov_nis === PROVINCE_NIS,
);

// Simplify on the topology so neighbouring communes keep a shared border.
const presimplified = presimplify(topology);
const simplified = simplify(presimplified, quantile(presimplified, KEEP_QUANTILE));
const simplifiedMunicipalities = simplified.objects.municipalities as GeometryCollection<MunicipalityProps>;
const byNis = new Map(simplifiedMunicipalities.geometries.map((g) => [(g.properties as MunicipalityProps).nis, g]));

const features = provinceGeometries.map((g) => {
  const props = g.properties as MunicipalityProps;
  const nis = props.nis;
  const absorbed = mergers.filter((m) => m.successor_nis === nis).map((m) => m.absorbed_nis!);
  const parts = [nis, ...absorbed].map((code) => byNis.get(code)!);
  const geometry = (
    absorbed.length === 0
      ? (feature(simplified, parts[0]!) as { geometry: unknown }).geometry
      : merge(simplified, parts as never[])
  ) as { type: string; coordinates: unknown };
  return {
    type: 'Feature',
    properties: { nis, name_fr: props.name_fr, territory: absorbed.length ? `${nis}+${absorbed.join('+')}` : nis },
    geometry: { type: geometry.type, coordinates: roundCoordinates(geometry.coordinates) },
  };
});
writeFileSync(join(out, 'boundaries.geojson'), `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);

// The commune table of the province, straight from the shared CSV plus the Dutch name and arrondissement code.
const provinceRows = parseCsv(readFileSync(join(sharedData, 'communes-luxembourg.csv'), 'utf8'));
const propsByNis = new Map(
  provinceGeometries.map((g) => [(g.properties as MunicipalityProps).nis, g.properties as MunicipalityProps]),
);
const communeLines = [
  csvLine([
    'nis_code',
    'name_fr',
    'name_nl',
    'arrondissement_nis',
    'arrondissement',
    'population',
    'population_year',
    'area_km2',
  ]),
  ...provinceRows.map((r) => {
    const p = propsByNis.get(r.nis_code!)!;
    return csvLine([
      r.nis_code!,
      r.name_fr!,
      p.name_nl,
      p.arr_nis,
      r.arrondissement!,
      r.population!,
      r.population_year!,
      r.area_km2!,
    ]);
  }),
];
writeFileSync(join(out, 'communes.csv'), `${communeLines.join('\n')}\n`);

const belgiumRows = parseCsv(readFileSync(join(sharedData, 'belgium-communes.csv'), 'utf8'));
const belgiumLines = [
  csvLine(['nis_code', 'name_fr', 'name_nl', 'province_nis', 'population', 'population_year', 'area_km2']),
  ...belgiumRows.map((r) =>
    csvLine([r.nis_code!, r.name_fr!, r.name_nl!, r.province_nis!, r.population!, r.population_year!, r.area_km2!]),
  ),
];
writeFileSync(join(out, 'belgium-communes.csv'), `${belgiumLines.join('\n')}\n`);

console.log(
  `wrote ${features.length} boundaries, ${provinceRows.length} communes, ${belgiumRows.length} Belgian communes to ${out}`,
);
