import { describe, expect, it } from 'vitest';
import { diagnoseInfeasibility } from './infeasibility.ts';
import { balanceRules } from './plan-balance.ts';
import { planObjective, planViolations } from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
import { explainPlan } from './portfolio-explain.ts';
import { greedyPlan } from './portfolio-greedy.ts';
import { buildPortfolioLp, readPortfolioSolution } from './portfolio-lp.ts';
import { type PortfolioPlacement, PortfolioProblem } from './schemas.ts';
import { domainErrorOf } from './strategy-fixtures.test-support.ts';

const horizons = [
  { id: 'short', budget: 100, valueFactor: 1 },
  { id: 'medium', budget: 100, valueFactor: 0.8 },
  { id: 'long', budget: 50, valueFactor: 0.5 },
];

describe('checkPortfolioProblem', () => {
  const base = (): PortfolioProblem => ({
    horizons: structuredClone(horizons),
    projects: [
      { id: 'fibre', value: 10, cost: 60 },
      { id: 'sensors', value: 6, cost: 30, requires: ['fibre'] },
      { id: 'app', value: 5, cost: 20, excludes: ['kiosk'] },
      { id: 'kiosk', value: 4, cost: 10 },
    ],
  });
  const cases: [string, (p: PortfolioProblem) => void, string][] = [
    ['PROJECT_DEPENDENCY_CYCLE', (p) => (p.projects[0]!.requires = ['sensors']), 'fibre → sensors → fibre'],
    ['PROJECT_DEPENDENCY_CYCLE', (p) => (p.projects[3]!.requires = ['kiosk']), 'kiosk → kiosk'],
    ['PORTFOLIO_UNKNOWN_PROJECT', (p) => (p.projects[1]!.requires = ['fiber']), '"fiber"'],
    ['PORTFOLIO_UNKNOWN_PROJECT', (p) => (p.projects[2]!.excludes = ['kiosque']), '"kiosque"'],
    ['PORTFOLIO_UNKNOWN_HORIZON', (p) => (p.projects[2]!.earliest = 'later'), '"later"'],
    ['PORTFOLIO_UNKNOWN_HORIZON', (p) => (p.locks = [{ projectId: 'app', horizonId: 'soon' }]), '"soon"'],
    ['PORTFOLIO_UNKNOWN_PROJECT', (p) => (p.locks = [{ projectId: 'ap', horizonId: 'short' }]), '"ap"'],
    ['PORTFOLIO_NEGATIVE_COST', (p) => (p.projects[2]!.cost = -1), '"app"'],
    ['PORTFOLIO_NEGATIVE_BUDGET', (p) => (p.horizons[1]!.budget = -5), '"medium"'],
    ['PORTFOLIO_DUPLICATE_PROJECT', (p) => (p.projects[3]!.id = 'app'), '"app"'],
    ['PORTFOLIO_DUPLICATE_HORIZON', (p) => (p.horizons[2]!.id = 'short'), '"short"'],
    ['PORTFOLIO_SELF_EXCLUSION', (p) => (p.projects[3]!.excludes = ['kiosk']), '"kiosk"'],
    [
      'PORTFOLIO_DUPLICATE_LOCK',
      (p) => {
        p.locks = [
          { projectId: 'app', horizonId: 'short' },
          { projectId: 'app', horizonId: 'long' },
        ];
      },
      '"app"',
    ],
    [
      'PORTFOLIO_LOCK_BEFORE_EARLIEST',
      (p) => {
        p.projects[2]!.earliest = 'medium';
        p.locks = [{ projectId: 'app', horizonId: 'short' }];
      },
      '"app"',
    ],
  ];
  it.each(cases)('%s (%s)', (code, spoil, named) => {
    const problem = base();
    spoil(problem);
    const error = domainErrorOf(() => checkPortfolioProblem(problem));
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(named);
  });

  it('accepts the CLI input shape through its zod schema, and refuses extra fields', () => {
    expect(PortfolioProblem.safeParse(base()).success).toBe(true);
    expect(PortfolioProblem.safeParse({ ...base(), budget: 3 }).success).toBe(false);
    expect(PortfolioProblem.safeParse({ ...base(), projects: [{ id: '', value: 1, cost: 1 }] }).success).toBe(false);
  });
});

