import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CommuneProfileInput, OfficialDesignationInput, SiteInput } from '../../domain/communes/commune.ts';
import { CommuneSummary, isCurrentOn } from '../../domain/communes/commune.ts';
import { officialDesignation } from '../../domain/communes/official-name.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize, permissionsOf } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { presentCommune, presentCommuneDetail, presentSite } from './communes.presenter.ts';

/**
 * The list holds reference facts (names, figures, mergers, designations), which change when reference data is seeded
 * or, rarely, when an admin confirms a designation (this instance's copy is dropped; another's is at most this old):
 * a short-lived copy spares the database the busiest public request.
 */
const LIST_CACHE_MS = 30_000;

const CommuneList = z.array(CommuneSummary);

/** The list, and the same as the JSON the API sends, with its entity tag: serialised once per copy, not per request. */
export type CommuneListAnswer = { list: CommuneSummary[]; json: string; etag: string };

export class CommunesService {
  private readonly listCache = new Map<string, { at: number; value: Promise<CommuneListAnswer> }>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(query: { includeHistorical?: boolean; arrondissement?: string }): Promise<CommuneSummary[]> {
    return (await this.listAnswer(query)).list;
  }

  /**
   * GET /api/communes, the busiest public request: the JSON is checked against the schema and written once per
   * copy of the list (bench/api.ts: per-request serialisation halved the throughput), with an ETag so a browser
   * that has it gets a 304.
   */
  listAnswer(query: { includeHistorical?: boolean; arrondissement?: string }): Promise<CommuneListAnswer> {
    const today = this.todayInBelgium();
    const key = `${today}|${query.includeHistorical ?? false}|${query.arrondissement ?? ''}`;
    const cached = this.listCache.get(key);
    const at = this.now().getTime();
    if (cached && at - cached.at < LIST_CACHE_MS) return cached.value;
    const value = this.loadList(today, query);
    this.listCache.set(key, { at, value });
    value.catch(() => this.listCache.delete(key));
    return value;
  }

  private today = { at: Number.NEGATIVE_INFINITY, date: '' };

  /** Belgium's date, worked out at most once a minute (Intl's formatting was a few % of each list request). */
  private todayInBelgium(): string {
    const at = this.now().getTime();
    if (Math.abs(at - this.today.at) >= 60_000) this.today = { at, date: belgianToday(new Date(at)) };
    return this.today.date;
  }

  private loadList(today: string, query: { includeHistorical?: boolean; arrondissement?: string }) {
    return this.uow.read(async (repos) => {
      const rows = await repos.communes.list({
        ...(query.includeHistorical ? {} : { currentOn: today }),
        ...(query.arrondissement ? { arrondissement: query.arrondissement } : {}),
      });
      const list = rows.map(({ mergedFrom, ...row }) => presentCommune(row, mergedFrom, today));
      const json = JSON.stringify(CommuneList.parse(list));
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      return { list, json, etag };
    });
  }

  async get(actor: Actor, nisCode: string) {
    const today = belgianToday(this.now());
    return this.uow.read(async (repos) => {
      const row = await repos.communes.find(nisCode);
      if (!row) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
      const current = isCurrentOn(row, today);
      const allowed = permissionsOf(actor, {
        editProfile: ['update', { type: 'commune', communeNis: nisCode }],
        editDesignation: ['update', { type: 'commune_designation', communeNis: nisCode }],
        manageSites: ['create', { type: 'site', communeNis: nisCode }],
        readMissions: ['read', { type: 'mission', communeNis: nisCode }],
      });
      // A merged commune keeps its page, but its sites are frozen: new work goes to its successor.
      const permissions = { ...allowed, manageSites: current && allowed.manageSites };
      const absorbed = await repos.communes.absorbedBy(nisCode);
      const successor = row.mergedInto ? await repos.communes.find(row.mergedInto) : null;
      return presentCommuneDetail(row, {
        absorbed,
        successor: successor ? { nisCode: successor.nisCode, name: successor.name } : null,
        sites: await repos.communes.sitesOf(nisCode),
        today,
        permissions,
      });
    });
  }

