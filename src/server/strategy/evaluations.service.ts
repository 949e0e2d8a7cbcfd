import type { EvaluationsInput } from '../../domain/strategy/mission-model.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentEvaluations } from './strategy.presenter.ts';
import type { CriterionRow } from './strategy.repository.ts';
import { auditStrategy, missionFor } from './strategy-core.ts';

type Cell = EvaluationsInput['values'][number];

/** A cell of the grid checked against its criterion: a known cell, a manual criterion, a value on its scale. */
function checkCell(cell: Cell, index: number, criterion: CriterionRow | undefined, projectIds: ReadonlySet<string>) {
  if (!criterion || !projectIds.has(cell.projectId)) {
    throw new ValidationError('EVALUATION_UNKNOWN_CELL', { field: `values.${index}` });
  }
  if (criterion.source !== 'manual') {
    throw new ValidationError('EVALUATION_NOT_MANUAL', { field: `values.${index}.criterionId`, name: criterion.name });
  }
  const { scaleMin, scaleMax } = criterion;
  if (
    cell.value !== null &&
    ((scaleMin !== null && cell.value < scaleMin) || (scaleMax !== null && cell.value > scaleMax))
  ) {
    throw new ValidationError('EVALUATION_OUT_OF_SCALE', {
      field: `values.${index}.value`,
      name: criterion.name,
      min: scaleMin ?? '−∞',
      max: scaleMax ?? '∞',
    });
  }
}

/** The evaluation grid of a mission's strategy: the value of each project on each manual criterion. */
export class EvaluationsService {
  constructor(private readonly uow: UnitOfWork) {}

  async setEvaluations(ctx: RequestContext, missionId: string, input: EvaluationsInput) {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
      const [criteria, projects, current] = await Promise.all([
        repos.strategy.criteria(missionId),
        repos.strategy.projects(missionId),
        repos.strategy.evaluations(missionId),
      ]);
      const criterion = new Map(criteria.map((c) => [c.id, c]));
      const projectIds = new Set(projects.map((p) => p.id));
      const upserts: { projectId: string; criterionId: string; value: number }[] = [];
      const deletes: { projectId: string; criterionId: string }[] = [];
      for (const [index, cell] of input.values.entries()) {
        checkCell(cell, index, criterion.get(cell.criterionId), projectIds);
        if (cell.value === null) deletes.push({ projectId: cell.projectId, criterionId: cell.criterionId });
        else upserts.push({ projectId: cell.projectId, criterionId: cell.criterionId, value: cell.value });
      }
      await repos.strategy.upsertEvaluations(upserts);
      await repos.strategy.deleteEvaluations(deletes);
      const touched = new Set(input.values.map((v) => `${v.projectId}|${v.criterionId}`));
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.evaluations.set',
        entityType: 'mission',
        entityId: missionId,
        before: current
          .filter((e) => touched.has(`${e.projectId}|${e.criterionId}`))
          .map((e) => ({ projectId: e.projectId, criterionId: e.criterionId, value: e.value })),
        after: input.values,
      });
    });
    return this.uow.read(async (repos) => presentEvaluations(await repos.strategy.evaluations(missionId)));
  }
}