describe('buildPortfolioLp', () => {
  it('names variables by position, so ids with spaces, quotes or LP keywords are harmless', () => {
    const lp = buildPortfolioLp({
      horizons: [{ id: 'Subject To', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'x0_0 <= 1', value: 3, cost: 2, excludes: ['End \\ "quoted"'] },
        { id: 'End \\ "quoted"', value: 2, cost: 2, mandatory: true },
      ],
    });
    expect(lp).not.toContain('quoted');
    expect(lp).toContain(' once1: + 1 x1_0 = 1');
    expect(lp).toContain(' excl0_1: + 1 x0_0 + 1 x1_0 <= 1');
    expect(lp.trimEnd().endsWith('End')).toBe(true);
  });

  it('creates no variable before a project can start, and ties a requirement to the same or an earlier horizon', () => {
    const lp = buildPortfolioLp({
      horizons,
      projects: [
        { id: 'fibre', value: 10, cost: 60, earliest: 'medium' },
        { id: 'sensors', value: 6, cost: 30, requires: ['fibre'] },
      ],
    });
    expect(lp).not.toMatch(/x0_0\b/);
    expect(lp).toContain(' req1_0_0: - 1 x1_0 >= 0');
    expect(lp).toContain(' req1_0_2: + 1 x0_1 + 1 x0_2 - 1 x1_2 >= 0');
  });
});

describe('greedyPlan: fund in rank order until the money runs out', () => {
  it('places by decreasing value in the earliest horizon with money left', () => {
    const plan = greedyPlan({
      horizons,
      projects: [
        { id: 'small', value: 3, cost: 50 },
        { id: 'big', value: 9, cost: 80 },
        { id: 'medium', value: 5, cost: 40 },
      ],
    });
    expect(plan).toEqual([
      { id: 'big', horizon: 'short' },
      { id: 'small', horizon: 'medium' },
      { id: 'medium', horizon: 'medium' },
    ]);
  });

  it('honours locks and mandatory projects first, exclusions, earliest starts and prerequisites', () => {
    const plan = greedyPlan({
      horizons,
      projects: [
        { id: 'app', value: 9, cost: 10, excludes: ['kiosk'] },
        { id: 'kiosk', value: 1, cost: 10 },
        { id: 'sensors', value: 8, cost: 30, requires: ['fibre'] },
        { id: 'fibre', value: 2, cost: 90 },
        { id: 'later', value: 7, cost: 5, earliest: 'long' },
        { id: 'gdpr', value: 0, cost: 5, mandatory: true },
      ],
      locks: [{ projectId: 'kiosk', horizonId: 'medium' }],
    });
    expect(plan).toEqual([
      { id: 'fibre', horizon: 'short' },
      { id: 'gdpr', horizon: 'short' },
      { id: 'kiosk', horizon: 'medium' },
      { id: 'sensors', horizon: 'medium' },
      { id: 'later', horizon: 'long' },
    ]);
  });

  it('funds a mandatory project together with the projects it requires, before the others', () => {
    const plan = greedyPlan({
      horizons: [{ id: 'only', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'portal', value: 0, cost: 4, requires: ['identity'], mandatory: true },
        { id: 'identity', value: 0, cost: 4 },
        { id: 'flashy', value: 9, cost: 6 },
      ],
    });
    expect(plan).toEqual([
      { id: 'portal', horizon: 'only' },
      { id: 'identity', horizon: 'only' },
    ]);
  });

  it('can be beaten: the optimal plan gives up the single most valuable project', () => {
    const problem: PortfolioProblem = {
      horizons: [{ id: 'only', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'flagship', value: 10, cost: 10 },
        { id: 'a', value: 6, cost: 5 },
        { id: 'b', value: 6, cost: 5 },
      ],
    };
    expect(planObjective(problem, greedyPlan(problem))).toBe(10);
    const checked = checkPortfolioProblem(problem);
    const better = [
      { id: 'a', horizon: 'only' },
      { id: 'b', horizon: 'only' },
    ];
    expect(planViolations(checked, better)).toEqual([]);
    expect(planObjective(problem, better)).toBe(12);
  });
});

