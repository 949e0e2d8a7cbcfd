import type { FundingBasis, ProjectFunding } from './funding.ts';
import type { Horizon } from './horizons.ts';
import type { OutsideProject, PortfolioLockEntry } from './mission-model.ts';
import type { PlanBalance } from './plan-balance.ts';
import type { PortfolioProblem } from './schemas.ts';

/** What a plan is computed from, frozen when it is requested (and compared later to tell a stale plan). */
export type PlanSnapshot = {
  problem: PortfolioProblem;
  outside: OutsideProject[];
  projects: { id: string; runningCostPerYear: number; durationMonths: number; requires: string[] }[];
  horizons: Horizon[];
  locks: PortfolioLockEntry[];
  /** Absent in snapshots stored before funding was counted (those plans charged the gross investment). */
  fundingBasis?: FundingBasis;
  /** Per project: investment, funding and own share on the snapshot's basis. */
  costs?: Record<string, ProjectFunding>;
  /** The same problem on the other funding basis, solved beside it for the comparison. */
  alternative?: { fundingBasis: FundingBasis; problem: PortfolioProblem };
  /** The balance asked, as typed; its rules are in `problem` (absent: no balance). */
  planBalance?: PlanBalance;
};
