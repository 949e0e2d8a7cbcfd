import type { ProcedureCostRecord, ScenarioDetail } from '../../domain/purchasing/api.ts';
import { parseProcedureCosts, parseSavingsAssumptions } from '../../domain/purchasing/savings.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { costOf, presentCosts } from './purchasing.presenter.ts';
import { domainOrThrow, readScenario, storedAssumptions } from './scenario-facts.ts';

/**
 * « Savings, honestly » (issue 12): a scenario's own assumptions (the fee, its procedure costs, the lots' price
 * models) and the agency admins' table of what each procedure type costs a commune, with its source.
 */
export class SavingsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The cost of each procedure type, as the admins set it, or the seed estimate for those not set yet. */
  async procedureCosts(actor: Actor): Promise<ProcedureCostRecord[]> {
    authorize(actor, 'read', { type: 'procedure_cost' });
    return this.uow.read(async (repos) => presentCosts(await repos.purchasing.procedureCosts()));
  }

  /** The admins replace the table: every procedure with its cost, its source and whether it was checked. */
  async saveProcedureCosts(ctx: RequestContext, body: unknown): Promise<ProcedureCostRecord[]> {
    authorize(ctx.actor, 'update', { type: 'procedure_cost' });
    const rows = domainOrThrow(() => parseProcedureCosts(body));
    return this.uow.write(async (repos) => {
      const before = await repos.purchasing.procedureCosts();
      await repos.purchasing.replaceProcedureCosts(
        rows.map((r) => ({ ...r, updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null })),
      );
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.procedure_costs.update',
          entityType: 'procedure_cost',
          entityId: 'table',
          before: before.map(costOf),
          after: rows,
        }),
      );
      return presentCosts(await repos.purchasing.procedureCosts());
    });
  }

  /** A scenario's savings assumptions: the fee, its own procedure costs, the lots' price models (any status). */
  async saveAssumptions(ctx: RequestContext, id: string, body: unknown): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    const input = domainOrThrow(() => parseSavingsAssumptions(body));
    return this.uow.write(async (repos) => {
      const row = await repos.purchasing.findScenario(id, { lock: true });
      if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
      if (row.status === 'cancelled') throw new ConflictError('SCENARIO_NOT_DRAFT');
      const keys = new Set(row.lots.map((l) => l.key));
      input.priceModels.forEach((m, i) => {
        if (!keys.has(m.lotKey)) {
          const field = `priceModels.${i}.lotKey`;
          throw new ValidationError('SCENARIO_UNKNOWN_LOT', { lot: m.lotKey, field }, { field });
        }
      });
      await repos.purchasing.updateScenario(id, { savings: input });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.savings',
          entityType: 'procurement_scenario',
          entityId: id,
          before: storedAssumptions(row),
          after: input,
        }),
      );
      return readScenario(repos, ctx.actor, id);
    });
  }
}
