import { PROCEDURE_LABELS_FR, type ProcurementProcedure } from '../../domain/implementation/procurement.ts';
import { stepLabelFr, validateProcurementFile } from '../../domain/implementation/procurement-file.ts';
import { standstillFor } from '../../domain/purchasing/agency-file.ts';
import type { ScenarioAnalysis } from '../../domain/purchasing/analysis.ts';
import type {
  AgencyFile,
  ProcedureCostRecord,
  ScenarioDetail,
  ScenarioStatus,
  ScenarioSummary,
} from '../../domain/purchasing/api.ts';
import {
  type ProcedureCost,
  procedureCostTable,
  type SavingsAssumptions,
  type ScenarioSavings,
} from '../../domain/purchasing/savings.ts';
import type { FileRow, ParticipationRow, ProcedureCostRow, ScenarioRow } from './purchasing.repository.ts';

/** A lot as the scenario row stores it. */
export type StoredLot = ScenarioDetail['lots'][number];

/** What the service worked out about a scenario before presenting it to one caller. */
export type ScenarioFacts = {
  row: ScenarioRow;
  lines: ParticipationRow[];
  groups: { id: string; label: string }[];
  adhered: Set<string>;
  analysis: ScenarioAnalysis | null;
  analysisError: string | null;
  savings: ScenarioSavings | null;
  savingsError: string | null;
  assumptions: SavingsAssumptions;
  launchBlockers: string[];
};

/** Who reads: agency staff who manage scenarios see every line; a commune user sees their own commune's. */
export type ScenarioReader = { manage: boolean; own: string | null; confirm: boolean };

export function summaryOf(row: ScenarioRow, lines: ParticipationRow[]): ScenarioSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as ScenarioStatus,
    launchDate: row.launchDate,
    route: row.route,
    lotCount: row.lots.length,
    communeCount: new Set(lines.filter((l) => l.status !== 'declined').map((l) => l.communeNis)).size,
    confirmedCount: lines.filter((l) => l.status === 'confirmed').length,
    pendingCount: lines.filter((l) => l.status === 'proposed').length,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A scenario as one reader sees it: a commune user only reads their own commune's lines and figures. */
export function presentScenario(facts: ScenarioFacts, reader: ScenarioReader): ScenarioDetail {
  const { row, lines, adhered, analysis, savings } = facts;
  const { manage, own } = reader;
  const visible = manage ? lines : lines.filter((l) => l.communeNis === own);
  return {
    ...summaryOf(row, lines),
    groups: facts.groups,
    initialMonths: row.initialMonths,
    renewals: row.renewals,
    renewalMonths: row.renewalMonths,
    lots: row.lots,
    participations: visible.map((l) => ({
      lotKey: l.lotKey,
      communeNis: l.communeNis,
      communeName: l.communeName,
      quantity: l.quantity,
      amount: l.amount,
      status: l.status,
      confirmedAt: l.confirmedAt?.toISOString() ?? null,
      adhered: adhered.has(l.communeNis),
    })),
    routeNote: row.routeNote,
    analysis: analysis && !manage ? restrictAnalysis(analysis, own) : analysis,
    analysisError: facts.analysisError,
    savings: savings && !manage ? restrictSavings(savings, own) : savings,
    savingsAssumptions: facts.assumptions,
    savingsError: facts.savingsError,
    launchBlockers: manage ? facts.launchBlockers : [],
    permissions: { manage: manage && row.status === 'draft', confirm: reader.confirm },
  };
}

/** A commune user's view: the aggregated figures and the law, their own commune's lines only. */
function restrictAnalysis(analysis: ScenarioAnalysis, own: string | null): ScenarioAnalysis {
  return {
    ...analysis,
    value: {
      ...analysis.value,
      lots: analysis.value.lots.map((lot) => ({
        ...lot,
        participations: lot.participations.filter((p) => p.communeNis === own),
      })),
      communes: analysis.value.communes.filter((c) => c.communeNis === own),
    },
    routes: analysis.routes.map((r) => ({
      ...r,
      perCommune: r.perCommune?.filter((c) => c.communeNis === own),
    })),
    nearThresholds: analysis.nearThresholds.filter((n) => n.scope !== 'commune'),
    toVerifyFr: [],
  };
}

/** A commune user's view of the savings: the totals and the assumptions, their own commune's line only. */
function restrictSavings(savings: ScenarioSavings, own: string | null): ScenarioSavings {
  return {
    ...savings,
    communes: savings.communes.filter((c) => c.communeNis === own),
    lots: savings.lots.map((lot) =>
      lot.estimate
        ? {
            ...lot,
            estimate: { ...lot.estimate, participants: lot.estimate.participants.filter((p) => p.communeNis === own) },
          }
        : lot,
    ),
    toVerifyFr: [],
  };
}

/** The agency's file with what the domain says of it today: its problems, the standstill, the award. */
export function presentFile(
  file: FileRow,
  scenarioId: string,
  analysis: ScenarioAnalysis | null,
  today: string,
): AgencyFile {
  const procedure = file.procedure as ProcurementProcedure;
  const steps = file.steps;
  const validation = validateProcurementFile({ procedure, steps }, today);
  const europeanPublication = analysis?.europeanPublication.required ?? false;
  const awards = file.awards;
  return {
    scenarioId,
    procedure,
    procedureLabel: PROCEDURE_LABELS_FR[procedure],
    steps: steps.map((s) => ({ ...s, label: stepLabelFr(s.step, procedure) })),
    documents: file.documents,
    publication: file.publication,
    bids: file.bids,
    problems: validation.problems.map((p) => ({ severity: p.severity, messageFr: p.messageFr })),
    europeanPublication,
    standstill: file.awardDate ? standstillFor(europeanPublication, file.awardDate) : null,
    award: file.awardDate && awards ? { awardDate: file.awardDate, lots: awards, agreementId: file.agreementId } : null,
  };
}

export function costOf(row: ProcedureCostRow): ProcedureCost {
  return {
    procedure: row.procedure as ProcedureCost['procedure'],
    cost: row.cost,
    source: row.source,
    verified: row.verified,
  };
}

export function presentCosts(rows: ProcedureCostRow[]): ProcedureCostRecord[] {
  return procedureCostTable(rows.map(costOf)).map((cost) => {
    const stored = rows.find((r) => r.procedure === cost.procedure);
    return {
      ...cost,
      labelFr: PROCEDURE_LABELS_FR[cost.procedure],
      stored: stored !== undefined,
      updatedAt: stored?.updatedAt.toISOString() ?? null,
    };
  });
}

// ── what the audit log keeps ─────────────────────────────────────────────────────────────────────────────────────

export function termsOf(row: ScenarioRow) {
  return {
    title: row.title,
    launchDate: row.launchDate,
    initialMonths: row.initialMonths,
    renewals: row.renewals,
    renewalMonths: row.renewalMonths,
    lots: row.lots,
    route: row.route,
    routeNote: row.routeNote,
  };
}

export function lineFacts(l: {
  lotKey: string;
  communeNis: string;
  quantity: number | null;
  amount: number | null;
  status: string;
}) {
  return { lotKey: l.lotKey, communeNis: l.communeNis, quantity: l.quantity, amount: l.amount, status: l.status };
}

export function fileFacts(file: FileRow) {
  return {
    procedure: file.procedure,
    steps: file.steps,
    documents: file.documents,
    publication: file.publication,
    bids: file.bids,
  };
}
