import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import {
  GroupAction,
  GroupDetail,
  GroupStatus,
  GroupSummary,
  InterestPoll,
  JointPurchase,
  MutualisationRun,
  PollAnswerInput,
  PollCreateInput,
  PurchaseDraft,
  PurchaseDraftQuery,
  PurchaseInput,
} from './api.ts';

const IdParams = z.object({ id: z.uuid() });
const NOT_NOW = 'Not possible in the current state';

/**
 * The pooling side of the needs feature (decision 150): grouping runs, groups, interest polls and joint purchases.
 * Served by src/server/needs/mutualisation.routes.ts, called by src/web/features/needs.
 */
export const mutualisationContract = defineContract('mutualisation', {
  startRun: {
    method: 'POST',
    path: '/api/mutualisation/runs',
    summary: 'Start grouping the register’s needs (a background job; poll the run for its progress)',
    response: MutualisationRun,
    status: 202,
    refusals: { 409: NOT_NOW },
  },
  latestRun: {
    method: 'GET',
    path: '/api/mutualisation/runs/latest',
    summary: 'The last grouping run, or null',
    response: MutualisationRun.nullable(),
  },
  run: {
    method: 'GET',
    path: '/api/mutualisation/runs/:id',
    summary: 'A grouping run: status and progress (0–1)',
    params: IdParams,
    response: MutualisationRun,
  },
  groups: {
    method: 'GET',
    path: '/api/mutualisation/groups',
    summary: 'Groups of similar needs (a commune user: those with their commune)',
    query: z.strictObject({ status: GroupStatus.optional() }),
    response: z.array(GroupSummary),
  },
  group: {
    method: 'GET',
    path: '/api/mutualisation/groups/:id',
    summary: 'A group: its needs, communes (population, budgets), polls and joint purchase',
    params: IdParams,
    response: GroupDetail,
  },
  act: {
    method: 'POST',
    path: '/api/mutualisation/groups/:id/actions',
    summary: 'Confirm, dismiss, reopen, split, merge or rename a group, or set its price model',
    params: IdParams,
    body: GroupAction,
    response: GroupDetail,
    refusals: { 422: 'Invalid price model' },
  },
  createPoll: {
    method: 'POST',
    path: '/api/mutualisation/groups/:id/polls',
    summary: 'Ask the group’s communes (or all communes) whether they join, by a deadline',
    params: IdParams,
    body: PollCreateInput,
    response: InterestPoll,
    status: 201,
  },
  purchaseDraft: {
    method: 'GET',
    path: '/api/mutualisation/groups/:id/purchase/draft',
    summary:
      'What the joint purchase would be: its lines, what the lot has left, and what to confirm and why; writes nothing',
    params: IdParams,
    query: PurchaseDraftQuery,
    response: PurchaseDraft,
  },
  createPurchase: {
    method: 'POST',
    path: '/api/mutualisation/groups/:id/purchase',
    summary:
      'Turn a confirmed group into a joint purchase of the communes that said yes; through a lot, one call-off per commune under its ceilings (409 PURCHASE_NEEDS_CONFIRMATION lists what to confirm)',
    params: IdParams,
    body: PurchaseInput,
    response: JointPurchase,
    status: 201,
    refusals: { 409: NOT_NOW },
  },
  myPolls: {
    method: 'GET',
    path: '/api/mutualisation/polls/mine',
    summary: 'The interest polls the caller’s commune is asked',
    response: z.array(InterestPoll),
  },
  answerPoll: {
    method: 'POST',
    path: '/api/mutualisation/polls/:id/answers',
    summary: 'Answer a poll for the caller’s commune (agency staff: for the commune named)',
    params: IdParams,
    body: PollAnswerInput,
    response: InterestPoll,
    refusals: { 409: NOT_NOW },
  },
});
