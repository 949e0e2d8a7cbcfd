import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { callOffs, jointPurchaseCallOffs, jointPurchases } from '../db/schema/index.ts';

/** The joint purchases of the mutualisation's groups and the call-offs they placed (`repos.jointPurchases`). */
export class JointPurchasesRepository {
  constructor(private readonly db: Executor) {}

  async findPurchase(groupId: string) {
    const [row] = await this.db.select().from(jointPurchases).where(eq(jointPurchases.groupId, groupId));
    return row ?? null;
  }

  async insertPurchase(row: typeof jointPurchases.$inferInsert) {
    const [created] = await this.db.insert(jointPurchases).values(row).returning();
    return created!;
  }

  async linkCallOffs(purchaseId: string, callOffIds: string[]): Promise<void> {
    if (!callOffIds.length) return;
    await this.db.insert(jointPurchaseCallOffs).values(callOffIds.map((callOffId) => ({ purchaseId, callOffId })));
  }

  /** The call-offs a purchase placed, by commune. */
  async purchaseCallOffs(purchaseId: string): Promise<{ callOffId: string; communeNis: string }[]> {
    return this.db
      .select({ callOffId: jointPurchaseCallOffs.callOffId, communeNis: callOffs.communeNis })
      .from(jointPurchaseCallOffs)
      .innerJoin(callOffs, eq(callOffs.id, jointPurchaseCallOffs.callOffId))
      .where(eq(jointPurchaseCallOffs.purchaseId, purchaseId));
  }
}
