import type { Database, DatabaseHandle } from '../db/client.ts';
import { seedCatalogue } from './catalogue.ts';
import { DemoCalendar, demoServices, seededRandom } from './context.ts';
import { seedMissions } from './missions.ts';
import { seedPooling } from './pooling.ts';

export const DEMO_CONSULTANT_EMAIL = 'consultant@demo.smart-rural.local';
const SEED = 20_260_511;

export type DemoSummary = { missions: number; needs: number; seconds: number };

/**
 * Fills the demo workspace with the agency's portfolio at work (issue 11): missions at every phase, the needs
 * register and its pooling, the catalogue with its orders, published progress. Everything goes through the services
 * (the same validation as a user's input, audited as « démo »), in one transaction: a failure leaves no half demo.
 * Deterministic: a fixed seed, and dates counted from `today`, so alerts and horizons look the same whenever it runs.
 */
export async function seedDemo(database: DatabaseHandle, agencyName: string, today = new Date()): Promise<DemoSummary> {
  const started = performance.now();
  const calendar = new DemoCalendar(today);
  let missions = 0;
  let needs = 0;
  let closeSolver: () => Promise<void> = async () => undefined;
  try {
    await database.db.transaction(async (tx) => {
      const s = demoServices(tx as unknown as Database, () => new Date(), agencyName);
      closeSolver = () => s.planner.close();
      const consultant = await s.uow.read((repos) => repos.users.findByEmail(DEMO_CONSULTANT_EMAIL));
      if (!consultant) throw new Error(`the demo needs its consultant account ${DEMO_CONSULTANT_EMAIL}`);
      const lumigest = await seedCatalogue(s, today);
      missions = (await seedMissions(s, calendar, seededRandom(SEED), consultant.id)).size;
      await seedPooling(s, calendar, { lotId: lumigest.lumigestLotId, solutionId: lumigest.lumigestId });
      needs = (await s.uow.read((repos) => repos.needs.list({}))).length;
    });
  } finally {
    await closeSolver();
  }
  return { missions, needs, seconds: (performance.now() - started) / 1000 };
}
