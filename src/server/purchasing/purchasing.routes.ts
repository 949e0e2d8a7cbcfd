import { z } from 'zod';
import { AgencyFileInput, AwardInput } from '../../domain/purchasing/agency-file.ts';
import {
  Adhesion,
  AdhesionInput,
  AgencyFile,
  ParticipationConfirmInput,
  ProcedureCostRecord,
  ScenarioCreateInput,
  ScenarioDetail,
  ScenarioSummary,
  ScenarioUpdateInput,
} from '../../domain/purchasing/api.ts';
import { ApiError } from '../../domain/shared/schemas.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { PurchasingService } from './purchasing.service.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['purchasing'];
const withConflicts = { ...errorResponses, 409: ApiError.describe('Not possible in the current state') } as const;

/** Central purchasing (issue 12): procurement scenarios from pooled needs, communes' confirmations and adhesions. */
export async function purchasingRoutes(app: ApiInstance, options: { purchasing: PurchasingService }) {
  const { purchasing } = options;

  app.get(
    '/api/purchasing/scenarios',
    {
      config: { access: { action: 'read', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'Procurement scenarios (a commune user: those their commune has a line in)',
        response: { 200: z.array(ScenarioSummary), ...errorResponses },
      },
    },
    async (request) => purchasing.list(request.actor),
  );

  app.post(
    '/api/purchasing/scenarios',
    {
      config: { access: { action: 'create', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'Build a scenario from confirmed groups: lots, and each commune’s line from the poll’s answers',
        body: ScenarioCreateInput,
        response: { 201: ScenarioDetail, ...withConflicts },
      },
    },
    async (request, reply) => reply.status(201).send(await purchasing.create(request.ctx, request.body)),
  );

  app.get(
    '/api/purchasing/scenarios/:id',
    {
      config: { access: { action: 'read', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'A scenario with its estimated value, legal routes, procedures and confirmations',
        params: IdParams,
        response: { 200: ScenarioDetail, ...errorResponses },
      },
    },
    async (request) => purchasing.get(request.actor, request.params.id),
  );

  app.put(
    '/api/purchasing/scenarios/:id',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'Change a draft scenario: terms, lots, lines, and the route the agency chose',
        params: IdParams,
        body: ScenarioUpdateInput,
        response: { 200: ScenarioDetail, ...withConflicts },
      },
    },
    async (request) => purchasing.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/purchasing/scenarios/:id/confirmations',
    {
      config: { access: { action: 'update', resource: 'purchasing_participation' } },
      schema: {
        tags,
        summary: 'A commune confirms or declines its line of a lot, with its quantity or amount',
        params: IdParams,
        body: ParticipationConfirmInput,
        response: { 200: ScenarioDetail, ...withConflicts },
      },
    },
    async (request) => purchasing.confirm(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/purchasing/scenarios/:id/launch',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'Launch the scenario once the route is chosen and every commune answered (409 lists what is missing)',
        params: IdParams,
        response: { 200: ScenarioDetail, ...withConflicts },
      },
    },
    async (request) => purchasing.launch(request.ctx, request.params.id),
  );

  app.get(
    '/api/purchasing/adhesions',
    {
      config: { access: { action: 'read', resource: 'central_purchasing_adhesion' } },
      schema: {
        tags,
        summary: 'Communes’ adhesions to the agency as central purchasing body (a commune user: their own)',
        response: { 200: z.array(Adhesion), ...errorResponses },
      },
    },
    async (request) => purchasing.adhesions(request.actor),
  );

  app.post(
    '/api/purchasing/adhesions',
    {
      config: { access: { action: 'create', resource: 'central_purchasing_adhesion' } },
      schema: {
        tags,
        summary: 'Record a commune’s adhesion: date and reference of its council’s decision',
        body: AdhesionInput,
        response: { 200: z.array(Adhesion), ...errorResponses },
      },
    },
    async (request) => purchasing.adhere(request.ctx, request.body),
  );

  app.get(
    '/api/purchasing/scenarios/:id/file',
    {
      config: { access: { action: 'read', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'The agency’s procurement file of a launched scenario: steps, documents, publication, bids, award',
        params: IdParams,
        response: { 200: AgencyFile, ...withConflicts },
      },
    },
    async (request) => purchasing.file(request.actor, request.params.id),
  );

  app.put(
    '/api/purchasing/scenarios/:id/file',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary:
          'Update the agency’s file: procedure (one the aggregated value allows), steps, documents, publication, bids',
        params: IdParams,
        body: AgencyFileInput,
        response: { 200: AgencyFile, ...withConflicts },
      },
    },
    async (request) => purchasing.saveFile(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/purchasing/scenarios/:id/award',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary:
          'Award the lots (vendor, amount): creates the framework agreement in the catalogue with its lots, ceilings, duration and communes',
        params: IdParams,
        body: AwardInput,
        response: { 200: AgencyFile, ...withConflicts, 422: ApiError.describe('A rule of the award is broken') },
      },
    },
    async (request) => purchasing.award(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/purchasing/scenarios/:id/savings',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'The scenario’s savings assumptions: the fee, its own procedure costs, the lots’ price models',
        params: IdParams,
        body: z.unknown().describe('SavingsAssumptions (src/domain/purchasing/savings.ts); checked by the domain'),
        response: { 200: ScenarioDetail, ...withConflicts, 422: ApiError.describe('An assumption is not valid') },
      },
    },
    async (request) => purchasing.saveSavings(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/purchasing/procedure-costs',
    {
      config: { access: { action: 'read', resource: 'procedure_cost' } },
      schema: {
        tags,
        summary: 'The cost of each procedure type that savings rest on, with its source (seed estimates flagged)',
        response: { 200: z.array(ProcedureCostRecord), ...errorResponses },
      },
    },
    async (request) => purchasing.procedureCosts(request.actor),
  );

  app.put(
    '/api/purchasing/procedure-costs',
    {
      config: { access: { action: 'update', resource: 'procedure_cost' } },
      schema: {
        tags,
        summary: 'Replace the table of procedure costs (agency admins): cost, source, checked or not',
        body: z.unknown().describe('ProcedureCost[] (src/domain/purchasing/savings.ts); checked by the domain'),
        response: {
          200: z.array(ProcedureCostRecord),
          ...errorResponses,
          422: ApiError.describe('A cost is not valid'),
        },
      },
    },
    async (request) => purchasing.saveProcedureCosts(request.ctx, request.body),
  );
}
