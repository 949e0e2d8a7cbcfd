import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { loginFailures } from '../db/schema/index.ts';

export class LoginFailuresRepository {
  constructor(private readonly db: Executor) {}

  async record(email: string, ip: string | null, at: Date): Promise<void> {
    await this.db.insert(loginFailures).values({ email, ip, failedAt: at });
  }

  /**
   * When the `max`-th most recent failure since `since` (of this account, or from this address) was made, or null
   * when there are fewer: once that failure is out of the window, attempts are allowed again.
   */
  async limitingFailure(key: { email: string } | { ip: string }, since: Date, max: number): Promise<Date | null> {
    const matches = 'email' in key ? eq(loginFailures.email, key.email) : eq(loginFailures.ip, key.ip);
    const [row] = await this.db
      .select({ failedAt: loginFailures.failedAt })
      .from(loginFailures)
      .where(and(matches, gt(loginFailures.failedAt, since)))
      .orderBy(desc(loginFailures.failedAt))
      .offset(max - 1)
      .limit(1);
    return row?.failedAt ?? null;
  }

  /** A successful sign-in forgives the failures of its account made from its address. */
  async clear(email: string, ip: string | null): Promise<void> {
    await this.db
      .delete(loginFailures)
      .where(and(eq(loginFailures.email, email), ip === null ? undefined : eq(loginFailures.ip, ip)));
  }

  async deleteBefore(before: Date): Promise<void> {
    await this.db.delete(loginFailures).where(lt(loginFailures.failedAt, before));
  }
}
