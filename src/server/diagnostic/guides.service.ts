import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import {
  type GuideCreateInput,
  type GuideVersion,
  type GuideVersionSummary,
  guideSize,
} from '../../domain/diagnostic/guides.ts';
import { MaturityModel } from '../../domain/diagnostic/model.ts';
import {
  checkGuideEdit,
  checkNewGuideVersion,
  diffGuides,
  draftNewGuide,
  draftNextVersion,
} from '../../domain/diagnostic/versioning.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { auditOf, BOOTSTRAP_CONTEXT, type RequestContext } from '../http/request-context.ts';
import type { GuideRow } from './diagnostic.repository.ts';

function summaryOf(row: GuideRow & { interviews?: number }): GuideVersionSummary {
  return {
    key: row.key,
    version: row.version,
    title: row.title,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    ...guideSize(row.model),
    interviews: row.interviews ?? 0,
  };
}

/** The versioned interview guide: list, read, draft the next version, edit the draft, publish it. */
export class GuidesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<GuideVersionSummary[]> {
    authorize(actor, 'read', { type: 'maturity_model' });
    const rows = await this.uow.read((repos) => repos.diagnostic.guides.listGuides());
    // Drafts are work in progress of the admins.
    const editor = can(actor, 'update', { type: 'maturity_model' });
    return rows.filter((r) => editor || r.status === 'published').map(summaryOf);
  }

  async get(actor: Actor, key: string, version: number): Promise<GuideVersion> {
    authorize(actor, 'read', { type: 'maturity_model' });
    const editor = can(actor, 'update', { type: 'maturity_model' });
    const found = await this.uow.read(async (repos) => {
      const row = await repos.diagnostic.guides.findGuide(key, version);
      if (!row) return null;
      return { row, interviews: await repos.diagnostic.guides.countInterviewsWithGuide(key, version) };
    });
    if (!found || (found.row.status === 'draft' && !editor)) {
      throw new NotFoundError('GUIDE_NOT_FOUND', { key, version });
    }
    return {
      ...summaryOf({ ...found.row, interviews: found.interviews }),
      model: found.row.model,
      permissions: {
        edit: editor && found.row.status === 'draft',
        createDraft: can(actor, 'create', { type: 'maturity_model' }),
      },
    };
  }

  /** What changed from the previous version (null for version 1). */
  async diff(actor: Actor, key: string, version: number) {
    const current = await this.get(actor, key, version);
    const previous =
      version > 1 ? await this.uow.read((repos) => repos.diagnostic.guides.findGuide(key, version - 1)) : null;
    if (!previous) {
      return { from: null, to: { key, version }, changes: [], comparableQuestions: 0 };
    }
    const diff = diffGuides(previous.model, current.model);
    return {
      from: diff.from,
      to: diff.to,
      changes: diff.changes as unknown as Record<string, unknown>[],
      comparableQuestions: diff.comparableQuestionKeys.length,
    };
  }

  /**
   * A new guide: version 1, a draft copy of a published guide (the reference guide by default) under the new key and
   * title, which the admin edits and publishes like any draft. A key already used is refused (409).
   */
  async createGuide(ctx: RequestContext, input: GuideCreateInput): Promise<GuideVersion> {
    authorize(ctx.actor, 'create', { type: 'maturity_model' });
    await this.uow.write(async (repos) => {
      if (await repos.diagnostic.guides.latestGuide(input.key))
        throw new ConflictError('GUIDE_KEY_EXISTS', { key: input.key });
      const from = input.from ?? { key: GUIDE_FR_V1.key, version: 0 };
      const base =
        from.version > 0
          ? await repos.diagnostic.guides.findGuide(from.key, from.version)
          : await repos.diagnostic.guides.latestPublishedGuide(from.key);
      if (base?.status !== 'published' || base.key !== from.key) {
        throw new NotFoundError('GUIDE_NOT_FOUND', { key: from.key, version: from.version });
      }
      const model = MaturityModel.parse(draftNewGuide(base.model, input.key, input.title));
      checkNewGuideVersion(null, model);
      await repos.diagnostic.guides.insertGuide({
        key: model.key,
        version: 1,
        status: 'draft',
        title: model.title,
        model,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'guide.create',
          entityType: 'maturity_model',
          entityId: `${model.key}/1`,
          after: { key: model.key, version: 1, title: model.title, from: `${base.key}/${base.version}` },
        }),
      );
    });
    return this.get(ctx.actor, input.key, 1);
  }

  /** A copy of the latest version with the next number, as a draft. One draft at a time. */
  async createDraft(ctx: RequestContext, key: string): Promise<GuideVersion> {
    authorize(ctx.actor, 'create', { type: 'maturity_model' });
    const created = await this.uow.write(async (repos) => {
      const latest = await repos.diagnostic.guides.latestGuide(key);
      if (!latest) throw new NotFoundError('GUIDE_NOT_FOUND', { key, version: 1 });
      if (latest.status === 'draft') {
        throw new ConflictError('GUIDE_DRAFT_EXISTS', { key, version: latest.version });
      }
      const model = draftNextVersion(latest.model);
      checkNewGuideVersion(latest.model, model);
      const row = await repos.diagnostic.guides.insertGuide({
        key,
        version: model.version,
        status: 'draft',
        title: model.title,
        model,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'guide.draft',
          entityType: 'maturity_model',
          entityId: `${key}/${row.version}`,
          after: { key, version: row.version, from: latest.version },
        }),
      );
      return row;
    });
    return this.get(ctx.actor, key, created.version);
  }

  async updateDraft(ctx: RequestContext, key: string, version: number, model: MaturityModel): Promise<GuideVersion> {
    authorize(ctx.actor, 'update', { type: 'maturity_model' });
    await this.uow.write(async (repos) => {
      const stored = await repos.diagnostic.guides.findGuide(key, version);
      if (!stored) throw new NotFoundError('GUIDE_NOT_FOUND', { key, version });
      checkGuideEdit({ status: stored.status, model: stored.model }, model);
      const diff = diffGuides(stored.model, model);
      await repos.diagnostic.guides.updateDraft(key, version, model);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'guide.update',
          entityType: 'maturity_model',
          entityId: `${key}/${version}`,
          before: { title: stored.model.title },
          after: { title: model.title, changes: diff.changes.length },
        }),
      );
    });
    return this.get(ctx.actor, key, version);
  }

  async publish(ctx: RequestContext, key: string, version: number): Promise<GuideVersion> {
    authorize(ctx.actor, 'update', { type: 'maturity_model' });
    await this.uow.write(async (repos) => {
      const stored = await repos.diagnostic.guides.findGuide(key, version);
      if (!stored) throw new NotFoundError('GUIDE_NOT_FOUND', { key, version });
      if (stored.status === 'published') throw new ConflictError('GUIDE_ALREADY_PUBLISHED', { key, version });
      // The stored draft is checked again in full: what is published must be a valid guide.
      MaturityModel.parse(stored.model);
      await repos.diagnostic.guides.publish(key, version, ctx.actor.kind === 'user' ? ctx.actor.id : null, this.now());
      await repos.audit.record(
        auditOf(ctx, {
          action: 'guide.publish',
          entityType: 'maturity_model',
          entityId: `${key}/${version}`,
          before: { status: 'draft' },
          after: { status: 'published' },
        }),
      );
    });
    return this.get(ctx.actor, key, version);
  }

  async deleteDraft(ctx: RequestContext, key: string, version: number): Promise<void> {
    authorize(ctx.actor, 'delete', { type: 'maturity_model' });
    await this.uow.write(async (repos) => {
      const stored = await repos.diagnostic.guides.findGuide(key, version);
      if (!stored) throw new NotFoundError('GUIDE_NOT_FOUND', { key, version });
      if (stored.status === 'published') throw new ConflictError('GUIDE_VERSION_PUBLISHED', { key, version });
      await repos.diagnostic.guides.deleteDraft(key, version);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'guide.delete',
          entityType: 'maturity_model',
          entityId: `${key}/${version}`,
          before: { key, version, status: 'draft' },
        }),
      );
    });
  }
}

/**
 * Reference seeding: the French guide v1 is published at the first start, as reference data (not demo data).
 * Idempotent; a guide version already stored is never touched.
 */
export async function seedReferenceGuide(uow: UnitOfWork): Promise<number> {
  return uow.write(async (repos) => {
    const existing = await repos.diagnostic.guides.findGuide(GUIDE_FR_V1.key, GUIDE_FR_V1.version);
    if (existing) return 0;
    await repos.diagnostic.guides.insertGuide({
      key: GUIDE_FR_V1.key,
      version: GUIDE_FR_V1.version,
      status: 'published',
      title: GUIDE_FR_V1.title,
      model: GUIDE_FR_V1,
      publishedAt: new Date(),
    });
    await repos.audit.record(
      auditOf(BOOTSTRAP_CONTEXT, {
        action: 'guide.seed',
        entityType: 'maturity_model',
        entityId: `${GUIDE_FR_V1.key}/${GUIDE_FR_V1.version}`,
        after: { key: GUIDE_FR_V1.key, version: GUIDE_FR_V1.version, status: 'published' },
      }),
    );
    return 1;
  });
}
