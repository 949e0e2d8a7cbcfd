import type { Criterion } from './criteria.ts';
import { HORIZON_KEYS, type Horizon, type HorizonKey } from './horizons.ts';
import type { RankedProject } from './mission-model.ts';
import type { Objective } from './objectives.ts';
import type { ProjectSheet } from './project-sheets.ts';
import type { Roadmap } from './roadmap.ts';

/**
 * The strategy document in the structure of the commune's Programme stratégique transversal: strategic objectives →
 * operational objectives → actions (the projects), with each action's horizon, years, cost, owner and funding.
 * One structure feeds both the PDF and the spreadsheet, so they always say the same.
 *
 * With a plan, the actions are the planned projects and the others are listed apart; without one, every project that
 * is not rejected is an action, without a horizon.
 */
export type PstAction = {
  code: string;
  projectId: string;
  title: string;
  description: string | null;
  dimensions: string[];
  owner: string | null;
  investmentCost: number;
  runningCostPerYear: number;
  funding: string[];
  mandatory: boolean;
  status: ProjectSheet['status'];
  horizon: HorizonKey | null;
  /** "2025–2026": the horizon's years. */
  years: string | null;
  /** "2025-01 → 2025-12" from the roadmap. */
  period: string | null;
  rank: number | null;
  priority: number | null;
};

export type PstOperational = { code: string; title: string; description: string | null; actions: PstAction[] };
export type PstStrategic = { code: string; title: string; description: string | null; operational: PstOperational[] };

export type PstDocument = {
  missionTitle: string;
  beneficiary: string;
  generatedOn: string;
  hasPlan: boolean;
  planStatus: string | null;
  strategic: PstStrategic[];
  /** Actions not yet placed under an operational objective. */
  unassigned: PstAction[];
  /** With a plan: projects that are not rejected but are not in it. */
  notPlanned: PstAction[];
  horizons: { key: HorizonKey; years: string; budget: number; used: number; actions: number; runningPerYear: number }[];
  criteria: { name: string; direction: 'max' | 'min'; weight: number }[];
  ahp: { consistencyRatio: number; consistent: boolean } | null;
  totals: { actions: number; investment: number; runningPerYear: number };
};

export type StrategyDocumentInput = {
  missionTitle: string;
  beneficiary: string;
  generatedOn: string;
  criteria: readonly Pick<Criterion, 'name' | 'direction' | 'normalisedWeight'>[];
  ahp: { consistencyRatio: number; consistent: boolean } | null;
  objectives: readonly Objective[];
  projects: readonly ProjectSheet[];
  ranking: readonly Pick<RankedProject, 'id' | 'rank' | 'priority'>[];
  plan: { status: string; placements: readonly { projectId: string; horizon: HorizonKey }[] } | null;
  horizons: readonly Horizon[];
  roadmap: Roadmap | null;
};

const years = (h: Pick<Horizon, 'startYear' | 'endYear'>) =>
  h.startYear === h.endYear ? String(h.startYear) : `${h.startYear}–${h.endYear}`;

