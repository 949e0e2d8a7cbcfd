import { useEffect } from 'react';
import type { FundingBasis } from '../../../domain/strategy/funding.ts';
import { PlanRequest, type PlanResult } from '../../../domain/strategy/strategy-api.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { type BalanceRow, balanceOf, rowsOf } from './plan-balance.tsx';

/** What the consultant asks of the next plan: the funding basis, carry-over, and the balance rules. */
export type PlanRequestValues = {
  fundingBasis: FundingBasis;
  carryOver: boolean;
  rows: BalanceRow[];
  swotItemIds: string[];
};

/** The request the plan was computed with, to edit and compute again; the defaults before any plan. */
function valuesOf(result: PlanResult | null | undefined): PlanRequestValues {
  return {
    fundingBasis: result?.fundingBasis ?? 'requested',
    carryOver: result?.carryOver ?? false,
    rows: rowsOf(result?.planBalance),
    swotItemIds: result?.planBalance?.swotItemIds ?? [],
  };
}

export const planRequestOf = (values: PlanRequestValues) => ({
  fundingBasis: values.fundingBasis,
  carryOver: values.carryOver,
  balance: balanceOf(values.rows, values.swotItemIds),
});

/**
 * The plan request's form (the one form pattern), following the plan shown: « recalculer » keeps the basis,
 * carry-over and balance the plan was computed with unless the consultant changes them.
 */
export function usePlanRequestForm(result: PlanResult | null | undefined) {
  const schemaForm = useSchemaForm({ schema: PlanRequest, initialValues: valuesOf(result), toInput: planRequestOf });
  const { form } = schemaForm;
  const basis = result?.fundingBasis;
  const carryOver = result?.carryOver;
  const balance = result?.planBalance;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is new at each render; the values are the key
  useEffect(() => {
    if (basis) form.setFieldValue('fundingBasis', basis);
  }, [basis]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  useEffect(() => {
    if (carryOver !== undefined) form.setFieldValue('carryOver', carryOver);
  }, [carryOver]);
  const balanceKey = JSON.stringify(balance ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the balance it was made from
  useEffect(() => {
    if (balance) form.setValues({ rows: rowsOf(balance), swotItemIds: balance.swotItemIds });
  }, [balanceKey]);
  return schemaForm;
}
