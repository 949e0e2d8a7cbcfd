import { diagnosticContract as c } from '../../domain/diagnostic/diagnostic.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticServices } from './diagnostic-services.ts';

const diagnostic = (action: 'read' | 'create' | 'update' | 'delete') => ({ action, resource: 'diagnostic' }) as const;

/** Interviews of a mission: who was heard and their answers, saved as you go; erasure of the person's identity. */
export function registerInterviewRoutes(app: ApiInstance, { interviews }: DiagnosticServices) {
  registerContract(app, c.listInterviews, diagnostic('read'), (request) =>
    interviews.list(request.actor, request.params.id),
  );
  registerContract(app, c.createInterview, diagnostic('create'), (request) =>
    interviews.create(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.getInterview, diagnostic('read'), (request) =>
    interviews.get(request.actor, request.params.id, request.params.interviewId),
  );
  registerContract(app, c.updateInterview, diagnostic('update'), (request) =>
    interviews.update(request.ctx, request.params.id, request.params.interviewId, request.body),
  );
  registerContract(app, c.deleteInterview, diagnostic('delete'), async (request) => {
    await interviews.delete(request.ctx, request.params.id, request.params.interviewId);
    return null;
  });
  registerContract(app, c.eraseIdentity, { action: 'delete', resource: 'resource_person' }, (request) =>
    interviews.eraseIdentity(request.ctx, request.params.id, request.params.interviewId),
  );
}
