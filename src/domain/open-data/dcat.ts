import { DATASETS, type DatasetDefinition, FORMAT_INFO, LICENCE_URL } from './datasets.ts';

/**
 * The DCAT-AP 3 catalogue of the open datasets (issue 14, decision 120), as RDF triples: one dcat:Dataset per
 * dataset with its distributions, licence, publisher, contact point, temporal and spatial coverage (NIS codes as
 * Belgif REFNIS locations) and modification date. Serialised as JSON-LD here, as Turtle by the server (n3).
 */
export type Term =
  | { kind: 'iri'; value: string }
  | { kind: 'blank'; value: string }
  | { kind: 'literal'; value: string; language?: string; datatype?: string };
export type Triple = { subject: Term; predicate: string; object: Term };

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;
const RDF_TYPE = `${PREFIXES.rdf}type`;
const iri = (value: string): Term => ({ kind: 'iri', value });
const text = (value: string, language: string): Term => ({ kind: 'literal', value, language });
const typed = (value: string, datatype: 'date' | 'dateTime'): Term => ({
  kind: 'literal',
  value,
  datatype: `${PREFIXES.xsd}${datatype}`,
});
const p = (prefix: keyof typeof PREFIXES, local: string) => `${PREFIXES[prefix]}${local}`;

export const refnisLocation = (nis: string) => `http://vocab.belgif.be/auth/refnis2019/${nis}#id`;
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA = 'http://www.iana.org/assignments/media-types/';
const FRENCH = 'http://publications.europa.eu/resource/authority/language/FRA';
export const PROVINCE_NIS = '80000';
/** The EU data themes the datasets belong to: government and public sector, regions and cities. */
const THEMES = 'http://publications.europa.eu/resource/authority/data-theme';
const THEME_LABELS = { GOVE: 'Gouvernement et secteur public', REGI: 'Régions et villes' } as const;

export type CatalogueInput = {
  origin: string;
  publisher: string;
  /** ISO date-time of the latest change to published data */
  modified: string;
  /** ISO date of the first publication (the start of the temporal coverage), or null */
  firstPublished: string | null;
  /** the communes whose data the datasets hold (NIS codes) */
  communes: { nisCode: string; name: string }[];
  downloadUrl(dataset: DatasetDefinition['id'], format: DatasetDefinition['formats'][number]): string;
};

/** What every part of the catalogue refers to: its nodes, dates and licence, and where the triples go. */
type CatalogueContext = {
  input: CatalogueInput;
  add(subject: Term, predicate: string, object: Term): void;
  page: string;
  catalog: Term;
  publisher: Term;
  contact: Term;
  licence: Term;
  modified: Term;
};

export function buildCatalogue(input: CatalogueInput): Triple[] {
  const triples: Triple[] = [];
  const page = `${input.origin}/open-data`;
  const context: CatalogueContext = {
    input,
    add: (subject, predicate, object) => triples.push({ subject, predicate, object }),
    page,
    catalog: iri(`${input.origin}/api/open-data/catalog`),
    publisher: iri(`${page}#publisher`),
    contact: iri(`${page}#contact`),
    licence: iri(LICENCE_URL),
    modified: typed(input.modified, 'dateTime'),
  };
  describeCatalog(context);
  describeThemes(context);
  describeAgentsAndDocuments(context);
  describeLocations(context);
  const formats = new Set<string>();
  for (const dataset of DATASETS) describeDataset(context, dataset, formats);
  describeFormats(context, formats);
  return triples;
}

const issuedOn = (input: CatalogueInput) => typed((input.firstPublished ?? input.modified).slice(0, 10), 'date');

