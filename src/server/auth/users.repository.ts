import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { agency, communes, users } from '../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithCommune = UserRow & { communeName: string | null };

export class UsersRepository {
  constructor(private readonly db: Executor) {}

  async list(filter: { communeNis?: string } = {}): Promise<UserWithCommune[]> {
    const rows = await this.db
      .select({ user: users, communeName: communes.name })
      .from(users)
      .leftJoin(communes, eq(communes.nisCode, users.communeNis))
      .where(filter.communeNis ? eq(users.communeNis, filter.communeNis) : undefined)
      .orderBy(asc(users.email));
    return rows.map((r) => ({ ...r.user, communeName: r.communeName }));
  }

  async findById(id: string): Promise<UserWithCommune | null> {
    const [row] = await this.db
      .select({ user: users, communeName: communes.name })
      .from(users)
      .leftJoin(communes, eq(communes.nisCode, users.communeNis))
      .where(eq(users.id, id));
    return row ? { ...row.user, communeName: row.communeName } : null;
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return row ?? null;
  }

  async insert(row: typeof users.$inferInsert): Promise<UserRow> {
    const [created] = await this.db.insert(users).values(row).returning();
    return created!;
  }

  async update(id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [updated] = await this.db
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return updated!;
  }

  async countActiveAdmins(exceptId?: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(users)
      .where(
        and(eq(users.role, 'agency_admin'), isNull(users.disabledAt), exceptId ? ne(users.id, exceptId) : undefined),
      );
    return row?.n ?? 0;
  }

  async countAll(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }

  async getAgency() {
    const [row] = await this.db.select().from(agency).where(eq(agency.id, 1));
    return row ?? null;
  }

  async upsertAgency(name: string, demo: boolean): Promise<void> {
    await this.db
      .insert(agency)
      .values({ id: 1, name, demo })
      .onConflictDoUpdate({ target: agency.id, set: { name, demo } });
  }
}
