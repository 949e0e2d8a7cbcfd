import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../domain/audit/audit.ts';
import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

export type AuditRecord = {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  communeNis?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db.insert(auditLog).values({
      actorId: entry.actorId,
      actorEmail: entry.actorEmail,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      communeNis: entry.communeNis ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip ?? null,
    });
  }

  async search(query: AuditQuery) {
    const filters: SQL[] = [];
    if (query.actor) filters.push(ilike(auditLog.actorEmail, `%${escapeLike(query.actor)}%`));
    if (query.action) filters.push(eq(auditLog.action, query.action));
    if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
    if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
    if (query.communeNis) filters.push(eq(auditLog.communeNis, query.communeNis));
    if (query.from) filters.push(gte(auditLog.at, new Date(`${query.from}T00:00:00Z`)));
    if (query.to) filters.push(lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)));
    const where = filters.length ? and(...filters) : undefined;
    const [total] = await this.db.select({ n: count() }).from(auditLog).where(where);
    const items = await this.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { items, total: total?.n ?? 0 };
  }

  async distinctValues(column: 'action' | 'entityType'): Promise<string[]> {
    const col = column === 'action' ? auditLog.action : auditLog.entityType;
    const rows = await this.db.selectDistinct({ v: col }).from(auditLog).orderBy(col);
    return rows.map((r) => r.v);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
