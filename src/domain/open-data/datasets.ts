import { z } from 'zod';

/**
 * The open datasets of the public side (issue 14, decision 120): what each holds, its columns and the formats it is
 * offered in. Everything in them is published data; the licence is CC BY 4.0 and the publisher the agency.
 */
export const LICENCE_URL = 'http://creativecommons.org/licenses/by/4.0/';
export const LICENCE_NAME = 'Creative Commons Attribution 4.0 International (CC BY 4.0)';

export const DATASET_IDS = ['projects', 'communes', 'indicators', 'catalogue-adoption', 'procurement'] as const;
export const DatasetId = z.enum(DATASET_IDS);
export type DatasetId = z.infer<typeof DatasetId>;

export const FORMATS = ['csv', 'csv-comma', 'xlsx', 'json', 'geojson', 'ocds-releases', 'ocds-records'] as const;
export const DatasetFormat = z.enum(FORMATS);
export type DatasetFormat = z.infer<typeof DatasetFormat>;

export const FORMAT_INFO: Record<
  DatasetFormat,
  { mediaType: string; extension: string; euFileType: string; label: { fr: string; en: string } }
> = {
  csv: {
    mediaType: 'text/csv',
    extension: 'csv',
    euFileType: 'CSV',
    label: { fr: 'CSV pour tableur (« ; », virgule décimale)', en: 'CSV for spreadsheets (“;”, decimal comma)' },
  },
  'csv-comma': {
    mediaType: 'text/csv',
    extension: 'csv',
    euFileType: 'CSV',
    label: { fr: 'CSV standard (« , », point décimal)', en: 'Standard CSV (“,”, decimal point)' },
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    euFileType: 'XLSX',
    label: { fr: 'Classeur Excel (XLSX)', en: 'Excel workbook (XLSX)' },
  },
  json: { mediaType: 'application/json', extension: 'json', euFileType: 'JSON', label: { fr: 'JSON', en: 'JSON' } },
  geojson: {
    mediaType: 'application/geo+json',
    extension: 'geojson',
    euFileType: 'GEOJSON',
    label: { fr: 'GeoJSON (carte)', en: 'GeoJSON (map)' },
  },
  'ocds-releases': {
    mediaType: 'application/json',
    extension: 'json',
    euFileType: 'JSON',
    label: { fr: 'OCDS : paquet de publications (release package)', en: 'OCDS release package' },
  },
  'ocds-records': {
    mediaType: 'application/json',
    extension: 'json',
    euFileType: 'JSON',
    label: { fr: 'OCDS : paquet d’enregistrements (record package)', en: 'OCDS record package' },
  },
};

export type Column = { key: string; header: string; type: 'text' | 'number' | 'date' };

export type DatasetDefinition = {
  id: DatasetId;
  /** file names: smart-rural-<slug>.<extension> */
  slug: string;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  keywords: string[];
  formats: DatasetFormat[];
  /** for the tabular formats */
  columns: Column[];
};

const TABULAR: DatasetFormat[] = ['csv', 'csv-comma', 'xlsx', 'json'];

