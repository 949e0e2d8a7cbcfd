import { type Adoption, type AdoptionQuery, adoptionOf } from '../../domain/catalogue/adoption.ts';
import { checkImage, type ImageUploadInput } from '../../domain/catalogue/images.ts';
import { assertComparable } from '../../domain/catalogue/shortlists.ts';
import {
  assertSolutionMove,
  type Solution,
  SolutionInput,
  type SolutionStatus,
  type SolutionUpdateInput,
} from '../../domain/catalogue/solutions.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentSolution, solutionInputOf, solutionValues } from './catalogue.presenter.ts';
import type { SolutionRow } from './catalogue.repository.ts';
import { recordAudit, rule, solutionPermissions, userIdOf, visibleStatuses } from './catalogue-access.ts';

/** The catalogue's solutions: read, compare, add and change them, their images, and who uses them (adoption). */
export class CatalogueSolutions {
  constructor(private readonly uow: UnitOfWork) {}

  /** Solutions as the API answers them: their lots, the communes using them, their images, what the caller may do. */
  async present(repos: Repositories, actor: Actor, rows: SolutionRow[]): Promise<Solution[]> {
    const ids = rows.map((r) => r.id);
    const [lots, ordering, images] = await Promise.all([
      repos.catalogue.lotsOfSolutions(ids),
      repos.catalogue.orderingCommunes(ids),
      repos.catalogue.imagesOf(ids),
    ]);
    const permissions = solutionPermissions(actor);
    return rows.map((row) =>
      presentSolution(
        row,
        lots,
        ordering.filter((o) => o.solutionId === row.id).map((o) => o.communeNis),
        images,
        permissions,
      ),
    );
  }

  /** For the implementation feature: the solutions of some statuses (e.g. listed), optionally of one category. */
  async list(actor: Actor, filter: { status: SolutionStatus[]; category?: string }): Promise<Solution[]> {
    authorize(actor, 'read', { type: 'catalogue' });
    const visible = visibleStatuses(actor);
    const statuses = filter.status.length ? filter.status.filter((s) => visible.includes(s)) : visible;
    return this.uow.read(async (repos) =>
      this.present(
        repos,
        actor,
        await repos.catalogue.solutionsWhere({ statuses, ...(filter.category ? { category: filter.category } : {}) }),
      ),
    );
  }