describe('readPortfolioSolution', () => {
  const problem: PortfolioProblem = {
    horizons: [
      { id: 'short', budget: 10, valueFactor: 1 },
      { id: 'long', budget: 10, valueFactor: 0.5 },
    ],
    projects: [
      { id: 'a', value: 6, cost: 5 },
      { id: 'b', value: 4, cost: 10 },
    ],
  };
  const columns = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([name, Primal]) => [name, { Primal }]));

  it('maps variables back to ids and recomputes the objective', () => {
    const result = readPortfolioSolution(problem, {
      Status: 'Optimal',
      ObjectiveValue: 8.0000001,
      Columns: columns({ x0_0: 1, x0_1: 0, x1_0: 1e-9, x1_1: 0.9999999 }),
    });
    expect(result).toEqual({
      status: 'optimal',
      objective: 8,
      plan: [
        { id: 'a', horizon: 'short' },
        { id: 'b', horizon: 'long' },
      ],
      greedyObjective: 8,
    });
  });

  it('reports infeasibility', () => {
    expect(readPortfolioSolution(problem, { Status: 'Infeasible' })).toMatchObject({
      status: 'infeasible',
      objective: null,
    });
  });

  describe('after a time limit, returns the better of the solver incumbent and the greedy plan', () => {
    const flagship: PortfolioProblem = {
      horizons: [{ id: 'only', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'flagship', value: 10, cost: 10 },
        { id: 'a', value: 6, cost: 5 },
        { id: 'b', value: 6, cost: 5 },
      ],
    };
    it('the incumbent when it beats greedy', () => {
      expect(
        readPortfolioSolution(flagship, {
          Status: 'Time limit reached',
          Columns: columns({ x0_0: 0, x1_0: 1, x2_0: 1 }),
        }),
      ).toEqual({
        status: 'time_limit',
        objective: 12,
        plan: [
          { id: 'a', horizon: 'only' },
          { id: 'b', horizon: 'only' },
        ],
        greedyObjective: 10,
      });
    });
    it('the greedy plan when the incumbent is worse, or missing', () => {
      const greedy = { status: 'time_limit', objective: 10, plan: [{ id: 'flagship', horizon: 'only' }] };
      expect(
        readPortfolioSolution(flagship, {
          Status: 'Time limit reached',
          Columns: columns({ x0_0: 0, x1_0: 1, x2_0: 0 }),
        }),
      ).toMatchObject(greedy);
      expect(readPortfolioSolution(flagship, { Status: 'Time limit reached', Columns: {} })).toMatchObject(greedy);
    });
    it('no plan when neither keeps the rules', () => {
      const mandatory: PortfolioProblem = {
        ...flagship,
        projects: [...flagship.projects, { id: 'must', value: 1, cost: 11, mandatory: true }],
      };
      expect(readPortfolioSolution(mandatory, { Status: 'Time limit reached', Columns: {} })).toMatchObject({
        status: 'time_limit',
        objective: null,
        plan: [],
      });
    });
  });

  it('turns a solver failure into a DomainError', () => {
    expect(domainErrorOf(() => readPortfolioSolution(problem, { Status: 'Solve error' }))?.code).toBe(
      'PORTFOLIO_SOLVER_FAILED',
    );
  });
});

describe('explainPlan', () => {
  it('says how much each budget uses, whether it binds, and why each project is out', () => {
    const problem: PortfolioProblem = {
      horizons: [
        { id: 'short', budget: 100, valueFactor: 1 },
        { id: 'medium', budget: 50, valueFactor: 0.8 },
      ],
      projects: [
        { id: 'fibre', value: 10, cost: 90 },
        { id: 'app', value: 5, cost: 20, excludes: ['fibre'] },
        { id: 'sensors', value: 6, cost: 30, requires: ['app'] },
        { id: 'museum', value: 8, cost: 60, earliest: 'medium' },
        { id: 'kiosk', value: 2, cost: 10 },
        { id: 'nothing', value: 0, cost: 1 },
        { id: 'forgotten', value: 1, cost: 1 },
      ],
    };
    const plan = [
      { id: 'fibre', horizon: 'short' },
      { id: 'kiosk', horizon: 'short' },
    ];
    const { budgets, leftOut } = explainPlan(problem, plan);
    expect(budgets).toEqual([
      { horizon: 'short', budget: 100, used: 100, remaining: 0, binds: true },
      { horizon: 'medium', budget: 50, used: 0, remaining: 50, binds: true },
    ]);
    const reasons = Object.fromEntries(leftOut.map((l) => [l.id, l.reasons]));
    expect(reasons.app).toEqual([{ code: 'EXCLUDED_BY', by: 'fibre' }]);
    expect(reasons.sensors).toEqual([{ code: 'REQUIRES_LEFT_OUT', requires: 'app' }]);
    expect(reasons.museum).toEqual([
      { code: 'DOES_NOT_FIT', cost: 60, from: 'medium', remaining: [{ horizon: 'medium', amount: 50 }] },
    ]);
    expect(reasons.nothing).toEqual([{ code: 'NO_VALUE' }]);
    expect(reasons.forgotten).toEqual([{ code: 'FITS', horizon: 'medium' }]);
    expect(leftOut.find((l) => l.id === 'museum')?.message).toBe(
      '"museum" is left out: cannot start before "medium"; costs 60, more than any budget it could use (50 left in "medium").',
    );
  });

  it('does not call a budget binding when money is left and nothing waits for it', () => {
    const { budgets, leftOut } = explainPlan(
      { horizons: [{ id: 'only', budget: 100, valueFactor: 1 }], projects: [{ id: 'a', value: 1, cost: 40 }] },
      [{ id: 'a', horizon: 'only' }],
    );
    expect(budgets[0]).toMatchObject({ used: 40, remaining: 60, binds: false });
    expect(leftOut).toEqual([]);
  });
});

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
