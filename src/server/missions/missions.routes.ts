import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  Mission,
  MissionCreateInput,
  MissionListQuery,
  MissionUpdateInput,
  StaffMember,
} from '../../domain/missions/mission.ts';
import { MissionOverview } from '../../domain/missions/overview.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { MissionOverviewService } from './mission-overview.service.ts';
import type { MissionsService } from './missions.service.ts';

const IdParams = z.object({ id: z.uuid() });
const communeInQuery = (request: FastifyRequest) => (request.query as { communeNis?: string }).communeNis;

export async function missionsRoutes(
  app: ApiInstance,
  options: { missions: MissionsService; overview: MissionOverviewService },
) {
  const { missions, overview } = options;

  app.get(
    '/api/missions',
    {
      config: { access: { action: 'read', resource: 'mission', commune: communeInQuery } },
      schema: {
        tags: ['missions'],
        summary: 'Missions the caller may see (a commune user: their commune’s)',
        querystring: MissionListQuery,
        response: { 200: z.array(Mission), ...errorResponses },
      },
    },
    async (request) => missions.list(request.actor, request.query),
  );

  app.post(
    '/api/missions',
    {
      config: { access: { action: 'create', resource: 'mission' } },
      schema: {
        tags: ['missions'],
        summary: 'Open a mission for a commune or a site inside it',
        body: MissionCreateInput,
        response: { 201: Mission, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await missions.create(request.ctx, request.body)),
  );

  app.get(
    '/api/missions/staff',
    {
      config: { access: { action: 'create', resource: 'mission' } },
      schema: {
        tags: ['missions'],
        summary: 'Agency staff who can be put in charge of a mission',
        response: { 200: z.array(StaffMember), ...errorResponses },
      },
    },
    async (request) => missions.staff(request.actor),
  );

  app.get(
    '/api/missions/:id',
    {
      config: { access: { action: 'read', resource: 'mission' } },
      schema: {
        tags: ['missions'],
        summary: 'One mission',
        params: IdParams,
        response: { 200: Mission, ...errorResponses },
      },
    },
    async (request) => missions.get(request.actor, request.params.id),
  );

  app.get(
    '/api/missions/:id/overview',
    {
      config: { access: { action: 'read', resource: 'mission' } },
      schema: {
        tags: ['missions'],
        summary: 'Where a mission stands: interviews, maturity, SWOT, projects by status, open alerts, next milestones',
        params: IdParams,
        response: { 200: MissionOverview, ...errorResponses },
      },
    },
    async (request) => overview.overview(request.actor, request.params.id),
  );

  app.patch(
    '/api/missions/:id',
    {
      config: { access: { action: 'update', resource: 'mission' } },
      schema: {
        tags: ['missions'],
        summary: 'Change a mission: title, consultants, dates, phase',
        params: IdParams,
        body: MissionUpdateInput,
        response: { 200: Mission, ...errorResponses },
      },
    },
    async (request) => missions.update(request.ctx, request.params.id, request.body),
  );
}