  async solution(actor: Actor, id: string): Promise<Solution> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const row = await repos.catalogue.solution(id);
      if (!row || !visibleStatuses(actor).includes(row.status)) throw new NotFoundError('SOLUTION_NOT_FOUND');
      return (await this.present(repos, actor, [row]))[0]!;
    });
  }

  async compare(actor: Actor, ids: string[]): Promise<Solution[]> {
    authorize(actor, 'read', { type: 'catalogue' });
    const unique = [...new Set(ids)];
    rule(() => assertComparable(unique));
    return this.uow.read(async (repos) => {
      const rows = (await repos.catalogue.solutions(unique)).filter((r) => visibleStatuses(actor).includes(r.status));
      if (rows.length !== unique.length) throw new NotFoundError('SOLUTION_NOT_FOUND');
      const presented = await this.present(repos, actor, rows);
      return unique.map((id) => presented.find((s) => s.id === id)!);
    });
  }

  private async checkCommunes(repos: Repositories, nisCodes: string[]) {
    for (const nis of nisCodes) {
      if (!(await repos.catalogue.communeExists(nis))) throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: nis });
    }
  }

  async createSolution(ctx: RequestContext, input: SolutionInput): Promise<Solution> {
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    return this.uow.write(async (repos) => {
      await this.checkCommunes(repos, input.referenceCommunes);
      const row = await repos.catalogue.insertSolution({ ...solutionValues(input), createdBy: userIdOf(ctx.actor) });
      await recordAudit(repos, ctx, {
        action: 'catalogue.solution.create',
        entityType: 'solution',
        entityId: row.id,
        after: input,
      });
      return (await this.present(repos, ctx.actor, [row]))[0]!;
    });
  }

  async updateSolution(ctx: RequestContext, id: string, patch: SolutionUpdateInput): Promise<Solution> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    return this.uow.write(async (repos) => {
      const row = await repos.catalogue.solution(id);
      if (!row) throw new NotFoundError('SOLUTION_NOT_FOUND');
      const before = solutionInputOf(row);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = SolutionInput.parse({ ...before, ...defined });
      rule(() => assertSolutionMove(before.status, next.status));
      await this.checkCommunes(repos, next.referenceCommunes);
      const updated = await repos.catalogue.updateSolution(id, solutionValues(next));
      await recordAudit(repos, ctx, {
        action: 'catalogue.solution.update',
        entityType: 'solution',
        entityId: id,
        before,
        after: next,
      });
      return (await this.present(repos, ctx.actor, [updated]))[0]!;
    });
  }

  /**
   * Adds a solution inside the caller's transaction, the catalogue's way (its search columns, its lexicon): for the
   * watch's promotion of a watched product, which links and audits it in the same transaction.
   */
  async insertWithin(repos: Repositories, actor: Actor, input: SolutionInput): Promise<{ id: string }> {
    authorize(actor, 'create', { type: 'catalogue' });
    const row = await repos.catalogue.insertSolution({ ...solutionValues(input), createdBy: userIdOf(actor) });
    return { id: row.id };
  }

  // ── images ───────────────────────────────────────────────────────────────────────────────────────────────────
  /** Uploads a logo (replacing the one there was) or a screenshot; the type is what the bytes say. */
  async addImage(ctx: RequestContext, solutionId: string, input: ImageUploadInput): Promise<Solution> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    const bytes = Buffer.from(input.content, 'base64');
    return this.uow.write(async (repos) => {
      const row = await repos.catalogue.solution(solutionId);
      if (!row) throw new NotFoundError('SOLUTION_NOT_FOUND');
      const existing = await repos.catalogue.imagesOf([solutionId]);
      const screenshots = existing.filter((i) => i.kind === 'screenshot').length;
      const mimeType = rule(() => checkImage(input.kind, bytes, screenshots));
      const replaced = input.kind === 'logo' ? existing.filter((i) => i.kind === 'logo') : [];
      if (input.kind === 'logo') await repos.catalogue.deleteImages({ solutionId, kind: 'logo' });
      const id = await repos.catalogue.insertImage({
        solutionId,
        kind: input.kind,
        mimeType,
        sizeBytes: bytes.length,
        caption: input.caption,
        content: bytes,
      });
      await recordAudit(repos, ctx, {
        action: 'catalogue.image.create',
        entityType: 'solution',
        entityId: solutionId,
        ...(replaced.length ? { before: { images: replaced.map((i) => i.id) } } : {}),
        after: { imageId: id, kind: input.kind, mimeType, sizeBytes: bytes.length, caption: input.caption },
      });
      return (await this.present(repos, ctx.actor, [row]))[0]!;
    });
  }

  async removeImage(ctx: RequestContext, solutionId: string, imageId: string): Promise<Solution> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    return this.uow.write(async (repos) => {
      const row = await repos.catalogue.solution(solutionId);
      const image = await repos.catalogue.image(imageId);
      if (!row || !image || image.solutionId !== solutionId) throw new NotFoundError('IMAGE_NOT_FOUND');
      await repos.catalogue.deleteImages({ id: imageId });
      await recordAudit(repos, ctx, {
        action: 'catalogue.image.delete',
        entityType: 'solution',
        entityId: solutionId,
        before: { imageId, kind: image.kind, mimeType: image.mimeType, sizeBytes: image.sizeBytes },
      });
      return (await this.present(repos, ctx.actor, [row]))[0]!;
    });
  }

  /** An image's bytes, for whoever may see its solution. */
  async image(actor: Actor, id: string): Promise<{ mimeType: string; content: Buffer }> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const image = await repos.catalogue.image(id);
      const solution = image ? await repos.catalogue.solution(image.solutionId) : null;
      if (!image || !solution || !visibleStatuses(actor).includes(solution.status)) {
        throw new NotFoundError('IMAGE_NOT_FOUND');
      }
      return { mimeType: image.mimeType, content: image.content };
    });
  }

  async adoption(actor: Actor, query: AdoptionQuery): Promise<Adoption> {
    authorize(actor, 'read', { type: 'catalogue' });
    const uses = await this.uow.read((repos) =>
      repos.catalogue.uses({
        ...(query.solution ? { solutionId: query.solution } : {}),
        ...(query.category ? { category: query.category } : {}),
        visible: visibleStatuses(actor),
      }),
    );
    return adoptionOf(uses);
  }
}
