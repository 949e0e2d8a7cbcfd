import { z } from 'zod';
import type { FundingSource } from './project-sheets.ts';

/**
 * What a project costs the commune: its investment minus the funding it expects. A funding line is *requested*
 * (an application sent or planned) or *granted* (a decision received); a line without a status is requested, as
 * every line was before the status existed. The plan can count both («avec subsides demandés») or the granted ones
 * only («avec subsides accordés uniquement»), the prudent view a college may want before it commits.
 */
export const FUNDING_STATUSES = ['requested', 'granted'] as const;
export const FundingStatus = z.enum(FUNDING_STATUSES).describe('requested: applied for; granted: decision received');
export type FundingStatus = z.infer<typeof FundingStatus>;

export const FUNDING_BASES = ['requested', 'granted'] as const;
export const FundingBasis = z
  .enum(FUNDING_BASES)
  .describe('requested: count requested and granted funding; granted: count granted funding only');
export type FundingBasis = z.infer<typeof FundingBasis>;

/**
 * The amount of a funding line: its amount when given, else its rate of the investment, else 0 (a line named but
 * not yet quantified expects nothing). Never more than the investment.
 */
export function fundingAmount(line: Pick<FundingSource, 'amount' | 'rate'>, investment: number): number {
  const raw =
    typeof line.amount === 'number' ? line.amount : typeof line.rate === 'number' ? (investment * line.rate) / 100 : 0;
  return Math.max(0, Math.min(investment, roundCents(raw)));
}

export type ProjectFunding = {
  investment: number;
  /** Funding counted on this basis (capped at the investment). */
  funding: number;
  /** investment − funding: what the commune's budget pays. */
  ownShare: number;
  requested: number;
  granted: number;
};

/** The funding of a project on a basis, with both totals beside it. Lines beyond the investment are capped. */
export function projectFunding(
  project: {
    investmentCost: number;
    funding?: readonly (Pick<FundingSource, 'amount' | 'rate' | 'status'> & { name?: string })[];
  },
  basis: FundingBasis = 'requested',
): ProjectFunding {
  const investment = project.investmentCost;
  let requested = 0;
  let granted = 0;
  for (const line of project.funding ?? []) {
    const amount = fundingAmount(line, investment);
    if (line.status === 'granted') granted += amount;
    else requested += amount;
  }
  const counted = Math.min(investment, basis === 'granted' ? granted : requested + granted);
  return {
    investment,
    funding: roundCents(counted),
    ownShare: roundCents(Math.max(0, investment - counted)),
    requested: roundCents(requested),
    granted: roundCents(granted),
  };
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