function describeCatalog({ input, add, page, catalog, publisher, licence, modified }: CatalogueContext) {
  add(catalog, RDF_TYPE, iri(p('dcat', 'Catalog')));
  add(catalog, p('dct', 'title'), text('Smart Rural — données ouvertes', 'fr'));
  add(catalog, p('dct', 'title'), text('Smart Rural — open data', 'en'));
  add(
    catalog,
    p('dct', 'description'),
    text(
      'Les projets Smart publiés par les communes de la province de Luxembourg, leurs indicateurs, les solutions du catalogue qu’elles utilisent et les marchés publics de ces projets.',
      'fr',
    ),
  );
  add(
    catalog,
    p('dct', 'description'),
    text(
      'The Smart projects published by the communes of the Province of Luxembourg, their indicators, the catalogue solutions they use and the procurement of these projects.',
      'en',
    ),
  );
  add(catalog, p('dct', 'publisher'), publisher);
  add(catalog, p('dct', 'modified'), modified);
  add(catalog, p('dct', 'language'), iri(FRENCH));
  add(catalog, p('dct', 'license'), licence);
  add(catalog, p('foaf', 'homepage'), iri(page));
  add(catalog, p('dct', 'spatial'), iri(refnisLocation(PROVINCE_NIS)));
  add(catalog, p('dct', 'issued'), issuedOn(input));
  add(catalog, p('dcat', 'themeTaxonomy'), iri(THEMES));
}

function describeThemes({ add }: CatalogueContext) {
  const themes = iri(THEMES);
  add(themes, RDF_TYPE, iri(p('skos', 'ConceptScheme')));
  add(themes, p('dct', 'title'), text('Thèmes des données (UE)', 'fr'));
  for (const [code, label] of Object.entries(THEME_LABELS)) {
    const theme = iri(`${THEMES}/${code}`);
    add(theme, RDF_TYPE, iri(p('skos', 'Concept')));
    add(theme, p('skos', 'prefLabel'), text(label, 'fr'));
    add(theme, p('skos', 'inScheme'), themes);
  }
}

function describeAgentsAndDocuments({ input, add, page, publisher, contact, licence }: CatalogueContext) {
  add(publisher, RDF_TYPE, iri(p('foaf', 'Agent')));
  add(publisher, p('foaf', 'name'), text(input.publisher, 'fr'));
  // SHACL does no inference: the contact says it is a vcard:Kind as well as an organisation.
  add(contact, RDF_TYPE, iri(p('vcard', 'Kind')));
  add(contact, RDF_TYPE, iri(p('vcard', 'Organization')));
  add(contact, p('vcard', 'fn'), text(input.publisher, 'fr'));
  add(contact, p('vcard', 'hasURL'), iri(page));
  add(licence, RDF_TYPE, iri(p('dct', 'LicenseDocument')));
  add(iri(FRENCH), RDF_TYPE, iri(p('dct', 'LinguisticSystem')));
  add(iri(page), RDF_TYPE, iri(p('foaf', 'Document')));
}

function describeLocations({ input, add }: CatalogueContext) {
  const locations = [{ nisCode: PROVINCE_NIS, name: 'Province de Luxembourg' }, ...input.communes];
  for (const location of locations) {
    const node = iri(refnisLocation(location.nisCode));
    add(node, RDF_TYPE, iri(p('dct', 'Location')));
    add(node, p('skos', 'prefLabel'), text(location.name, 'fr'));
    add(node, p('skos', 'notation'), { kind: 'literal', value: location.nisCode });
  }
}

/** One dcat:Dataset with its coverage and distributions; `formats` collects the file and media types they use. */
function describeDataset(context: CatalogueContext, dataset: DatasetDefinition, formats: Set<string>) {
  const { input, add, page, catalog, publisher, contact, modified } = context;
  const node = iri(`${page}#${dataset.id}`);
  add(catalog, p('dcat', 'dataset'), node);
  add(node, RDF_TYPE, iri(p('dcat', 'Dataset')));
  add(node, p('dct', 'identifier'), { kind: 'literal', value: dataset.id });
  add(node, p('dct', 'title'), text(dataset.title.fr, 'fr'));
  add(node, p('dct', 'title'), text(dataset.title.en, 'en'));
  add(node, p('dct', 'description'), text(dataset.description.fr, 'fr'));
  add(node, p('dct', 'description'), text(dataset.description.en, 'en'));
  for (const keyword of dataset.keywords) add(node, p('dcat', 'keyword'), text(keyword, 'fr'));
  add(node, p('dct', 'publisher'), publisher);
  add(node, p('dcat', 'contactPoint'), contact);
  add(node, p('dct', 'modified'), modified);
  add(node, p('dct', 'issued'), issuedOn(input));
  for (const code of ['GOVE', 'REGI']) add(node, p('dcat', 'theme'), iri(`${THEMES}/${code}`));
  add(node, p('dct', 'language'), iri(FRENCH));
  add(node, p('dcat', 'landingPage'), iri(page));
  add(node, p('dct', 'spatial'), iri(refnisLocation(PROVINCE_NIS)));
  for (const commune of input.communes) add(node, p('dct', 'spatial'), iri(refnisLocation(commune.nisCode)));
  describeTemporalCoverage(context, dataset, node);
  for (const format of dataset.formats) {
    const info = describeDistribution(context, dataset, format, node);
    formats.add(info.euFileType);
    formats.add(`media:${info.mediaType}`);
  }
}

