import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ScenarioDetail } from '../../domain/purchasing/api.ts';
import type { ScenarioSavings } from '../../domain/purchasing/savings.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const ARLON = '81001';
const AUBANGE = '81004';

/**
 * A scenario starts from what the pooling already knows of its group: the poll's unit and quantities, and the price
 * model of the group's savings estimate — the consultant does not type them again.
 */
describe('a scenario from a group the consultant already priced', () => {
  let t: TestApp;
  let consultant: Client;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
  });
  afterAll(() => t.close());

  /** A confirmed group of Arlon and Aubange whose poll counted `unit`, answered with these quantities. */
  const polledGroup = async (unit: string, quantities: [string, number][]) => {
    const { groupId } = await make.pooledGroup(t, { communes: [ARLON, AUBANGE], budget: 50_000, poll: false });
    const { mutualisation } = t.app.services;
    const poll = await mutualisation.createPoll(CLI_CONTEXT, groupId, {
      question: `Combien (${unit}) ?`,
      unit,
      deadline: '2099-12-31',
      audience: 'group',
    });
    for (const [communeNis, quantity] of quantities) {
      await mutualisation.answer(CLI_CONTEXT, poll.id, {
        communeNis,
        answer: 'yes',
        quantity,
        budget: null,
        comment: null,
      });
    }
    return groupId;
  };

  const scenarioOf = async (groupId: string) => {
    const created = await consultant.post('/api/purchasing/scenarios', {
      title: 'Accord-cadre',
      groupIds: [groupId],
      launchDate: '2026-09-01',
      initialMonths: 48,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as ScenarioDetail;
  };

  it('takes the lot’s unit and its price together from the group, and the group’s model as the volume effect', async () => {
    const groupId = await polledGroup('point lumineux', [
      [ARLON, 200],
      [AUBANGE, 150],
    ]);
    const priced = await consultant.post(`/api/mutualisation/groups/${groupId}/actions`, {
      action: 'price-model',
      priceModel: {
        kind: 'volume-tiers',
        unit: 'point lumineux',
        discount: 'all-units',
        tiers: [
          { fromQuantity: 0, unitPrice: 500 },
          { fromQuantity: 300, unitPrice: 400 },
        ],
      },
    });
    expect(priced.statusCode, priced.body).toBe(200);

    const scenario = await scenarioOf(groupId);
    // 350 points together reach the 300+ tier: 400 € each, though neither commune reaches it alone.
    expect(scenario.lots[0]).toMatchObject({ unit: 'point lumineux', unitPrice: 400 });
    expect(scenario.analysisError).toBeNull();
    expect(scenario.analysis?.value.lots[0]?.initialAmount).toBe(140_000);
    // Alone, each commune pays the first tier's 500 €: 100 € saved on each of the 350 points.
    expect((scenario.savings as ScenarioSavings).totals.volumeSaving).toBe(35_000);
  });

  it('assumes no price for a group never priced, and says the scenario needs one', async () => {
    const scenario = await scenarioOf(await polledGroup('licence', [[ARLON, 10]]));
    expect(scenario.lots[0]).toMatchObject({ unit: 'licence', unitPrice: null });
    expect(scenario.analysisError).toMatch(/prix unitaire/);
  });
});
