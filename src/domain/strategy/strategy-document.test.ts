import { describe, expect, it } from 'vitest';
import { DEFAULT_HORIZONS } from './horizons.ts';
import { numberObjectives } from './objectives.ts';
import { reportPlan } from './plan-report.ts';
import type { ProjectSheet } from './project-sheets.ts';
import { buildStrategyDocument } from './strategy-document.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function sheet(n: number, patch: Partial<ProjectSheet> = {}): ProjectSheet {
  return {
    id: uuid(n),
    missionId: uuid(999),
    title: `Projet ${n}`,
    description: null,
    dimensions: [],
    swotItemIds: [],
    needIds: [],
    needRefs: [],
    owner: null,
    investmentCost: 1000 * n,
    runningCostPerYear: 100 * n,
    funding: [],
    earliestHorizon: null,
    durationMonths: 12,
    requires: [],
    excludes: [],
    mandatory: false,
    status: 'proposed',
    objectiveId: null,
    commentCount: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...patch,
  };
}

const objectives = numberObjectives([
  { id: uuid(200), parentId: null, position: 1, title: 'Une commune durable', description: null },
  { id: uuid(100), parentId: null, position: 0, title: 'Une administration ouverte', description: 'OS de gouvernance' },
  { id: uuid(101), parentId: uuid(100), position: 0, title: 'Numériser les démarches', description: null },
  { id: uuid(201), parentId: uuid(200), position: 0, title: 'Réduire la pollution', description: null },
]);

describe('numberObjectives', () => {
  it('numbers the PST tree by position: OS 1, OO 1.1, OS 2, OO 2.1', () => {
    expect(objectives.map((o) => [o.code, o.title])).toEqual([
      ['OS 1', 'Une administration ouverte'],
      ['OO 1.1', 'Numériser les démarches'],
      ['OS 2', 'Une commune durable'],
      ['OO 2.1', 'Réduire la pollution'],
    ]);
  });
});

describe('buildStrategyDocument', () => {
  const projects = [
    sheet(1, { objectiveId: uuid(101), funding: [{ name: 'Smart Région', rate: 50, amount: null }] }),
    sheet(2, { objectiveId: uuid(101) }),
    sheet(3, { objectiveId: uuid(201) }),
    sheet(4),
    sheet(5, { status: 'rejected', objectiveId: uuid(201) }),
  ];
  const ranking = [
    { id: uuid(2), rank: 1, priority: 70 },
    { id: uuid(1), rank: 2, priority: 60 },
    { id: uuid(3), rank: 3, priority: 40 },
    { id: uuid(4), rank: 4, priority: 30 },
  ];
  const input = {
    missionTitle: 'Aubange Smart 2030',
    beneficiary: 'Aubange',
    generatedOn: '2026-11-28',
    criteria: [{ name: 'Impact', direction: 'max' as const, normalisedWeight: 1 }],
    ahp: null,
    objectives,
    projects,
    ranking,
    horizons: DEFAULT_HORIZONS.map((h) => ({ ...h, budget: 5000 })),
    roadmap: null,
  };

  it('with a plan: planned projects as actions under their objectives, by horizon then rank; the others apart', () => {
    const doc = buildStrategyDocument({
      ...input,
      plan: {
        status: 'optimal',
        placements: [
          { projectId: uuid(1), horizon: 'short' },
          { projectId: uuid(2), horizon: 'medium' },
          { projectId: uuid(4), horizon: 'short' },
        ],
      },
    });
    const oo11 = doc.strategic[0]!.operational[0]!;
    expect(oo11.actions.map((a) => [a.code, a.title, a.horizon, a.years])).toEqual([
      ['A 1.1.1', 'Projet 1', 'short', '2025–2026'],
      ['A 1.1.2', 'Projet 2', 'medium', '2027–2028'],
    ]);
    expect(oo11.actions[0]!.funding).toEqual(['Smart Région — 50 %']);
    expect(doc.strategic[1]!.operational[0]!.actions).toEqual([]);
    expect(doc.unassigned.map((a) => [a.code, a.title])).toEqual([['A 1', 'Projet 4']]);
    expect(doc.notPlanned.map((a) => a.title)).toEqual(['Projet 3']);
    expect(doc.totals).toEqual({ actions: 3, investment: 7000, runningPerYear: 700 });
    expect(doc.horizons.map((h) => [h.key, h.used, h.actions])).toEqual([
      ['short', 5000, 2],
      ['medium', 2000, 1],
      ['long', 0, 0],
    ]);
  });

  it('without a plan: every project not rejected is an action, without a horizon', () => {
    const doc = buildStrategyDocument({ ...input, plan: null });
    expect(doc.hasPlan).toBe(false);
    expect(doc.strategic[1]!.operational[0]!.actions.map((a) => a.title)).toEqual(['Projet 3']);
    expect(doc.notPlanned).toEqual([]);
    expect(doc.totals.actions).toBe(4);
    expect(doc.unassigned[0]!.horizon).toBeNull();
  });
});

describe('reportPlan', () => {
  it('reports budgets with running costs, left-out reasons, the greedy plan and the roadmap', () => {
    const problem = {
      horizons: [
        { id: 'short', budget: 100, valueFactor: 1 },
        { id: 'medium', budget: 100, valueFactor: 0.85 },
        { id: 'long', budget: 100, valueFactor: 0.7 },
      ],
      projects: [
        { id: uuid(1), value: 80, cost: 100 },
        { id: uuid(2), value: 60, cost: 40, excludes: [uuid(3)] },
        { id: uuid(3), value: 50, cost: 40 },
        { id: uuid(4), value: 10, cost: 500 },
      ],
    };
    const report = reportPlan({
      problem,
      result: {
        status: 'optimal',
        objective: 80 + 60,
        plan: [
          { id: uuid(1), horizon: 'short' },
          { id: uuid(2), horizon: 'medium' },
        ],
        greedyObjective: 140,
      },
      outside: [],
      projects: [1, 2, 3, 4].map((n) => ({ id: uuid(n), runningCostPerYear: n * 10, durationMonths: 6, requires: [] })),
      horizons: DEFAULT_HORIZONS,
    });
    expect(report.budgets.map((b) => [b.horizon, b.used, b.runningPerYear])).toEqual([
      ['short', 100, 10],
      ['medium', 40, 20],
      ['long', 0, 0],
    ]);
    expect(report.leftOut.find((l) => l.projectId === uuid(3))!.reasons[0]).toEqual({
      code: 'EXCLUDED_BY',
      by: uuid(2),
    });
    expect(report.leftOut.find((l) => l.projectId === uuid(4))!.reasons[0]!.code).toBe('DOES_NOT_FIT');
    expect(report.values[uuid(1)]).toBe(80);
    expect(report.infeasibility).toBeNull();
    expect(report.roadmap!.rows.map((r) => r.startMonth)).toEqual(['2025-01', '2027-01']);
  });
});
