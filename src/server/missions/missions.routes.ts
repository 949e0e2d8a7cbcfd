import type { FastifyRequest } from 'fastify';
import { missionsContract } from '../../domain/missions/missions.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { MissionOverviewService } from './mission-overview.service.ts';
import type { MissionsService } from './missions.service.ts';

const communeInQuery = (request: FastifyRequest) => (request.query as { communeNis?: string }).communeNis;

export async function missionsRoutes(
  app: ApiInstance,
  options: { missions: MissionsService; overview: MissionOverviewService },
) {
  const { missions, overview } = options;
  const c = missionsContract;

  registerContract(app, c.list, { action: 'read', resource: 'mission', commune: communeInQuery }, (request) =>
    missions.list(request.actor, request.query),
  );
  registerContract(app, c.create, { action: 'create', resource: 'mission' }, (request) =>
    missions.create(request.ctx, request.body),
  );
  registerContract(app, c.staff, { action: 'create', resource: 'mission' }, (request) => missions.staff(request.actor));
  registerContract(app, c.get, { action: 'read', resource: 'mission' }, (request) =>
    missions.get(request.actor, request.params.id),
  );
  registerContract(app, c.overview, { action: 'read', resource: 'mission' }, (request) =>
    overview.overview(request.actor, request.params.id),
  );
  registerContract(app, c.update, { action: 'update', resource: 'mission' }, (request) =>
    missions.update(request.ctx, request.params.id, request.body),
  );
}