/** How the document reads the plan and the ranking: a sheet's horizon, its place in the order, its action row. */
function documentReader(input: StrategyDocumentInput) {
  const rank = new Map(input.ranking.map((r) => [r.id, r]));
  const placed = new Map(input.plan?.placements.map((p) => [p.projectId, p.horizon]) ?? []);
  const horizon = new Map(input.horizons.map((h) => [h.key, h]));
  const period = new Map(input.roadmap?.rows.map((r) => [r.projectId, `${r.startMonth} → ${r.endMonth}`]) ?? []);
  const live = input.projects.filter((p) => p.status !== 'rejected');
  const isAction = (p: ProjectSheet) => (input.plan ? placed.has(p.id) : true);

  const order = (a: ProjectSheet, b: ProjectSheet) => {
    const ha = placed.get(a.id);
    const hb = placed.get(b.id);
    const byHorizon =
      (ha ? HORIZON_KEYS.indexOf(ha) : HORIZON_KEYS.length) - (hb ? HORIZON_KEYS.indexOf(hb) : HORIZON_KEYS.length);
    const ra = rank.get(a.id)?.rank ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.id)?.rank ?? Number.MAX_SAFE_INTEGER;
    return byHorizon || ra - rb || a.title.localeCompare(b.title, 'fr');
  };
  const action = (p: ProjectSheet, code: string): PstAction => {
    const h = placed.get(p.id) ?? null;
    const r = rank.get(p.id);
    return {
      code,
      projectId: p.id,
      title: p.title,
      description: p.description,
      dimensions: p.dimensions,
      owner: p.owner,
      investmentCost: p.investmentCost,
      runningCostPerYear: p.runningCostPerYear,
      funding: p.funding.map((f) =>
        [f.name, f.rate != null ? `${f.rate} %` : null, f.amount != null ? `${f.amount} €` : null]
          .filter(Boolean)
          .join(' — '),
      ),
      mandatory: p.mandatory,
      status: p.status,
      horizon: h,
      years: h && horizon.has(h) ? years(horizon.get(h)!) : null,
      period: period.get(p.id) ?? null,
      rank: r?.rank ?? null,
      priority: r?.priority ?? null,
    };
  };
  return { placed, horizon, live, isAction, order, action };
}
type DocumentReader = ReturnType<typeof documentReader>;

/** The PST tree: strategic objectives, their operational ones, and the actions under each (« A 1.2 »). */
function strategicGoals(input: StrategyDocumentInput, { live, isAction, order, action }: DocumentReader) {
  return input.objectives
    .filter((o) => o.kind === 'strategic')
    .map((goal) => ({
      code: goal.code,
      title: goal.title,
      description: goal.description,
      operational: input.objectives
        .filter((o) => o.parentId === goal.id)
        .map((op) => {
          const number = op.code.replace(/^OO\s*/, '');
          return {
            code: op.code,
            title: op.title,
            description: op.description,
            actions: live
              .filter((p) => p.objectiveId === op.id && isAction(p))
              .sort(order)
              .map((p, i) => action(p, `A ${number}.${i + 1}`)),
          };
        }),
    }));
}

/** Each horizon's budget against the actions it holds. */
function horizonTotals(actions: readonly PstAction[], horizon: DocumentReader['horizon']): PstDocument['horizons'] {
  return HORIZON_KEYS.flatMap((key) => {
    const h = horizon.get(key);
    if (!h) return [];
    const inHorizon = actions.filter((a) => a.horizon === key);
    return [
      {
        key,
        years: years(h),
        budget: h.budget,
        used: inHorizon.reduce((s, a) => s + a.investmentCost, 0),
        actions: inHorizon.length,
        runningPerYear: inHorizon.reduce((s, a) => s + a.runningCostPerYear, 0),
      },
    ];
  });
}

export function buildStrategyDocument(input: StrategyDocumentInput): PstDocument {
  const reader = documentReader(input);
  const { placed, live, isAction, order, action } = reader;
  const operationalIds = new Set(input.objectives.filter((o) => o.kind === 'operational').map((o) => o.id));
  const strategic = strategicGoals(input, reader);
  const unassigned = live
    .filter((p) => isAction(p) && !(p.objectiveId && operationalIds.has(p.objectiveId)))
    .sort(order)
    .map((p, i) => action(p, `A ${i + 1}`));
  const notPlanned = input.plan
    ? live
        .filter((p) => !placed.has(p.id))
        .sort(order)
        .map((p) => action(p, '—'))
    : [];

  const actions = [...strategic.flatMap((s) => s.operational.flatMap((o) => o.actions)), ...unassigned];
  return {
    missionTitle: input.missionTitle,
    beneficiary: input.beneficiary,
    generatedOn: input.generatedOn,
    hasPlan: input.plan !== null,
    planStatus: input.plan?.status ?? null,
    strategic,
    unassigned,
    notPlanned,
    horizons: horizonTotals(actions, reader.horizon),
    criteria: input.criteria.map((c) => ({ name: c.name, direction: c.direction, weight: c.normalisedWeight })),
    ahp: input.ahp,
    totals: {
      actions: actions.length,
      investment: actions.reduce((s, a) => s + a.investmentCost, 0),
      runningPerYear: actions.reduce((s, a) => s + a.runningCostPerYear, 0),
    },
  };
}
