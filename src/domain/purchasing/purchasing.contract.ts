import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { AgencyFileInput, AwardInput } from './agency-file.ts';
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
  typedByTheDomain,
} from './api.ts';
import type { ProcedureCost, SavingsAssumptionsInput } from './savings.ts';

const IdParams = z.object({ id: z.uuid() });
const NOT_NOW = 'Not possible in the current state';

/**
 * Central purchasing (issue 12, decision 140): procurement scenarios from pooled needs, the communes' adhesions and
 * confirmations, the agency's procurement file and its award, the savings and the procedure costs they rest on.
 * Served by src/server/purchasing/purchasing.routes.ts, called by src/web/features/purchasing. The OCDS exports
 * (files to download) keep plain routes in src/server/purchasing/ocds.routes.ts (decision 130).
 */
export const purchasingContract = defineContract('purchasing', {
  // ── scenarios ────────────────────────────────────────────────────────────────────────────────────────────────
  scenarios: {
    method: 'GET',
    path: '/api/purchasing/scenarios',
    summary: 'Procurement scenarios (a commune user: those their commune has a line in)',
    response: z.array(ScenarioSummary),
  },
  createScenario: {
    method: 'POST',
    path: '/api/purchasing/scenarios',
    summary: 'Build a scenario from confirmed groups: lots, and each commune’s line from the poll’s answers',
    body: ScenarioCreateInput,
    response: ScenarioDetail,
    status: 201,
    refusals: { 409: NOT_NOW },
  },
  scenario: {
    method: 'GET',
    path: '/api/purchasing/scenarios/:id',
    summary: 'A scenario with its estimated value, legal routes, procedures and confirmations',
    params: IdParams,
    response: ScenarioDetail,
  },
  updateScenario: {
    method: 'PUT',
    path: '/api/purchasing/scenarios/:id',
    summary: 'Change a draft scenario: terms, lots, lines, and the route the agency chose',
    params: IdParams,
    body: ScenarioUpdateInput,
    response: ScenarioDetail,
    refusals: { 409: NOT_NOW },
  },
  confirm: {
    method: 'POST',
    path: '/api/purchasing/scenarios/:id/confirmations',
    summary: 'A commune confirms or declines its line of a lot, with its quantity or amount',
    params: IdParams,
    body: ParticipationConfirmInput,
    response: ScenarioDetail,
    refusals: { 409: NOT_NOW },
  },
  launch: {
    method: 'POST',
    path: '/api/purchasing/scenarios/:id/launch',
    summary: 'Launch the scenario once the route is chosen and every commune answered (409 lists what is missing)',
    params: IdParams,
    response: ScenarioDetail,
    refusals: { 409: NOT_NOW },
  },

  // ── adhesions to the central purchasing body ─────────────────────────────────────────────────────────────────
  adhesions: {
    method: 'GET',
    path: '/api/purchasing/adhesions',
    summary: 'Communes’ adhesions to the agency as central purchasing body (a commune user: their own)',
    response: z.array(Adhesion),
  },
  adhere: {
    method: 'POST',
    path: '/api/purchasing/adhesions',
    summary: 'Record a commune’s adhesion: date and reference of its council’s decision',
    body: AdhesionInput,
    response: z.array(Adhesion),
  },

  // ── the agency's procurement file and its award ──────────────────────────────────────────────────────────────
  file: {
    method: 'GET',
    path: '/api/purchasing/scenarios/:id/file',
    summary: 'The agency’s procurement file of a launched scenario: steps, documents, publication, bids, award',
    params: IdParams,
    response: AgencyFile,
    refusals: { 409: NOT_NOW },
  },
  saveFile: {
    method: 'PUT',
    path: '/api/purchasing/scenarios/:id/file',
    summary:
      'Update the agency’s file: procedure (one the aggregated value allows), steps, documents, publication, bids',
    params: IdParams,
    body: AgencyFileInput,
    response: AgencyFile,
    refusals: { 409: NOT_NOW },
  },
  award: {
    method: 'POST',
    path: '/api/purchasing/scenarios/:id/award',
    summary:
      'Award the lots (vendor, amount): creates the framework agreement in the catalogue with its lots, ceilings, duration and communes',
    params: IdParams,
    body: AwardInput,
    response: AgencyFile,
    refusals: { 409: NOT_NOW, 422: 'A rule of the award is broken' },
  },

  // ── savings ──────────────────────────────────────────────────────────────────────────────────────────────────
  saveSavings: {
    method: 'PUT',
    path: '/api/purchasing/scenarios/:id/savings',
    summary: 'The scenario’s savings assumptions: the fee, its own procedure costs, the lots’ price models',
    params: IdParams,
    body: typedByTheDomain<SavingsAssumptionsInput>(
      'SavingsAssumptions (src/domain/purchasing/savings.ts); checked by the domain',
    ),
    response: ScenarioDetail,
    refusals: { 409: NOT_NOW, 422: 'An assumption is not valid' },
  },
  procedureCosts: {
    method: 'GET',
    path: '/api/purchasing/procedure-costs',
    summary: 'The cost of each procedure type that savings rest on, with its source (seed estimates flagged)',
    response: z.array(ProcedureCostRecord),
  },
  saveProcedureCosts: {
    method: 'PUT',
    path: '/api/purchasing/procedure-costs',
    summary: 'Replace the table of procedure costs (agency admins): cost, source, checked or not',
    body: typedByTheDomain<ProcedureCost[]>(
      'ProcedureCost[] (src/domain/purchasing/savings.ts); checked by the domain',
    ),
    response: z.array(ProcedureCostRecord),
    refusals: { 422: 'A cost is not valid' },
  },
});
