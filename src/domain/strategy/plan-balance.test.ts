import { describe, expect, it } from 'vitest';
import { diagnoseInfeasibility } from './infeasibility.ts';
import { balanceRules } from './plan-balance.ts';
import { planViolations } from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
import { buildPortfolioLp } from './portfolio-lp.ts';
import type { PortfolioPlacement, PortfolioProblem } from './schemas.ts';
import { domainErrorOf } from './strategy-fixtures.test-support.ts';

describe('balance and coverage rules', () => {
  const one = [{ id: 'only', budget: 100, valueFactor: 1 }];
  const projects = [
    { id: 'bus', value: 10, cost: 50 },
    { id: 'bikes', value: 9, cost: 50 },
    { id: 'portal', value: 6, cost: 40 },
  ];

  it('writes the shares as linear rows: (in − min)·w ≥ 0 and (max − in)·w ≥ 0, coverage as Σ x ≥ 1', () => {
    const lp = buildPortfolioLp({
      horizons: one,
      projects,
      balance: [{ id: 'mobility', projects: ['bus', 'bikes'], measure: 'budget', min: 0.25, max: 0.6 }],
      cover: [{ id: 'swot', projects: ['portal'] }],
    });
    expect(lp).toContain(' balmin0: + 37.5 x0_0 + 37.5 x1_0 - 10 x2_0 >= 0');
    expect(lp).toContain(' balmax0: - 20 x0_0 - 20 x1_0 + 24 x2_0 >= 0');
    expect(lp).toContain(' cover0: + 1 x2_0 >= 1');
  });

  it('counts projects, not money, with the measure "projects"', () => {
    const lp = buildPortfolioLp({
      horizons: one,
      projects,
      balance: [{ id: 'mobility', projects: ['bus', 'bikes'], measure: 'projects', max: 0.5 }],
    });
    expect(lp).toContain(' balmax0: - 0.5 x0_0 - 0.5 x1_0 + 0.5 x2_0 >= 0');
  });

  it('names each broken rule; an empty plan keeps every balance rule but no coverage rule', () => {
    const problem: PortfolioProblem = {
      horizons: one,
      projects,
      balance: [{ id: 'mobility', projects: ['bus', 'bikes'], measure: 'budget', max: 0.6 }],
      cover: [{ id: 'swot', projects: ['portal'] }],
    };
    const checked = checkPortfolioProblem(problem);
    const codes = (plan: PortfolioPlacement[]) => planViolations(checked, plan).map((v) => v.code);
    expect(codes([])).toEqual(['COVER']);
    expect(
      codes([
        { id: 'bus', horizon: 'only' },
        { id: 'bikes', horizon: 'only' },
      ]),
    ).toEqual(['BALANCE_MAX', 'COVER']);
    expect(
      codes([
        { id: 'bus', horizon: 'only' },
        { id: 'portal', horizon: 'only' },
      ]),
    ).toEqual([]);
  });

  it('refuses a minimum above the maximum, and a project the problem does not have', () => {
    const base = { horizons: one, projects };
    expect(
      domainErrorOf(() =>
        checkPortfolioProblem({
          ...base,
          balance: [{ id: 'mobility', projects: ['bus'], measure: 'budget', min: 0.7, max: 0.6 }],
        }),
      )?.code,
    ).toBe('PORTFOLIO_INVALID_BALANCE');
    expect(
      domainErrorOf(() => checkPortfolioProblem({ ...base, cover: [{ id: 'swot', projects: ['tram'] }] }))?.code,
    ).toBe('PORTFOLIO_UNKNOWN_PROJECT');
  });

  it('keeps today’s input as it was: no rule, the same model', () => {
    const plain = buildPortfolioLp({ horizons: one, projects });
    expect(buildPortfolioLp({ horizons: one, projects, balance: [], cover: [] })).toBe(plain);
    expect(plain).not.toMatch(/bal|cover/);
  });
});

