import { targetsContract } from '../../domain/diagnostic/targets.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { TargetsService } from './targets.service.ts';

/** Targets and gaps of a mission (decision 160), registered from their contract; the service checks the commune. */
export async function targetsRoutes(app: ApiInstance, options: { targets: TargetsService }) {
  const { targets } = options;
  const c = targetsContract;
  registerContract(app, c.view, { action: 'read', resource: 'diagnostic_target' }, (r) =>
    targets.view(r.actor, r.params.id),
  );
  registerContract(app, c.save, { action: 'update', resource: 'diagnostic_target' }, (r) =>
    targets.save(r.ctx, r.params.id, r.body),
  );
  registerContract(app, c.sheetGaps, { action: 'update', resource: 'strategy' }, (r) =>
    targets.sheetGaps(r.ctx, r.params.id, r.params.projectId, r.body),
  );
}
