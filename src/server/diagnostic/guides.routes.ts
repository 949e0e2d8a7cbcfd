import { diagnosticContract as c } from '../../domain/diagnostic/diagnostic.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticServices } from './diagnostic-services.ts';

/** The interview guide's versions (maturity_model), and the guide a mission's diagnostic uses. */
export function registerGuideRoutes(app: ApiInstance, { guides, missionGuide }: DiagnosticServices) {
  const model = (action: 'read' | 'create' | 'update' | 'delete') => ({ action, resource: 'maturity_model' }) as const;

  registerContract(app, c.listGuides, model('read'), (request) => guides.list(request.actor));
  registerContract(app, c.getGuide, model('read'), (request) =>
    guides.get(request.actor, request.params.key, request.params.version),
  );
  registerContract(app, c.guideChanges, model('read'), (request) =>
    guides.diff(request.actor, request.params.key, request.params.version),
  );
  registerContract(app, c.createGuide, model('create'), (request) => guides.createGuide(request.ctx, request.body));
  registerContract(app, c.createDraft, model('create'), (request) =>
    guides.createDraft(request.ctx, request.params.key),
  );
  registerContract(app, c.updateDraft, model('update'), (request) =>
    guides.updateDraft(request.ctx, request.params.key, request.params.version, request.body),
  );
  registerContract(app, c.publishGuide, model('update'), (request) =>
    guides.publish(request.ctx, request.params.key, request.params.version),
  );
  registerContract(app, c.discardDraft, model('delete'), async (request) => {
    await guides.deleteDraft(request.ctx, request.params.key, request.params.version);
    return null;
  });

  registerContract(app, c.missionGuide, { action: 'read', resource: 'diagnostic' }, (request) =>
    missionGuide.get(request.actor, request.params.id),
  );
  registerContract(app, c.chooseMissionGuide, { action: 'update', resource: 'diagnostic' }, (request) =>
    missionGuide.choose(request.ctx, request.params.id, request.body),
  );
}