describe('balanceRules: the mission’s balance as portfolio rules', () => {
  const os1 = '00000000-0000-4000-8000-000000000001';
  const oo11 = '00000000-0000-4000-8000-000000000011';
  const swot = '00000000-0000-4000-8000-0000000000aa';
  const sheets = [
    { id: 'bus', dimensions: ['mobility' as const], objectiveId: oo11, swotItemIds: [swot] },
    { id: 'portal', dimensions: ['governance' as const], objectiveId: null, swotItemIds: [] },
    { id: 'rejected', dimensions: ['mobility' as const], objectiveId: oo11, swotItemIds: [swot] },
  ];
  const context = {
    sheets,
    objectives: [
      { id: os1, parentId: null, kind: 'strategic' as const, code: 'OS 1', title: 'Se déplacer' },
      { id: oo11, parentId: os1, kind: 'operational' as const, code: 'OO 1.1', title: 'Bus' },
    ],
    swotItems: [{ id: swot, text: 'Pas de bus le soir' }],
  };
  const problem = {
    projects: [
      { id: 'bus', value: 1, cost: 1 },
      { id: 'portal', value: 1, cost: 1 },
    ],
  };

  it('groups by dimension, by strategic objective (through the operational one) and by SWOT item, in shares 0 … 1', () => {
    const rules = balanceRules(
      {
        dimensions: [{ dimension: 'mobility', measure: 'budget', min: 20, max: 60 }],
        objectives: [{ objectiveId: os1, measure: 'projects', min: 50, max: null }],
        swotItemIds: [swot],
      },
      problem,
      context,
    );
    expect(rules.balance).toEqual([
      {
        id: 'dimension:mobility:budget',
        label: 'Mobilité (budget)',
        projects: ['bus'],
        measure: 'budget',
        min: 0.2,
        max: 0.6,
      },
      {
        id: `objective:${os1}:projects`,
        label: 'OS 1 Se déplacer (projets)',
        projects: ['bus'],
        measure: 'projects',
        min: 0.5,
      },
    ]);
    expect(rules.cover).toEqual([{ id: `swot:${swot}`, label: 'AFOM : Pas de bus le soir', projects: ['bus'] }]);
  });

  it('drops a rule without bounds, an operational objective and a SWOT item the mission no longer has', () => {
    const rules = balanceRules(
      {
        dimensions: [{ dimension: 'mobility', measure: 'budget', min: 0, max: 100 }],
        objectives: [{ objectiveId: oo11, measure: 'budget', min: 10 }],
        swotItemIds: ['00000000-0000-4000-8000-0000000000bb'],
      },
      problem,
      context,
    );
    expect(rules).toEqual({ balance: [], cover: [] });
  });
});

describe('diagnoseInfeasibility with balance rules, in French', () => {
  it('names a SWOT item no project answers, and a maximum the mandatory projects already pass', () => {
    const { causes, messageFr } = diagnoseInfeasibility({
      horizons: [{ id: 'only', budget: 100, valueFactor: 1 }],
      projects: [
        { id: 'bus', value: 1, cost: 60, mandatory: true },
        { id: 'portal', value: 1, cost: 20 },
      ],
      balance: [{ id: 'mobility', label: 'Mobilité (budget)', projects: ['bus'], measure: 'budget', max: 0.5 }],
      cover: [{ id: 'swot', label: 'AFOM : pas de bus le soir', projects: [] }],
    });
    expect(causes.map((c) => c.code)).toEqual(['COVER_NO_PROJECT', 'BALANCE_MAX_FORCED']);
    expect(messageFr).toContain('Aucun projet du plan ne répond à « AFOM : pas de bus le soir »');
    // 60 of at most 80: 75 % of the plan at least.
    // Percentages are written the Belgian way, with a narrow no-break space before « % ».
    expect(messageFr.replace(/[\u202f\u00a0]/g, ' ')).toContain(
      'donnent déjà au moins 75 % du plan à « Mobilité (budget) », plus que son maximum de 50 %',
    );
  });

  it('names a rule the solver found blocking, when no simple check explains it', () => {
    const { causes, messageFr } = diagnoseInfeasibility(
      {
        horizons: [{ id: 'only', budget: 50, valueFactor: 1 }],
        projects: [
          { id: 'bus', value: 1, cost: 40 },
          { id: 'portal', value: 1, cost: 40 },
        ],
        cover: [
          { id: 'a', label: 'AFOM : A', projects: ['bus'] },
          { id: 'b', label: 'AFOM : B', projects: ['portal'] },
        ],
      },
      { blockingRules: ['a', 'b'] },
    );
    expect(causes).toEqual([
      { code: 'RULE_BLOCKS_PLAN', rule: 'a', label: 'AFOM : A' },
      { code: 'RULE_BLOCKS_PLAN', rule: 'b', label: 'AFOM : B' },
    ]);
    expect(messageFr).toContain(
      'La règle « AFOM : A » rend le plan impossible avec ces budgets : sans elle, un plan existe.',
    );
  });
});
