import { purchasingContract } from '../../domain/purchasing/purchasing.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { PurchasingService } from './purchasing.service.ts';

/**
 * Central purchasing (issue 12): procurement scenarios from pooled needs, communes' confirmations and adhesions, the
 * agency's file and award, the savings. Each route is declared once in purchasing.contract.ts (decision 130).
 */
export async function purchasingRoutes(app: ApiInstance, options: { purchasing: PurchasingService }) {
  const { scenarios, adhesions, files, awards, savings } = options.purchasing;
  const c = purchasingContract;
  const read = { action: 'read', resource: 'purchasing' } as const;
  const manage = { action: 'update', resource: 'purchasing' } as const;

  registerContract(app, c.scenarios, read, (request) => scenarios.list(request.actor));
  registerContract(app, c.createScenario, { action: 'create', resource: 'purchasing' }, (request) =>
    scenarios.create(request.ctx, request.body),
  );
  registerContract(app, c.scenario, read, (request) => scenarios.get(request.actor, request.params.id));
  registerContract(app, c.updateScenario, manage, (request) =>
    scenarios.update(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.confirm, { action: 'update', resource: 'purchasing_participation' }, (request) =>
    scenarios.confirm(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.launch, manage, (request) => scenarios.launch(request.ctx, request.params.id));

  registerContract(app, c.adhesions, { action: 'read', resource: 'central_purchasing_adhesion' }, (request) =>
    adhesions.list(request.actor),
  );
  registerContract(app, c.adhere, { action: 'create', resource: 'central_purchasing_adhesion' }, (request) =>
    adhesions.adhere(request.ctx, request.body),
  );

  registerContract(app, c.file, read, (request) => files.get(request.actor, request.params.id));
  registerContract(app, c.saveFile, manage, (request) => files.save(request.ctx, request.params.id, request.body));
  registerContract(app, c.award, manage, (request) => awards.award(request.ctx, request.params.id, request.body));

  registerContract(app, c.saveSavings, manage, (request) =>
    savings.saveAssumptions(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.procedureCosts, { action: 'read', resource: 'procedure_cost' }, (request) =>
    savings.procedureCosts(request.actor),
  );
  registerContract(app, c.saveProcedureCosts, { action: 'update', resource: 'procedure_cost' }, (request) =>
    savings.saveProcedureCosts(request.ctx, request.body),
  );
}
