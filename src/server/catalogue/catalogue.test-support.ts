/**
 * The catalogue's integration tests build their data here, each test its own, through the API as agency staff and
 * communes would: a listed solution, a framework agreement with one lot offering it, a commune's adhesion, a call-off.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Client } from '../../../test/support/test-app.ts';
import type { Agreement, CallOff } from '../../domain/catalogue/agreements.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';

/** A listed solution of public lighting at a flat 1 000 €, under the name the test gives. */
export async function listedSolution(consultant: Client, name: string): Promise<Solution> {
  const created = await consultant.post('/api/catalogue/solutions', {
    name,
    vendor: 'Lumen SA',
    summary: 'Gestion de l’éclairage public.',
    categories: ['public-lighting'],
    hosting: 'eu',
    pricing: { model: 'flat', amount: 1000 },
    status: 'listed',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

/**
 * A framework agreement running from last year to two years ahead, with one lot (number 1, ceiling 5 000 €) offering
 * the solution at 1 000 €; the agreement's ceiling is the test's (10 000 € unless it says).
 */
export async function agreementWithLot(
  consultant: Client,
  solution: Solution,
  options: { reference?: string; ceiling?: number } = {},
): Promise<Agreement> {
  const year = new Date().getUTCFullYear();
  const made = await consultant.post('/api/catalogue/agreements', {
    reference: options.reference ?? `TEST-${randomBytes(3).toString('hex')}`,
    title: 'Éclairage',
    startDate: `${year - 1}-01-01`,
    endDate: `${year + 2}-12-31`,
    ceiling: options.ceiling ?? 10_000,
  });
  expect(made.statusCode, made.body).toBe(201);
  const withLot = await consultant.post(`/api/catalogue/agreements/${made.json().id}/lots`, {
    number: 1,
    title: 'Logiciel',
    vendor: 'Lumen SA',
    ceiling: 5000,
    solutions: [{ solutionId: solution.id, unitPrice: 1000 }],
  });
  expect(withLot.statusCode, withLot.body).toBe(201);
  return withLot.json();
}

/** The commune adheres to the agreement, recorded by the client (its own editor, or agency staff). */
export async function adhere(client: Client, agreement: Agreement, communeNis: string): Promise<void> {
  const adhered = await client.post(`/api/catalogue/agreements/${agreement.id}/adhesions`, { communeNis });
  expect(adhered.statusCode, adhered.body).toBe(201);
}

/** An order of one unit of the agreement's only solution under its first lot, for the amount the test names. */
export function order(client: Client, agreement: Agreement, communeNis: string, amount: number) {
  return client.post('/api/catalogue/call-offs', {
    lotId: agreement.lots[0]!.id,
    solutionId: agreement.lots[0]!.solutions[0]!.solutionId,
    communeNis,
    quantity: 1,
    amount,
    amountReason: 'Montant convenu avec le fournisseur',
  });
}

/** A placed call-off (see `order`), failing loudly when refused. */
export async function placedCallOff(
  client: Client,
  agreement: Agreement,
  communeNis: string,
  amount: number,
): Promise<CallOff> {
  const placed = await order(client, agreement, communeNis, amount);
  expect(placed.statusCode, placed.body).toBe(201);
  return placed.json();
}
