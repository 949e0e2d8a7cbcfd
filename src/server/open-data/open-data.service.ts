import type { OcdsRelease } from '../../domain/implementation/ocds.ts';
import {
  DATASETS,
  type DatasetFormat,
  type DatasetId,
  type DatasetSummary,
  datasetOf,
  FORMAT_INFO,
  LICENCE_NAME,
  LICENCE_URL,
  type Row,
} from '../../domain/open-data/datasets.ts';
import { buildCatalogue, type Triple } from '../../domain/open-data/dcat.ts';
import { buildRecordPackage, mergeReleasePackages } from '../../domain/open-data/ocds-packages.ts';
import { frameworkOcid, OCDS_EXTENSIONS } from '../../domain/purchasing/ocds-framework.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import type { CommunesService } from '../communes/communes.service.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError } from '../errors.ts';
import type { PublicService } from '../public/public.service.ts';
import { toCsv, toXlsx } from './formats.ts';
import { releasesOf } from './ocds-publication.ts';

export type Download = { body: string | Buffer; mediaType: string; fileName: string };

/**
 * The open data (issue 14): every public dataset in the formats its users expect. Every row comes from the public
 * side's published data (PublicService), the OCDS from the releases published when procurement data changed.
 */
export class OpenDataService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publicSide: PublicService,
    private readonly communes: CommunesService,
    private readonly ocidPrefix: string,
    private readonly publisher: string,
    private readonly now: () => Date,
  ) {}

  /** The latest change to published data, or today when nothing was published yet. */
  async modified(): Promise<string> {
    const at = await this.uow.read((repos) => repos.public.lastPublishedChange());
    return (at ?? this.now()).toISOString();
  }

  async firstPublished(): Promise<string | null> {
    const projects = await this.publicSide.publishedProjects();
    const dates = projects.flatMap((p) => (p.publishedAt ? [p.publishedAt] : [])).sort();
    return dates[0] ?? null;
  }

  async list(origin: string, language: 'fr' | 'en' = 'fr'): Promise<DatasetSummary[]> {
    const modified = await this.modified();
    return DATASETS.map((d) => ({
      id: d.id,
      title: d.title[language],
      description: d.description[language],
      licence: { name: LICENCE_NAME, url: LICENCE_URL },
      publisher: this.publisher,
      modified,
      distributions: d.formats.map((format) => ({
        format,
        label: FORMAT_INFO[format].label[language],
        mediaType: FORMAT_INFO[format].mediaType,
        url: downloadUrl(origin, d.id, format),
      })),
    }));
  }

  /** The DCAT-AP catalogue of the datasets; its spatial coverage is the communes with published data. */
  async catalogue(origin: string): Promise<Triple[]> {
    const communes = (await this.communeRows())
      .filter((c) => Number(c.publishedProjects) > 0 || Number(c.catalogueSolutions) > 0)
      .map((c) => ({ nisCode: String(c.nisCode), name: String(c.name) }));
    return buildCatalogue({
      origin,
      publisher: this.publisher,
      modified: await this.modified(),
      firstPublished: await this.firstPublished(),
      communes,
      downloadUrl: (id, format) => downloadUrl(origin, id, format),
    });
  }

  async rows(id: DatasetId): Promise<Row[]> {
    switch (id) {
      case 'projects':
        return (await this.publicSide.publishedProjects()).map((p) => ({
          communeNis: p.communeNis,
          communeName: p.communeName,
          id: p.id,
          title: p.title,
          dimensions: p.dimensions.join('|'),
          status: p.status,
          progress: p.progress,
          budgetPlanned: p.budget?.planned ?? null,
          budgetSpent: p.budget?.spent ?? null,
          milestonesDone: p.milestones.filter((m) => m.done).length,
          milestones: p.milestones.length,
          publishedOn: p.publishedAt?.slice(0, 10) ?? null,
        }));
      case 'indicators':
        return (await this.publicSide.publishedProjects()).flatMap((p) =>
          p.indicators.flatMap((i): Row[] => {
            const base: Row = {
              communeNis: p.communeNis,
              communeName: p.communeName,
              projectId: p.id,
              projectTitle: p.title,
              name: i.name,
              unit: i.unit,
              baseline: i.baseline,
              target: i.target,
            };
            return i.measurements.length === 0
              ? [{ ...base, date: null, value: null }]
              : i.measurements.map((m) => ({ ...base, date: m.date, value: m.value }));
          }),
        );
      case 'communes':
        return this.communeRows();
      case 'catalogue-adoption': {
        const adoption = await this.uow.read(async (repos) => ({
          listed: await repos.public.listedSolutionUses(),
          communes: await repos.communes.list({}),
        }));
        const names = new Map(adoption.communes.map((c) => [c.nisCode, c.name]));
        const solutions = new Map(adoption.listed.solutions.map((s) => [s.id, s]));
        return adoption.listed.uses
          .filter((u) => names.has(u.communeNis))
          .map((u) => {
            const s = solutions.get(u.solutionId)!;
            return {
              solutionId: s.id,
              solution: s.name,
              vendor: s.vendor,
              categories: s.categories.join('|'),
              communeNis: u.communeNis,
              communeName: names.get(u.communeNis)!,
            };
          })
          .sort(
            (a, b) => a.solution.localeCompare(b.solution, 'fr') || a.communeName.localeCompare(b.communeName, 'fr'),
          );
      }
      case 'procurement':
        return [];
    }
  }

  private async communeRows(): Promise<Row[]> {
    const today = belgianToday(this.now());
    const [communes, listed] = await this.uow.read(
      async (repos) =>
        [await repos.communes.list({ currentOn: today }), await repos.public.listedSolutionUses()] as const,
    );
    const projects = await this.publicSide.publishedProjects();
    return communes
      .map((c) => {
        const own = projects.filter((p) => p.communeNis === c.nisCode && p.status !== 'abandoned');
        return {
          nisCode: c.nisCode,
          name: c.name,
          arrondissement: c.arrondissement,
          publishedProjects: projects.filter((p) => p.communeNis === c.nisCode).length,
          meanProgress: own.length ? Math.round(own.reduce((s, p) => s + p.progress, 0) / own.length) : null,
          catalogueSolutions: new Set(listed.uses.filter((u) => u.communeNis === c.nisCode).map((u) => u.solutionId))
            .size,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  async download(id: DatasetId, format: DatasetFormat, origin: string): Promise<Download> {
    const dataset = datasetOf(id);
    if (!dataset.formats.includes(format)) {
      throw new NotFoundError('DATASET_FORMAT_NOT_FOUND', { dataset: id, format });
    }
    const info = FORMAT_INFO[format];
    const fileName = `smart-rural-${dataset.slug}${format === 'csv-comma' ? '-virgule' : ''}.${info.extension}`;
    const modified = await this.modified();
    const mediaType = info.mediaType.startsWith('text/') ? `${info.mediaType}; charset=utf-8` : info.mediaType;
    const out = (body: string | Buffer): Download => ({ body, mediaType, fileName });
    switch (format) {
      case 'csv':
      case 'csv-comma':
        return out(toCsv(await this.rows(id), dataset.columns, format));
      case 'xlsx':
        return out(
          await toXlsx(dataset, await this.rows(id), {
            publisher: this.publisher,
            licence: `${LICENCE_NAME} — ${LICENCE_URL}`,
            modified,
            source: downloadUrl(origin, id, format),
          }),
        );
      case 'json':
        return out(
          JSON.stringify({
            dataset: dataset.title.fr,
            licence: LICENCE_URL,
            publisher: this.publisher,
            modified,
            data: await this.rows(id),
          }),
        );
      case 'geojson':
        return out(JSON.stringify(await this.geojson(modified)));
      case 'ocds-releases':
      case 'ocds-records': {
        const uri = downloadUrl(origin, id, format);
        const { releases, agency } = await this.publishedOcds();
        const meta = {
          uri,
          publishedDate: this.now().toISOString(),
          publisher: this.publisher,
          license: LICENCE_URL,
          ...(agency ? { extensions: [...OCDS_EXTENSIONS] } : {}),
        };
        const packages = [{ uri, version: '1.1' as const, publishedDate: '', publisher: { name: '' }, releases }];
        return out(
          JSON.stringify(
            format === 'ocds-releases'
              ? mergeReleasePackages(packages, meta)
              : buildRecordPackage(packages, { ...meta, packages: [downloadUrl(origin, id, 'ocds-releases')] }),
          ),
        );
      }
    }
  }

  /**
   * The OCDS releases of the public processes, as published (byte for byte): the procurement files of the projects
   * published with their amounts (decision 120), then the agency's launched framework agreements (public by law;
   * the communes' call-offs are not, decision 140). A read only: publication happens when the data changes
   * (`ocds-publisher.ts`), so a public GET writes nothing.
   */
  private async publishedOcds(): Promise<{ releases: OcdsRelease[]; agency: boolean }> {
    return this.uow.read(async (repos) => {
      const projects = (await repos.implementation.followed({ publishedOnly: true })).filter(
        (p) => p.followUp?.publishAmounts,
      );
      const files = await repos.implementation.procurements(projects.map((p) => p.id));
      const withFile = new Set(files.filter((f) => f.procedure).map((f) => f.projectId));
      const fileOcids = projects.filter((p) => withFile.has(p.id)).map((p) => `${this.ocidPrefix}-${p.id}`);
      const agencyOcids = (await repos.purchasing.listScenarios({}))
        .filter((s) => s.status === 'launched')
        .map((s) => frameworkOcid(this.ocidPrefix, s.id));
      const stored = await repos.ocdsReleases.ofProcesses([...fileOcids, ...agencyOcids]);
      const order = new Map([...fileOcids, ...agencyOcids].map((ocid, i) => [ocid, i]));
      const sorted = [...stored].sort((a, b) => order.get(a.ocid)! - order.get(b.ocid)! || a.seq - b.seq);
      const agency = new Set(agencyOcids);
      return { releases: releasesOf(sorted) as OcdsRelease[], agency: sorted.some((r) => agency.has(r.ocid)) };
    });
  }

  /** The communes with their published figures, drawn with their boundaries. */
  private async geojson(modified: string) {
    const rows = new Map((await this.communeRows()).map((r) => [r.nisCode as string, r]));
    const boundaries = await this.communes.boundaries({});
    return {
      type: 'FeatureCollection' as const,
      licence: LICENCE_URL,
      publisher: this.publisher,
      modified,
      features: boundaries.features
        .filter((f) => rows.has(f.properties.nisCode))
        .map((f) => {
          const { nisCode: _n, ...figures } = rows.get(f.properties.nisCode)!;
          return {
            type: 'Feature' as const,
            id: f.id,
            geometry: f.geometry,
            properties: { nisCode: f.properties.nisCode, ...figures },
          };
        }),
    };
  }
}

export function downloadUrl(origin: string, id: DatasetId, format: DatasetFormat): string {
  return `${origin}/api/open-data/datasets/${id}/${format}`;
}
