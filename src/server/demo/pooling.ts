import { GroupAction, PollAnswerInput, PollCreateInput, PurchaseInput } from '../../domain/mutualisation/api.ts';
import { NeedInput } from '../../domain/needs/need.ts';
import { DEMO_CONTEXT, type DemoCalendar, type DemoServices } from './context.ts';
import { needsRegister } from './needs-register.ts';

/** The group whose needs include this title (the grouping names its groups itself). */
async function groupWith(s: DemoServices, title: string) {
  for (const summary of await s.mutualisation.listGroups(DEMO_CONTEXT.actor, {})) {
    const group = await s.mutualisation.getGroup(DEMO_CONTEXT.actor, summary.id);
    if (group.needs.some((need) => need.title === title)) return group;
  }
  return null;
}

/**
 * The needs register, grouped by the app's engine; the public lighting group confirmed, priced, polled and turned
 * into a joint purchase through the framework lot that offers LumiGest; the e-counter group confirmed with a poll
 * still open (its communes see it in their bell).
 */
export async function seedPooling(
  s: DemoServices,
  calendar: DemoCalendar,
  lumigest: { lotId: string; solutionId: string },
): Promise<void> {
  for (const need of needsRegister()) await s.needs.create(DEMO_CONTEXT, NeedInput.parse(need));
  await s.mutualisation.runNow(DEMO_CONTEXT);

  const lighting = await groupWith(s, 'Remplacer les lampadaires par des LED');
  if (lighting) await seedLightingPurchase(s, calendar, lumigest, lighting);
  const eCounter = await groupWith(s, 'Guichet électronique');
  if (eCounter) await seedECounterPoll(s, calendar, eCounter);
}

type DemoGroup = NonNullable<Awaited<ReturnType<typeof groupWith>>>;

/** The public lighting group: confirmed, renamed, priced by volume, polled (one commune declines), then purchased. */
async function seedLightingPurchase(
  s: DemoServices,
  calendar: DemoCalendar,
  lumigest: { lotId: string; solutionId: string },
  lighting: DemoGroup,
): Promise<void> {
  const act = (action: unknown) => s.mutualisation.act(DEMO_CONTEXT, lighting.id, GroupAction.parse(action));
  await act({ action: 'confirm' });
  await act({ action: 'rename', label: 'Éclairage public LED et télégestion' });
  await act({
    action: 'price-model',
    priceModel: {
      kind: 'volume-tiers',
      unit: 'point lumineux',
      tiers: [
        { fromQuantity: 0, unitPrice: 4.5 },
        { fromQuantity: 2_000, unitPrice: 3.9 },
        { fromQuantity: 5_000, unitPrice: 3.4 },
      ],
    },
  });
  const poll = await s.mutualisation.createPoll(
    DEMO_CONTEXT,
    lighting.id,
    PollCreateInput.parse({
      question: 'Votre commune rejoint-elle l’achat groupé de la télégestion de l’éclairage public ?',
      unit: 'point lumineux',
      deadline: calendar.day(20),
    }),
  );
  const communes = [...new Set(lighting.needs.map((need) => need.communeNis))];
  for (const [i, communeNis] of communes.entries()) {
    await s.mutualisation.answer(
      DEMO_CONTEXT,
      poll.id,
      PollAnswerInput.parse(
        i === communes.length - 1
          ? { communeNis, answer: 'no', comment: 'Éclairage déjà rénové en 2023.' }
          : { communeNis, answer: 'yes', quantity: 800 + i * 450, comment: null },
      ),
    );
  }
  await s.mutualisation.createPurchase(
    DEMO_CONTEXT,
    lighting.id,
    PurchaseInput.parse({
      title: 'Télégestion de l’éclairage public — achat groupé',
      lotId: lumigest.lotId,
      solutionId: lumigest.solutionId,
      confirmed: ['not-adherent', 'no-saving', 'single-commune'],
    }),
  );
}

/** The e-counter group: confirmed, with a poll of its communes still open and one answer in. */
async function seedECounterPoll(s: DemoServices, calendar: DemoCalendar, eCounter: DemoGroup): Promise<void> {
  await s.mutualisation.act(DEMO_CONTEXT, eCounter.id, { action: 'confirm' });
  const poll = await s.mutualisation.createPoll(
    DEMO_CONTEXT,
    eCounter.id,
    PollCreateInput.parse({
      question: 'Seriez-vous intéressés par un guichet électronique commun ?',
      unit: 'commune',
      deadline: calendar.day(30),
      audience: 'group',
    }),
  );
  const [first] = eCounter.needs;
  if (first) {
    await s.mutualisation.answer(
      DEMO_CONTEXT,
      poll.id,
      PollAnswerInput.parse({ communeNis: first.communeNis, answer: 'yes', quantity: 1, budget: 40_000 }),
    );
  }
}
