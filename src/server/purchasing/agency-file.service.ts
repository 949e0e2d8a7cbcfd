import type { z } from 'zod';
import { PROCEDURE_LABELS_FR } from '../../domain/implementation/procurement.ts';
import { validateProcurementFile } from '../../domain/implementation/procurement-file.ts';
import { AgencyFileInput } from '../../domain/purchasing/agency-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../domain/purchasing/api.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { fileFacts, presentFile } from './purchasing.presenter.ts';
import type { FileRow, ScenarioRow } from './purchasing.repository.ts';
import { analysisOf, readScenario } from './scenario-facts.ts';

/**
 * The agency's own procurement file of a launched scenario (issue 12, step 3): its procedure (one the aggregated
 * value allows), steps, documents, publication and bids. The award lives in award.ts.
 */
export class AgencyFileService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(actor: Actor, id: string): Promise<AgencyFile> {
    authorize(actor, 'read', { type: 'purchasing' });
    return this.uow.read(async (repos) => {
      await readScenario(repos, actor, id);
      return this.present(repos, actor, id);
    });
  }

  async save(ctx: RequestContext, id: string, body: AgencyFileInput): Promise<AgencyFile> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    const input = AgencyFileInput.parse(body);
    return this.uow.write(async (repos) => {
      const { row, file } = await openFile(repos, id);
      const detail = await readScenario(repos, ctx.actor, id);
      this.check(input, row, detail);
      await repos.purchasing.saveFile({ scenarioId: id, ...input });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.file.update',
          entityType: 'procurement_scenario',
          entityId: id,
          before: fileFacts(file),
          after: input,
        }),
      );
      return this.present(repos, ctx.actor, id);
    });
  }

  /** The file as the domain judges it today. */
  async present(repos: Repositories, actor: Actor, id: string): Promise<AgencyFile> {
    const file = await repos.purchasing.file(id);
    if (!file) throw new ConflictError('SCENARIO_NOT_LAUNCHED');
    const detail = await readScenario(repos, actor, id);
    return presentFile(file, id, detail.analysis, belgianToday(this.now()));
  }

  /** A procedure the route allows for the aggregated value, steps in order, bids on the scenario's lots. */
  private check(input: z.output<typeof AgencyFileInput>, row: ScenarioRow, detail: ScenarioDetail): void {
    const procedure = input.procedure;
    const route = analysisOf(detail).routes.find((r) => r.route === row.route);
    const proposal = route?.advice?.proposals.find((p) => p.procedure === procedure);
    if (!proposal?.allowed)
      throw new ConflictError('PROCEDURE_NOT_ALLOWED', { procedure: PROCEDURE_LABELS_FR[procedure] });
    const validation = validateProcurementFile({ procedure, steps: input.steps }, belgianToday(this.now()));
    const errors = validation.problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      const problem = errors.map((e) => e.messageFr).join(' ');
      throw new ValidationError('PROCUREMENT_FILE_INVALID', { problem, field: 'steps' }, { field: 'steps' });
    }
    const lotKeys = new Set(detail.lots.map((l) => l.key));
    input.bids.forEach((bid, i) => {
      if (!lotKeys.has(bid.lotKey)) {
        const field = `bids.${i}.lotKey`;
        throw new ValidationError('SCENARIO_UNKNOWN_LOT', { lot: bid.lotKey, field }, { field });
      }
    });
  }
}

/** The file of a launched scenario, locked, that is not awarded yet. */
export async function openFile(repos: Repositories, id: string): Promise<{ row: ScenarioRow; file: FileRow }> {
  const row = await repos.purchasing.findScenario(id, { lock: true });
  if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
  const file = await repos.purchasing.file(id);
  if (row.status !== 'launched' || !file) throw new ConflictError('SCENARIO_NOT_LAUNCHED');
  if (file.agreementId) throw new ConflictError('SCENARIO_ALREADY_AWARDED');
  return { row, file };
}