/** From the first publication to the latest change; a catalogue with nothing published yet has no period. */
function describeTemporalCoverage({ input, add }: CatalogueContext, dataset: DatasetDefinition, node: Term) {
  if (!input.firstPublished) return;
  const period: Term = { kind: 'blank', value: `period-${dataset.id}` };
  add(node, p('dct', 'temporal'), period);
  add(period, RDF_TYPE, iri(p('dct', 'PeriodOfTime')));
  add(period, p('dcat', 'startDate'), typed(input.firstPublished.slice(0, 10), 'date'));
  add(period, p('dcat', 'endDate'), typed(input.modified.slice(0, 10), 'date'));
}

function describeDistribution(
  { input, add, page, licence, modified }: CatalogueContext,
  dataset: DatasetDefinition,
  format: DatasetDefinition['formats'][number],
  datasetNode: Term,
) {
  const info = FORMAT_INFO[format];
  const url = iri(input.downloadUrl(dataset.id, format));
  const distribution = iri(`${page}#${dataset.id}-${format}`);
  add(datasetNode, p('dcat', 'distribution'), distribution);
  add(distribution, RDF_TYPE, iri(p('dcat', 'Distribution')));
  add(distribution, p('dct', 'title'), text(info.label.fr, 'fr'));
  add(distribution, p('dct', 'title'), text(info.label.en, 'en'));
  add(distribution, p('dct', 'description'), text(`${dataset.title.fr} — ${info.label.fr}`, 'fr'));
  add(distribution, p('dcat', 'accessURL'), url);
  add(distribution, p('dcat', 'downloadURL'), url);
  add(distribution, p('dct', 'format'), iri(`${FILE_TYPE}${info.euFileType}`));
  add(distribution, p('dcat', 'mediaType'), iri(`${IANA}${info.mediaType}`));
  add(distribution, p('dct', 'license'), licence);
  add(distribution, p('dct', 'modified'), modified);
  return info;
}

/** The file and media types the distributions use, typed as the DCAT-AP shapes ask. */
function describeFormats({ add }: CatalogueContext, formats: Set<string>) {
  for (const format of formats) {
    if (format.startsWith('media:')) add(iri(`${IANA}${format.slice(6)}`), RDF_TYPE, iri(p('dct', 'MediaType')));
    else add(iri(`${FILE_TYPE}${format}`), RDF_TYPE, iri(p('dct', 'MediaTypeOrExtent')));
  }
}

const compact = (value: string): string => {
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (value.startsWith(ns)) return `${prefix}:${value.slice(ns.length)}`;
  }
  return value;
};

/** The triples as a JSON-LD document: one node per subject in `@graph`, the prefixes in `@context`. */
export function toJsonLd(triples: readonly Triple[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  const idOf = (term: Term) => (term.kind === 'blank' ? `_:${term.value}` : term.value);
  for (const { subject, predicate, object } of triples) {
    const id = idOf(subject);
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (predicate === RDF_TYPE) {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), compact(object.value)];
      continue;
    }
    const key = compact(predicate);
    const value =
      object.kind === 'literal'
        ? {
            '@value': object.value,
            ...(object.language ? { '@language': object.language } : {}),
            ...(object.datatype ? { '@type': compact(object.datatype) } : {}),
          }
        : { '@id': idOf(object) };
    node[key] = [...((node[key] as unknown[] | undefined) ?? []), value];
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