export const DATASETS: readonly DatasetDefinition[] = [
  {
    id: 'projects',
    slug: 'projets',
    title: { fr: 'Projets Smart publiés par les communes', en: 'Smart projects published by the communes' },
    description: {
      fr: 'Les projets Smart que les communes de la province de Luxembourg ont choisi de publier : statut, avancement, dimensions, et budget prévu et dépensé quand la commune publie ses montants.',
      en: 'The Smart projects the communes of the Province of Luxembourg chose to publish: status, progress, dimensions, and budget planned and spent when the commune publishes its amounts.',
    },
    keywords: ['smart city', 'smart village', 'projets communaux', 'province de Luxembourg'],
    formats: TABULAR,
    columns: [
      { key: 'communeNis', header: 'commune_nis', type: 'text' },
      { key: 'communeName', header: 'commune', type: 'text' },
      { key: 'id', header: 'projet_id', type: 'text' },
      { key: 'title', header: 'projet', type: 'text' },
      { key: 'dimensions', header: 'dimensions', type: 'text' },
      { key: 'status', header: 'statut', type: 'text' },
      { key: 'progress', header: 'avancement_pct', type: 'number' },
      { key: 'budgetPlanned', header: 'budget_prevu_eur', type: 'number' },
      { key: 'budgetSpent', header: 'budget_depense_eur', type: 'number' },
      { key: 'milestonesDone', header: 'jalons_atteints', type: 'number' },
      { key: 'milestones', header: 'jalons', type: 'number' },
      { key: 'publishedOn', header: 'publie_le', type: 'date' },
    ],
  },
  {
    id: 'communes',
    slug: 'communes',
    title: { fr: 'Communes et leurs chiffres Smart publiés', en: 'Communes and their published Smart figures' },
    description: {
      fr: 'Les communes de la province de Luxembourg, avec le nombre de projets Smart publiés, leur avancement moyen et le nombre de solutions du catalogue qu’elles utilisent ; en GeoJSON avec leurs limites.',
      en: 'The communes of the Province of Luxembourg, with their number of published Smart projects, mean progress and number of catalogue solutions used; as GeoJSON with their boundaries.',
    },
    keywords: ['communes', 'province de Luxembourg', 'smart village'],
    formats: [...TABULAR, 'geojson'],
    columns: [
      { key: 'nisCode', header: 'commune_nis', type: 'text' },
      { key: 'name', header: 'commune', type: 'text' },
      { key: 'arrondissement', header: 'arrondissement', type: 'text' },
      { key: 'publishedProjects', header: 'projets_publies', type: 'number' },
      { key: 'meanProgress', header: 'avancement_moyen_pct', type: 'number' },
      { key: 'catalogueSolutions', header: 'solutions_catalogue', type: 'number' },
    ],
  },
  {
    id: 'indicators',
    slug: 'indicateurs',
    title: { fr: 'Indicateurs des projets Smart publiés', en: 'Indicators of the published Smart projects' },
    description: {
      fr: 'Les indicateurs des projets publiés : valeur de départ, cible et mesures successives.',
      en: 'The indicators of the published projects: baseline, target and successive measurements.',
    },
    keywords: ['indicateurs', 'suivi', 'smart village'],
    formats: TABULAR,
    columns: [
      { key: 'communeNis', header: 'commune_nis', type: 'text' },
      { key: 'communeName', header: 'commune', type: 'text' },
      { key: 'projectId', header: 'projet_id', type: 'text' },
      { key: 'projectTitle', header: 'projet', type: 'text' },
      { key: 'name', header: 'indicateur', type: 'text' },
      { key: 'unit', header: 'unite', type: 'text' },
      { key: 'baseline', header: 'depart', type: 'number' },
      { key: 'target', header: 'cible', type: 'number' },
      { key: 'date', header: 'date_mesure', type: 'date' },
      { key: 'value', header: 'valeur', type: 'number' },
    ],
  },
  {
    id: 'catalogue-adoption',
    slug: 'adoption-catalogue',
    title: { fr: 'Solutions du catalogue utilisées par les communes', en: 'Catalogue solutions used by the communes' },
    description: {
      fr: 'Quelles communes utilisent quelle solution référencée au catalogue de la centrale d’achat, par catégorie.',
      en: 'Which communes use which solution listed in the central purchasing catalogue, by category.',
    },
    keywords: ['centrale d’achat', 'catalogue', 'mutualisation'],
    formats: TABULAR,
    columns: [
      { key: 'solutionId', header: 'solution_id', type: 'text' },
      { key: 'solution', header: 'solution', type: 'text' },
      { key: 'vendor', header: 'fournisseur', type: 'text' },
      { key: 'categories', header: 'categories', type: 'text' },
      { key: 'communeNis', header: 'commune_nis', type: 'text' },
      { key: 'communeName', header: 'commune', type: 'text' },
    ],
  },
  {
    id: 'procurement',
    slug: 'marches-publics-ocds',
    title: {
      fr: 'Marchés publics des projets publiés (OCDS)',
      en: 'Public procurement of the published projects (OCDS)',
    },
    description: {
      fr: 'Les dossiers de marché public des projets publiés, au standard Open Contracting Data Standard 1.1 : paquet de publications et paquet d’enregistrements.',
      en: 'The procurement files of the published projects, in the Open Contracting Data Standard 1.1: release package and record package.',
    },
    keywords: ['marchés publics', 'OCDS', 'open contracting'],
    formats: ['ocds-releases', 'ocds-records'],
    columns: [],
  },
];

export function datasetOf(id: DatasetId): DatasetDefinition {
  return DATASETS.find((d) => d.id === id)!;
}

export type Row = Record<string, string | number | null>;

/** A cell as the spreadsheet CSV writes it: decimal comma, dates as dd/mm/yyyy; the plain CSV keeps ISO and points. */
export function csvCell(value: string | number | null, column: Column, variant: 'csv' | 'csv-comma'): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'number' && typeof value === 'number') {
    const text = String(value);
    return variant === 'csv' ? text.replace('.', ',') : text;
  }
  if (column.type === 'date' && typeof value === 'string' && variant === 'csv') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  return String(value);
}

export const DatasetSummary = z
  .object({
    id: DatasetId,
    title: z.string(),
    description: z.string(),
    licence: z.object({ name: z.string(), url: z.string() }),
    publisher: z.string(),
    modified: z.string().nullable(),
    distributions: z.array(
      z.object({ format: DatasetFormat, label: z.string(), mediaType: z.string(), url: z.string() }),
    ),
  })
  .meta({ id: 'OpenDataset' });
export type DatasetSummary = z.infer<typeof DatasetSummary>;
