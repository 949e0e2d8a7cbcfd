import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { catalogueSolutions, frameworkAgreements, watchItems } from '../db/schema/index.ts';
import { prepareDatabase } from '../setup.ts';

describe('demo catalogue', () => {
  it('comes with the demo workspace, labelled, once; not without it', async () => {
    const database = await createTestDatabase();
    try {
      await prepareDatabase(database, testConfig({ SEED_DEMO: 'true' }));
      const solutions = await database.db.select().from(catalogueSolutions);
      // The twelve of the demonstration catalogue, five more of the demo workspace, one promoted from the watch.
      expect(solutions).toHaveLength(18);
      expect(solutions.every((s) => s.demo && s.vendor.includes('(démo)'))).toBe(true);
      const [agreement] = await database.db.select().from(frameworkAgreements);
      expect(agreement).toMatchObject({ demo: true, title: expect.stringContaining('(démo)') });
      expect((await database.db.select({ n: count() }).from(watchItems))[0]!.n).toBe(2);
      await prepareDatabase(database, testConfig({ SEED_DEMO: 'true' }));
      expect((await database.db.select({ n: count() }).from(catalogueSolutions))[0]!.n).toBe(18);
    } finally {
      await database.close();
    }
    const bare = await createTestDatabase();
    try {
      await prepareDatabase(bare, testConfig({ SEED_DEMO: 'false' }));
      expect((await bare.db.select({ n: count() }).from(catalogueSolutions))[0]!.n).toBe(0);
    } finally {
      await bare.close();
    }
  }, 180_000);
});
