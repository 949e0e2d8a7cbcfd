import { diagnosticContract as c } from '../../domain/diagnostic/diagnostic.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticServices } from './diagnostic-services.ts';

const diagnostic = (action: 'read' | 'create' | 'update' | 'delete') => ({ action, resource: 'diagnostic' }) as const;

/** The SWOT of a mission's diagnostic and the territory's specificities. */
export function registerSwotRoutes(app: ApiInstance, { swot, specificities }: DiagnosticServices) {
  registerContract(app, c.swot, diagnostic('read'), (request) => swot.list(request.actor, request.params.id));
  registerContract(app, c.createSwot, diagnostic('create'), (request) =>
    swot.create(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.updateSwot, diagnostic('update'), (request) =>
    swot.update(request.ctx, request.params.id, request.params.itemId, request.body),
  );
  registerContract(app, c.deleteSwot, diagnostic('delete'), async (request) => {
    await swot.delete(request.ctx, request.params.id, request.params.itemId);
    return null;
  });
  registerContract(app, c.reorderSwot, diagnostic('update'), (request) =>
    swot.reorder(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.mergeSwot, diagnostic('update'), (request) =>
    swot.merge(request.ctx, request.params.id, request.body),
  );

  registerContract(app, c.specificities, diagnostic('read'), (request) =>
    specificities.get(request.actor, request.params.id),
  );
  registerContract(app, c.saveSpecificities, diagnostic('update'), (request) =>
    specificities.save(request.ctx, request.params.id, request.body),
  );
}
