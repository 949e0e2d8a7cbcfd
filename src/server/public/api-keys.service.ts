import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, ApiKeyCreated, ApiKeyInput } from '../../domain/public/api-keys.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';

type Row = Awaited<ReturnType<import('./public.repository.ts').ApiKeysRepository['list']>>[number];
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');
const present = (row: Row): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  rateLimitPerMinute: row.rateLimitPerMinute,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});
/** How long a resolved key is trusted before the table is read again (a revocation takes effect within it). */
const CACHE_MS = 30_000;

/** API keys: issued and revoked by agency admins, resolved on each public request (issue 14, decision 120). */
export class ApiKeysService {
  private readonly cache = new Map<string, { at: number; key: { id: string; rateLimitPerMinute: number } | null }>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<ApiKey[]> {
    authorize(actor, 'read', { type: 'api_key' });
    return this.uow.read(async (repos) => (await repos.apiKeys.list()).map(present));
  }

  async create(ctx: RequestContext, input: ApiKeyInput): Promise<ApiKeyCreated> {
    authorize(ctx.actor, 'create', { type: 'api_key' });
    const key = `sr_${randomBytes(24).toString('base64url')}`;
    return this.uow.write(async (repos) => {
      const row = await repos.apiKeys.insert({
        name: input.name,
        prefix: key.slice(0, 10),
        hash: hashOf(key),
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'api_key.create',
          entityType: 'api_key',
          entityId: row.id,
          // Never the key itself: its prefix is enough to recognise it.
          after: { name: row.name, prefix: row.prefix, rateLimitPerMinute: row.rateLimitPerMinute },
        }),
      );
      return { ...present(row), key };
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    authorize(ctx.actor, 'delete', { type: 'api_key' });
    const revoked = await this.uow.write(async (repos) => {
      const before = await repos.apiKeys.find(id);
      if (!before) throw new NotFoundError('API_KEY_NOT_FOUND');
      if (before.revokedAt) return before;
      const row = await repos.apiKeys.revoke(id, this.now());
      await repos.audit.record(
        auditOf(ctx, {
          action: 'api_key.revoke',
          entityType: 'api_key',
          entityId: id,
          before: { name: before.name, revokedAt: null },
          after: { name: row.name, revokedAt: row.revokedAt?.toISOString() },
        }),
      );
      return row;
    });
    this.cache.clear();
    return present(revoked);
  }

  /** The key a caller sent, if it is known and not revoked; null otherwise. */
  async resolve(key: string): Promise<{ id: string; rateLimitPerMinute: number } | null> {
    const hash = hashOf(key);
    const cached = this.cache.get(hash);
    const now = this.now().getTime();
    if (cached && now - cached.at < CACHE_MS) return cached.key;
    const row = await this.uow.read((repos) => repos.apiKeys.byHash(hash));
    const resolved = row && !row.revokedAt ? { id: row.id, rateLimitPerMinute: row.rateLimitPerMinute } : null;
    if (resolved) await this.uow.write((repos) => repos.apiKeys.touch(resolved.id, this.now()));
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(hash, { at: now, key: resolved });
    return resolved;
  }
}
