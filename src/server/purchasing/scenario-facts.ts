import type { ThresholdTable } from '../../domain/implementation/thresholds.ts';
import { analyseScenario, type ScenarioAnalysis } from '../../domain/purchasing/analysis.ts';
import type { ScenarioDetail } from '../../domain/purchasing/api.ts';
import { launchBlockers } from '../../domain/purchasing/launch.ts';
import {
  estimateScenarioSavings,
  parseSavingsAssumptions,
  type SavingsAssumptions,
  type ScenarioSavings,
} from '../../domain/purchasing/savings.ts';
import type { ScenarioInput } from '../../domain/purchasing/scenario.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { ConflictError, fromDomainError, NotFoundError } from '../errors.ts';
import { costOf, presentScenario, type ScenarioFacts, type ScenarioReader } from './purchasing.presenter.ts';
import type { ParticipationRow, ScenarioRow } from './purchasing.repository.ts';

/**
 * What every use case of a scenario reads: the scenario valued and explained in law by the domain
 * (`analyseScenario`) on the stored, dated threshold table, its savings, and what still blocks its launch.
 */

/** A scenario as one actor may read it (a commune user: only one their commune has a line in). */
export async function readScenario(repos: Repositories, actor: Actor, id: string): Promise<ScenarioDetail> {
  const row = await repos.purchasing.findScenario(id);
  if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
  const lines = await repos.purchasing.participations([id]);
  const reader = readerOf(actor, row, lines);
  return presentScenario(await scenarioFacts(repos, row, lines), reader);
}

/** Who reads, and what they may do; a commune user reads the scenarios their commune has a line in (« own »). */
function readerOf(actor: Actor, row: ScenarioRow, lines: ParticipationRow[]): ScenarioReader {
  const own = actor.kind === 'user' ? actor.communeNis : null;
  const manage = can(actor, 'update', { type: 'purchasing' });
  const inIt = own !== null && lines.some((l) => l.communeNis === own);
  if (!manage) authorize(actor, 'read', { type: 'purchasing', communeNis: inIt ? own : '' });
  const confirm =
    row.status === 'draft' &&
    own !== null &&
    can(actor, 'update', { type: 'purchasing_participation', communeNis: own }) &&
    inIt;
  return { manage, own, confirm };
}

async function scenarioFacts(repos: Repositories, row: ScenarioRow, lines: ParticipationRow[]): Promise<ScenarioFacts> {
  const adhered = new Set((await repos.purchasing.adhesions()).map((a) => a.communeNis));
  const groups = await repos.purchasing.scenarioGroups([row.id]);
  const thresholds = await thresholdTable(repos);
  const { value: analysis, error: analysisError } = domainAttempt(() =>
    analyseScenario(scenarioInputOf(row, lines), {
      thresholds,
      adheredCommunes: [...adhered],
      agencyActsAsCentralPurchasingBody: row.route === 'central-purchasing-body' ? true : null,
    }),
  );
  const assumptions = storedAssumptions(row);
  let savings: ScenarioSavings | null = null;
  let savingsError: string | null = null;
  if (analysis) {
    const costs = (await repos.purchasing.procedureCosts()).map(costOf);
    ({ value: savings, error: savingsError } = domainAttempt(() =>
      estimateScenarioSavings(analysis, costs, assumptions),
    ));
  }
  return {
    row,
    lines,
    groups: groups.map((g) => ({ id: g.id, label: g.label })),
    adhered,
    analysis,
    analysisError,
    savings,
    savingsError,
    assumptions,
    launchBlockers: launchBlockers(
      row.route,
      lines.map((l) => ({ ...l, adhered: adhered.has(l.communeNis) })),
    ),
  };
}

/** A domain refusal (the scenario cannot be valued yet) is said in French beside the scenario, not thrown. */
function domainAttempt<T>(run: () => T): { value: T | null; error: string | null } {
  try {
    return { value: run(), error: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { value: null, error: error.message };
  }
}

async function thresholdTable(repos: Repositories): Promise<ThresholdTable> {
  return (await repos.implementation.thresholds()).map((t) => ({
    validFrom: t.validFrom,
    validTo: t.validTo,
    source: t.source,
    values: t.values,
    evidence: t.evidence,
  })) as ThresholdTable;
}

function scenarioInputOf(row: ScenarioRow, lines: ParticipationRow[]): ScenarioInput {
  return {
    launchDate: row.launchDate,
    initialMonths: row.initialMonths,
    renewals: row.renewals,
    renewalMonths: row.renewalMonths,
    lots: row.lots.map((lot) => ({
      ...lot,
      // Declined lines are out; proposed ones count until the commune answers (the estimate is a maximum).
      participations: lines
        .filter((l) => l.lotKey === lot.key && l.status !== 'declined')
        .map((l) => ({ communeNis: l.communeNis, communeName: l.communeName, quantity: l.quantity, amount: l.amount })),
    })),
  };
}

/** The stored assumptions; a row written before they existed (`{}`) reads as the defaults. */
export function storedAssumptions(row: ScenarioRow): SavingsAssumptions {
  try {
    return parseSavingsAssumptions(row.savings ?? {});
  } catch {
    return parseSavingsAssumptions({});
  }
}

/** The scenario, locked for a change that only a draft allows. */
export async function lockDraft(repos: Repositories, id: string): Promise<ScenarioRow> {
  const row = await repos.purchasing.findScenario(id, { lock: true });
  if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
  if (row.status !== 'draft') throw new ConflictError('SCENARIO_NOT_DRAFT');
  return row;
}

/** The analysis of a scenario read by agency staff, once it can be valued (a launched one always can). */
export function analysisOf(detail: ScenarioDetail): ScenarioAnalysis {
  if (!detail.analysis) throw new ConflictError('SCENARIO_NOT_READY', { reasons: detail.analysisError ?? '' });
  return detail.analysis;
}

/** A domain rule broken by the input: a 422 with its French message. */
export function domainOrThrow<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError) throw fromDomainError(error);
    throw error;
  }
}
