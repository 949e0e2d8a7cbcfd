import type { MissionCreateInput, MissionUpdateInput } from '../../domain/missions/mission.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize, permissionsOf, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { auditableMission, presentMission } from './missions.presenter.ts';

export class MissionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: { communeNis?: string; phase?: string }) {
    const scope = readScope(actor, 'mission');
    if (scope.kind === 'none') return [];
    if (scope.kind === 'published') return [];
    const communeNis = scope.kind === 'commune' ? scope.communeNis : filter.communeNis;
    if (scope.kind === 'commune' && filter.communeNis && filter.communeNis !== scope.communeNis) return [];
    const rows = await this.uow.read((repos) =>
      repos.missions.list({ ...filter, ...(communeNis ? { communeNis } : {}) }),
    );
    return rows.map((row) => presentMission(row, this.permissionsFor(actor, row.communeNis)));
  }

  async get(actor: Actor, id: string) {
    const row = await this.uow.read((repos) => repos.missions.find(id));
    if (!row) throw new NotFoundError('MISSION_NOT_FOUND');
    authorize(actor, 'read', { type: 'mission', communeNis: row.communeNis });
    return presentMission(row, this.permissionsFor(actor, row.communeNis));
  }

  async create(ctx: RequestContext, input: MissionCreateInput) {
    authorize(ctx.actor, 'create', { type: 'mission', communeNis: input.communeNis });
    const id = await this.uow.write(async (repos) => {
      await this.checkBeneficiary(repos, input.communeNis, input.siteId ?? null);
      await this.checkConsultants(repos, input.consultantIds);
      const created = await repos.missions.insert({
        communeNis: input.communeNis,
        siteId: input.siteId ?? null,
        title: input.title,
        description: input.description ?? null,
        phase: input.phase ?? 'diagnostic',
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.missions.setConsultants(created.id, [...new Set(input.consultantIds)]);
      const record = (await repos.missions.find(created.id))!;
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mission.create',
          entityType: 'mission',
          entityId: created.id,
          communeNis: input.communeNis,
          after: auditableMission(record),
        }),
      );
      return created.id;
    });
    return this.get(ctx.actor, id);
  }

  async update(ctx: RequestContext, id: string, input: MissionUpdateInput) {
    await this.uow.write(async (repos) => {
      const before = await repos.missions.find(id);
      if (!before) throw new NotFoundError('MISSION_NOT_FOUND');
      authorize(ctx.actor, 'update', { type: 'mission', communeNis: before.communeNis });
      const startDate = input.startDate ?? before.startDate;
      const endDate = input.endDate === undefined ? before.endDate : input.endDate;
      if (endDate && endDate < startDate) throw new ValidationError('END_BEFORE_START', { field: 'endDate' });
      if (input.consultantIds) {
        await this.checkConsultants(repos, input.consultantIds);
        await repos.missions.setConsultants(id, [...new Set(input.consultantIds)]);
      }
      await repos.missions.update(id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.phase !== undefined ? { phase: input.phase } : {}),
        startDate,
        endDate,
      });
      const after = (await repos.missions.find(id))!;
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mission.update',
          entityType: 'mission',
          entityId: id,
          communeNis: before.communeNis,
          before: auditableMission(before),
          after: auditableMission(after),
        }),
      );
    });
    return this.get(ctx.actor, id);
  }

  async staff(actor: Actor) {
    authorize(actor, 'create', { type: 'mission' });
    return this.uow.read((repos) => repos.missions.staff());
  }

  private permissionsFor(actor: Actor, communeNis: string) {
    return permissionsOf(actor, { edit: ['update', { type: 'mission', communeNis }] });
  }

  private async checkBeneficiary(repos: Repositories, communeNis: string, siteId: string | null) {
    const commune = await repos.communes.find(communeNis);
    if (!commune) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode: communeNis });
    if (commune.mergedOn && commune.mergedOn <= belgianToday(this.now())) {
      throw new ValidationError('COMMUNE_MERGED', { nisCode: communeNis, mergedOn: commune.mergedOn });
    }
    if (siteId) {
      const site = await repos.communes.findSite(siteId);
      if (!site || site.communeNis !== communeNis)
        throw new ValidationError('SITE_NOT_IN_COMMUNE', { field: 'siteId' });
    }
  }

  private async checkConsultants(repos: Repositories, ids: string[]) {
    const staff = new Set((await repos.missions.staff()).map((s) => s.id));
    const unknown = ids.filter((id) => !staff.has(id));
    if (unknown.length) throw new ValidationError('CONSULTANT_NOT_STAFF', { field: 'consultantIds' });
  }
}