  /** The boundaries as one GeoJSON FeatureCollection, with the figures a choropleth needs. */
  async boundaries(query: { includeHistorical?: boolean }) {
    const today = belgianToday(this.now());
    const rows = await this.uow.read((repos) =>
      repos.communes.boundaries(query.includeHistorical ? {} : { currentOn: today }),
    );
    return {
      type: 'FeatureCollection' as const,
      features: rows
        .filter((r) => r.boundary)
        .map((r) => ({
          type: 'Feature' as const,
          id: r.nisCode,
          properties: {
            nisCode: r.nisCode,
            name: r.name,
            arrondissement: r.arrondissement,
            population: r.population,
            areaKm2: r.areaKm2,
          },
          geometry: r.boundary as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] },
        })),
    };
  }

  async updateProfile(ctx: RequestContext, nisCode: string, input: CommuneProfileInput) {
    return this.uow
      .write(async (repos) => {
        const before = await repos.communes.find(nisCode);
        if (!before) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
        authorize(ctx.actor, 'update', { type: 'commune', communeNis: nisCode });
        const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        const after = await repos.communes.updateProfile(nisCode, patch);
        await repos.audit.record(
          auditOf(ctx, {
            action: 'commune.update',
            entityType: 'commune',
            entityId: nisCode,
            communeNis: nisCode,
            before: profileOf(before),
            after: profileOf(after),
          }),
        );
      })
      .then(() => this.get(ctx.actor, nisCode));
  }

  /** The agency confirms how the institution is called, with its source: OCDS names the commune so from then on. */
  async confirmDesignation(ctx: RequestContext, nisCode: string, input: OfficialDesignationInput) {
    return this.uow
      .write(async (repos) => {
        const before = await repos.communes.find(nisCode);
        if (!before) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
        authorize(ctx.actor, 'update', { type: 'commune_designation', communeNis: nisCode });
        const after = await repos.communes.updateDesignation(nisCode, {
          officialName: officialDesignation(before.name, input.title),
          officialNameSource: input.source,
          checkedAt: this.now(),
        });
        await repos.audit.record(
          auditOf(ctx, {
            action: 'commune.official_designation',
            entityType: 'commune',
            entityId: nisCode,
            communeNis: nisCode,
            before: designationOf(before),
            after: designationOf(after),
          }),
        );
      })
      .then(() => {
        this.listCache.clear();
        return this.get(ctx.actor, nisCode);
      });
  }

  async listSites(nisCode: string) {
    return this.uow.read(async (repos) => {
      if (!(await repos.communes.find(nisCode))) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
      return (await repos.communes.sitesOf(nisCode)).map(presentSite);
    });
  }

  async createSite(ctx: RequestContext, nisCode: string, input: SiteInput) {
    return this.uow.write(async (repos) => {
      const commune = await repos.communes.find(nisCode);
      if (!commune) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
      authorize(ctx.actor, 'create', { type: 'site', communeNis: nisCode });
      if (commune.mergedOn && commune.mergedOn <= belgianToday(this.now())) {
        throw new ValidationError('COMMUNE_MERGED', { nisCode, mergedOn: commune.mergedOn });
      }
      const site = await repos.communes.insertSite({
        communeNis: nisCode,
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'site.create',
          entityType: 'site',
          entityId: site.id,
          communeNis: nisCode,
          after: presentSite(site),
        }),
      );
      return presentSite(site);
    });
  }

  async updateSite(ctx: RequestContext, id: string, input: Partial<SiteInput>) {
    return this.uow.write(async (repos) => {
      const before = await repos.communes.findSite(id);
      if (!before) throw new NotFoundError('SITE_NOT_FOUND');
      authorize(ctx.actor, 'update', { type: 'site', communeNis: before.communeNis });
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const after = await repos.communes.updateSite(id, patch);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'site.update',
          entityType: 'site',
          entityId: id,
          communeNis: after.communeNis,
          before: presentSite(before),
          after: presentSite(after),
        }),
      );
      return presentSite(after);
    });
  }

  async deleteSite(ctx: RequestContext, id: string) {
    return this.uow.write(async (repos) => {
      const before = await repos.communes.findSite(id);
      if (!before) throw new NotFoundError('SITE_NOT_FOUND');
      authorize(ctx.actor, 'delete', { type: 'site', communeNis: before.communeNis });
      await repos.communes.deleteSite(id);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'site.delete',
          entityType: 'site',
          entityId: id,
          communeNis: before.communeNis,
          before: presentSite(before),
        }),
      );
    });
  }
}

function profileOf(row: { description: string | null; website: string | null; contactEmail: string | null }) {
  return { description: row.description, website: row.website, contactEmail: row.contactEmail };
}

function designationOf(row: {
  officialName: string | null;
  officialNameSource: string | null;
  officialNameVerified: boolean;
}) {
  return { officialName: row.officialName, source: row.officialNameSource, verified: row.officialNameVerified };
}
