import type { z } from 'zod';
import { type Adoption, type AdoptionQuery, adoptionOf } from '../../domain/catalogue/adoption.ts';
import {
  type Agreement,
  type AgreementInput,
  type AgreementUpdateInput,
  type CallOff,
  type CallOffCancelInput,
  type CallOffInput,
  type CallOffTotals,
  checkAgreementChange,
  checkCancellation,
  type LotInput,
  totalsBy,
} from '../../domain/catalogue/agreements.ts';
import { amountDiffers, DUPLICATE_CALL_OFF_MINUTES, quoteCallOff } from '../../domain/catalogue/call-off-price.ts';
import { checkImage, type ImageUploadInput } from '../../domain/catalogue/images.ts';
import {
  categoriesNamedBy,
  FACETS,
  queryWords,
  type SavedSearch,
  type SavedSearchInput,
  type SearchQuery,
  type SearchResult,
} from '../../domain/catalogue/search.ts';
import {
  assertComparable,
  assertOutcome,
  type OutcomeInput,
  type Shortlist,
  type ShortlistInput,
} from '../../domain/catalogue/shortlists.ts';
import {
  assertSolutionMove,
  type Pricing,
  type Solution,
  SolutionInput,
  type SolutionStatus,
  type SolutionSummary,
  type SolutionUpdateInput,
} from '../../domain/catalogue/solutions.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { belgianToday, formatEuro } from '../../domain/shared/format.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, fromDomainError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { placeCallOffs } from './call-offs.ts';
import {
  imageUrl,
  presentAgreement,
  presentCallOff,
  presentSavedSearch,
  presentShortlist,
  presentSolution,
  solutionInputOf,
  solutionValues,
} from './catalogue.presenter.ts';
import type { SolutionRow } from './catalogue.repository.ts';

const ALL_STATUSES: SolutionStatus[] = ['watch', 'evaluated', 'listed', 'withdrawn'];

/** Runs a domain rule and turns its error into the API's 422. */
function rule<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError) throw fromDomainError(error);
    throw error;
  }
}

/**
 * The framework-agreement catalogue: solutions and their search, agreements and lots, adhesions, call-offs under the
 * ceilings, adoption, and the buyer's saved searches and shortlists.
 */
export class CatalogueService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Agency staff see every status; commune users do not see what is still under watch. */
  visibleStatuses(actor: Actor): SolutionStatus[] {
    return can(actor, 'create', { type: 'catalogue' }) ? ALL_STATUSES : ALL_STATUSES.filter((s) => s !== 'watch');
  }

  private audit(
    repos: Repositories,
    ctx: RequestContext,
    entry: {
      action: string;
      entityType: string;
      entityId: string;
      before?: unknown;
      after?: unknown;
      communeNis?: string | null;
    },
  ) {
    return repos.audit.record(auditOf(ctx, { ...entry, communeNis: entry.communeNis ?? null }));
  }

  // ── solutions ────────────────────────────────────────────────────────────────────────────────────────────────
  private async present(repos: Repositories, rows: SolutionRow[]): Promise<Solution[]> {
    const ids = rows.map((r) => r.id);
    const [lots, ordering, images] = await Promise.all([
      repos.catalogue.lotsOfSolutions(ids),
      repos.catalogue.orderingCommunes(ids),
      repos.catalogue.imagesOf(ids),
    ]);
    return rows.map((row) =>
      presentSolution(
        row,
        lots,
        ordering.filter((o) => o.solutionId === row.id).map((o) => o.communeNis),
        images,
      ),
    );
  }

  async search(actor: Actor, query: SearchQuery): Promise<SearchResult> {
    authorize(actor, 'read', { type: 'catalogue' });
    const started = performance.now();
    const words = queryWords(query.q);
    const run = (spec: { word: string; alternatives: string[] }[]) =>
      this.uow.read((repos) =>
        repos.catalogue.search({
          words: spec,
          filters: {
            category: query.category,
            dimension: query.dimension,
            standard: query.standard,
            hosting: query.hosting,
            priceModel: query.priceModel,
            status: query.status,
          },
          visible: this.visibleStatuses(actor),
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
      );
    // Exact words first (stems, accents, synonyms). When nothing has them all, each longer word may also be one of
    // the catalogue's words closest to it (a typo corrected against the lexicon).
    let approximate = false;
    let { hits, facets } = await run(words.map((w) => ({ word: w.word, alternatives: [] })));
    if (hits.length === 0 && query.page === 1 && words.some((w) => w.fuzzy)) {
      const corrected = await this.uow.read((repos) =>
        Promise.all(
          words.map(async (w) => ({
            word: w.word,
            alternatives: w.fuzzy ? await repos.catalogue.corrections(w.word) : [],
          })),
        ),
      );
      if (corrected.some((w) => w.alternatives.length > 0)) {
        approximate = true;
        ({ hits, facets } = await run(corrected));
      }
    }
    const logos = (await this.uow.read((repos) => repos.catalogue.imagesOf(hits.map((h) => h.id)))).filter(
      (i) => i.kind === 'logo',
    );
    const summaries: SolutionSummary[] = hits.map((h) => ({
      id: h.id,
      name: h.name,
      vendor: h.vendor,
      summary: h.summary,
      categories: h.categories,
      dimensions: h.dimensions as SolutionSummary['dimensions'],
      hosting: h.hosting as SolutionSummary['hosting'],
      status: h.status as SolutionStatus,
      demo: h.demo,
      logoUrl: h.logo_url,
      priceModel: h.price_model as SolutionSummary['priceModel'],
      standards: h.standards,
      logo: ((id) => (id ? imageUrl(id) : null))(logos.find((l) => l.solutionId === h.id)?.id),
      score: Number(h.score),
    }));
    const facetCounts = Object.fromEntries(
      FACETS.map((f) => [
        f,
        facets
          .filter((row) => row.facet === f)
          .map((row) => ({ value: row.value, count: Number(row.count) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      ]),
    ) as SearchResult['facets'];
    return {
      total: hits[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      hits: summaries,
      facets: facetCounts,
      namedCategories: categoriesNamedBy(query.q).filter((c) => !query.category.includes(c)),
      approximate,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /** For the implementation feature: the solutions of some statuses (e.g. listed), optionally of one category. */
  async list(actor: Actor, filter: { status: SolutionStatus[]; category?: string }): Promise<Solution[]> {
    authorize(actor, 'read', { type: 'catalogue' });
    const visible = this.visibleStatuses(actor);
    const statuses = filter.status.length ? filter.status.filter((s) => visible.includes(s)) : visible;
    return this.uow.read(async (repos) =>
      this.present(
        repos,
        await repos.catalogue.solutionsWhere({ statuses, ...(filter.category ? { category: filter.category } : {}) }),
      ),
    );
  }

  async solution(actor: Actor, id: string): Promise<Solution> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const row = await repos.catalogue.solution(id);
      if (!row || !this.visibleStatuses(actor).includes(row.status)) throw new NotFoundError('SOLUTION_NOT_FOUND');
      return (await this.present(repos, [row]))[0]!;
    });
  }

  async compare(actor: Actor, ids: string[]): Promise<Solution[]> {
    authorize(actor, 'read', { type: 'catalogue' });
    const unique = [...new Set(ids)];
    rule(() => assertComparable(unique));
    return this.uow.read(async (repos) => {
      const rows = (await repos.catalogue.solutions(unique)).filter((r) =>
        this.visibleStatuses(actor).includes(r.status),
      );
      if (rows.length !== unique.length) throw new NotFoundError('SOLUTION_NOT_FOUND');
      const presented = await this.present(repos, rows);
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
      const row = await repos.catalogue.insertSolution({
        ...solutionValues(input),
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await this.audit(repos, ctx, {
        action: 'catalogue.solution.create',
        entityType: 'solution',
        entityId: row.id,
        after: input,
      });
      return (await this.present(repos, [row]))[0]!;
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
      await this.audit(repos, ctx, {
        action: 'catalogue.solution.update',
        entityType: 'solution',
        entityId: id,
        before,
        after: next,
      });
      return (await this.present(repos, [updated]))[0]!;
    });
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
      await this.audit(repos, ctx, {
        action: 'catalogue.image.create',
        entityType: 'solution',
        entityId: solutionId,
        ...(replaced.length ? { before: { images: replaced.map((i) => i.id) } } : {}),
        after: { imageId: id, kind: input.kind, mimeType, sizeBytes: bytes.length, caption: input.caption },
      });
      return (await this.present(repos, [row]))[0]!;
    });
  }

  async removeImage(ctx: RequestContext, solutionId: string, imageId: string): Promise<Solution> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    return this.uow.write(async (repos) => {
      const row = await repos.catalogue.solution(solutionId);
      const image = await repos.catalogue.image(imageId);
      if (!row || !image || image.solutionId !== solutionId) throw new NotFoundError('IMAGE_NOT_FOUND');
      await repos.catalogue.deleteImages({ id: imageId });
      await this.audit(repos, ctx, {
        action: 'catalogue.image.delete',
        entityType: 'solution',
        entityId: solutionId,
        before: { imageId, kind: image.kind, mimeType: image.mimeType, sizeBytes: image.sizeBytes },
      });
      return (await this.present(repos, [row]))[0]!;
    });
  }

  /** An image's bytes, for whoever may see its solution. */
  async image(actor: Actor, id: string): Promise<{ mimeType: string; content: Buffer }> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const image = await repos.catalogue.image(id);
      const solution = image ? await repos.catalogue.solution(image.solutionId) : null;
      if (!image || !solution || !this.visibleStatuses(actor).includes(solution.status)) {
        throw new NotFoundError('IMAGE_NOT_FOUND');
      }
      return { mimeType: image.mimeType, content: image.content };
    });
  }

  // ── agreements and lots ──────────────────────────────────────────────────────────────────────────────────────
  private async presentAgreements(repos: Repositories, actor: Actor, ids: string[]): Promise<Agreement[]> {
    const rows = (await repos.catalogue.agreements()).filter((a) => ids.includes(a.id));
    const lots = await repos.catalogue.lots(ids);
    const [offers, totals, adhesions] = await Promise.all([
      repos.catalogue.lotSolutions(lots.map((l) => l.id)),
      repos.catalogue.orderedTotals(ids),
      repos.catalogue.adhesions(ids),
    ]);
    const visible = this.visibleStatuses(actor);
    return rows.map((row) =>
      presentAgreement(
        row,
        lots,
        offers.filter((o) => visible.includes(o.status)),
        totals,
        adhesions.filter(
          (a) =>
            a.agreementId === row.id && can(actor, 'read', { type: 'catalogue_adhesion', communeNis: a.communeNis }),
        ),
      ),
    );
  }

  async agreements(actor: Actor): Promise<Agreement[]> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const ids = (await repos.catalogue.agreements()).map((a) => a.id);
      return this.presentAgreements(repos, actor, ids);
    });
  }

  async agreement(actor: Actor, id: string): Promise<Agreement> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const [agreement] = await this.presentAgreements(repos, actor, [id]);
      if (!agreement) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      return agreement;
    });
  }

  async createAgreement(ctx: RequestContext, input: AgreementInput): Promise<Agreement> {
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    const id = await this.uow.write(async (repos) => {
      if (await repos.catalogue.agreementByReference(input.reference)) {
        throw new ConflictError('AGREEMENT_REFERENCE_TAKEN', { reference: input.reference });
      }
      const row = await repos.catalogue.insertAgreement(input);
      await this.audit(repos, ctx, {
        action: 'catalogue.agreement.create',
        entityType: 'agreement',
        entityId: row.id,
        after: input,
      });
      return row.id;
    });
    return this.agreement(ctx.actor, id);
  }

  /**
   * Changes an agreement's title, description, period or ceiling (its reference stays). Locked like an order, so an
   * order placed meanwhile is counted: the ceiling never goes below what was ordered, the period always covers the
   * call-offs.
   */
  async updateAgreement(ctx: RequestContext, id: string, patch: AgreementUpdateInput): Promise<Agreement> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    await this.uow.write(async (repos) => {
      const before = await repos.catalogue.agreement(id, { lock: true });
      if (!before) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      const next = {
        title: patch.title ?? before.title,
        description: patch.description ?? before.description,
        startDate: patch.startDate ?? before.startDate,
        endDate: patch.endDate ?? before.endDate,
        ceiling: patch.ceiling === undefined ? before.ceiling : patch.ceiling,
      };
      const ordered = (await repos.catalogue.orderedTotals([id])).reduce((sum, t) => sum + t.amount, 0);
      const span = await repos.catalogue.callOffSpan(id);
      rule(() => checkAgreementChange({ ...next, ordered, firstOrder: span.first, lastOrder: span.last }));
      await repos.catalogue.updateAgreement(id, next);
      await this.audit(repos, ctx, {
        action: 'catalogue.agreement.update',
        entityType: 'agreement',
        entityId: id,
        before: {
          title: before.title,
          description: before.description,
          startDate: before.startDate,
          endDate: before.endDate,
          ceiling: before.ceiling,
        },
        after: next,
      });
    });
    return this.agreement(ctx.actor, id);
  }

  private async checkLotSolutions(repos: Repositories, solutions: LotInput['solutions']) {
    const ids = [...new Set(solutions.map((s) => s.solutionId))];
    if (ids.length !== solutions.length) throw new ValidationError('LOT_SOLUTION_TWICE');
    const rows = await repos.catalogue.solutions(ids);
    if (rows.length !== ids.length) throw new ValidationError('SOLUTION_NOT_FOUND');
  }

  async createLot(ctx: RequestContext, agreementId: string, input: LotInput): Promise<Agreement> {
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    await this.uow.write(async (repos) => {
      const agreement = await repos.catalogue.agreement(agreementId, { lock: true });
      if (!agreement) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      if (await repos.catalogue.lotByNumber(agreementId, input.number)) {
        throw new ConflictError('LOT_NUMBER_TAKEN', { number: input.number });
      }
      await this.checkLotSolutions(repos, input.solutions);
      const lot = await repos.catalogue.insertLot({
        agreementId,
        number: input.number,
        title: input.title,
        vendor: input.vendor,
        ceiling: input.ceiling,
      });
      await repos.catalogue.setLotSolutions(lot.id, input.solutions);
      await this.audit(repos, ctx, {
        action: 'catalogue.lot.create',
        entityType: 'lot',
        entityId: lot.id,
        after: input,
      });
    });
    return this.agreement(ctx.actor, agreementId);
  }

  async updateLot(ctx: RequestContext, lotId: string, input: LotInput): Promise<Agreement> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    const agreementId = await this.uow.write(async (repos) => {
      const found = await repos.catalogue.lot(lotId);
      if (!found) throw new NotFoundError('LOT_NOT_FOUND');
      await repos.catalogue.agreement(found.agreementId, { lock: true });
      const lot = (await repos.catalogue.lot(lotId, { lock: true }))!;
      const other = await repos.catalogue.lotByNumber(lot.agreementId, input.number);
      if (other && other.id !== lotId) throw new ConflictError('LOT_NUMBER_TAKEN', { number: input.number });
      await this.checkLotSolutions(repos, input.solutions);
      const ordered = (await repos.catalogue.orderedTotals([lot.agreementId]))
        .filter((t) => t.lotId === lotId)
        .reduce((s, t) => s + t.amount, 0);
      if (input.ceiling < ordered) throw new ConflictError('LOT_CEILING_BELOW_ORDERED', { ordered });
      const before = { ...lot, solutions: await repos.catalogue.lotSolutions([lotId]) };
      await repos.catalogue.updateLot(lotId, {
        number: input.number,
        title: input.title,
        vendor: input.vendor,
        ceiling: input.ceiling,
      });
      await repos.catalogue.setLotSolutions(lotId, input.solutions);
      await this.audit(repos, ctx, {
        action: 'catalogue.lot.update',
        entityType: 'lot',
        entityId: lotId,
        before,
        after: input,
      });
      return lot.agreementId;
    });
    return this.agreement(ctx.actor, agreementId);
  }

  // ── adhesion and call-offs ───────────────────────────────────────────────────────────────────────────────────
  async adhere(ctx: RequestContext, agreementId: string, communeNis: string): Promise<Agreement> {
    authorize(ctx.actor, 'create', { type: 'catalogue_adhesion', communeNis });
    await this.uow.write(async (repos) => {
      if (!(await repos.catalogue.agreement(agreementId))) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      if (!(await repos.catalogue.communeExists(communeNis)))
        throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: communeNis });
      const added = await repos.catalogue.adhere(
        agreementId,
        communeNis,
        ctx.actor.kind === 'user' ? ctx.actor.id : null,
      );
      if (!added) throw new ConflictError('ALREADY_ADHERENT');
      await this.audit(repos, ctx, {
        action: 'catalogue.adhesion.create',
        entityType: 'agreement',
        entityId: agreementId,
        after: { communeNis },
        communeNis,
      });
    });
    return this.agreement(ctx.actor, agreementId);
  }

  /**
   * A call-off, under the lot's and the agreement's ceilings (placeCallOffs, the mechanism joint purchases use too).
   * Its amount is the one the solution's price gives for the quantity unless the buyer says why it differs; an
   * order identical to one placed in the last DUPLICATE_CALL_OFF_MINUTES minutes is refused unless confirmed
   * (issue 10). Both are checked under the ceilings' locks, so two identical orders sent at once cannot both pass.
   */
  async order(ctx: RequestContext, request: z.input<typeof CallOffInput>): Promise<CallOff> {
    const input = { note: '', amountReason: null, confirmDuplicate: false, ...request };
    authorize(ctx.actor, 'create', { type: 'call_off', communeNis: input.communeNis });
    const today = belgianToday(this.now());
    const id = await this.uow.write(async (repos) => {
      const found = await repos.catalogue.lot(input.lotId);
      const solution = await repos.catalogue.solution(input.solutionId);
      const lotPrice = found
        ? ((await repos.catalogue.lotSolutions([found.id])).find((s) => s.solutionId === input.solutionId)?.unitPrice ??
          null)
        : null;
      const quote = solution
        ? quoteCallOff({ pricing: solution.pricing as Pricing, lotUnitPrice: lotPrice, quantity: input.quantity })
        : null;
      if (amountDiffers(input.amount, quote) && !input.amountReason) {
        throw new ValidationError(
          'AMOUNT_REASON_REQUIRED',
          { computed: formatEuro(quote!.amount) },
          { field: 'amountReason' },
        );
      }
      const placed = await placeCallOffs(repos, {
        lotId: input.lotId,
        solutionId: input.solutionId,
        today,
        visibleStatuses: this.visibleStatuses(ctx.actor),
        orderedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        lines: [
          {
            communeNis: input.communeNis,
            quantity: input.quantity,
            amount: input.amount,
            computedAmount: quote?.amount ?? null,
            amountReason: amountDiffers(input.amount, quote) ? input.amountReason : null,
            note: input.note,
          },
        ],
        whileLocked: async () => {
          if (input.confirmDuplicate) return;
          const since = new Date(this.now().getTime() - DUPLICATE_CALL_OFF_MINUTES * 60_000);
          const previous = await repos.catalogue.identicalCallOff(input, since);
          if (previous) {
            throw new ConflictError('DUPLICATE_CALL_OFF', {
              minutes: Math.max(1, Math.ceil((this.now().getTime() - previous.getTime()) / 60_000)),
            });
          }
        },
      });
      const callOffId = placed.ids[0]!;
      await this.audit(repos, ctx, {
        action: 'catalogue.call_off.create',
        entityType: 'call_off',
        entityId: callOffId,
        after: { ...input, computedAmount: quote?.amount ?? null },
        communeNis: input.communeNis,
      });
      return callOffId;
    });
    const [record] = await this.uow.read((repos) => repos.catalogue.callOffs({ ids: [id] }));
    return presentCallOff(record!);
  }

  /**
   * Cancels a call-off: it stays listed (cancelled) and no longer counts against the ceilings. Agency staff at any
   * time; the ordering commune's editors within CALL_OFF_CANCEL_DAYS days of the order. Locks like an order.
   */
  async cancelCallOff(ctx: RequestContext, id: string, input: CallOffCancelInput): Promise<CallOff> {
    authorize(ctx.actor, 'delete', { type: 'call_off' });
    await this.uow.write(async (repos) => {
      const found = await repos.catalogue.callOffRow(id);
      if (!found) throw new NotFoundError('CALL_OFF_NOT_FOUND');
      authorize(ctx.actor, 'delete', { type: 'call_off', communeNis: found.communeNis });
      await repos.catalogue.agreement(found.agreementId, { lock: true });
      await repos.catalogue.lot(found.lotId, { lock: true });
      const row = (await repos.catalogue.callOffRow(id, { lock: true }))!;
      const now = this.now();
      rule(() =>
        checkCancellation({
          cancelledAt: row.cancelledAt,
          orderedAt: row.orderedAt,
          now,
          byAgency: can(ctx.actor, 'delete', { type: 'catalogue' }),
        }),
      );
      await repos.catalogue.cancelCallOff(id, {
        cancelledBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        reason: input.reason,
        at: now,
      });
      await this.audit(repos, ctx, {
        action: 'catalogue.call_off.cancel',
        entityType: 'call_off',
        entityId: id,
        before: { amount: row.amount, quantity: row.quantity, orderedAt: row.orderedAt.toISOString() },
        after: { cancelledAt: now.toISOString(), reason: input.reason },
        communeNis: row.communeNis,
      });
    });
    const [record] = await this.uow.read((repos) => repos.catalogue.callOffs({ ids: [id] }));
    return presentCallOff(record!);
  }

  async callOffs(
    actor: Actor,
    query: { commune?: string; agreement?: string; lot?: string; vendor?: string },
  ): Promise<CallOff[]> {
    // A commune user reads their commune's call-offs only: asking for another commune is refused, asking for none
    // answers theirs.
    authorize(actor, 'read', { type: 'call_off', ...(query.commune ? { communeNis: query.commune } : {}) });
    const scope = readScope(actor, 'call_off');
    const communeNis = scope.kind === 'commune' ? scope.communeNis : query.commune;
    const rows = await this.uow.read((repos) =>
      repos.catalogue.callOffs({
        ...(communeNis ? { communeNis } : {}),
        ...(query.agreement ? { agreementId: query.agreement } : {}),
        ...(query.lot ? { lotId: query.lot } : {}),
        ...(query.vendor ? { vendor: query.vendor } : {}),
      }),
    );
    return rows.map(presentCallOff);
  }

  /** Orders by commune, lot and vendor: the agency's view (a commune user gets their own commune's). */
  async callOffTotals(actor: Actor, query: { agreement?: string }): Promise<CallOffTotals> {
    const list = (await this.callOffs(actor, query.agreement ? { agreement: query.agreement } : {})).filter(
      (c) => c.cancelledAt === null,
    );
    return {
      byCommune: totalsBy(
        list,
        (c) => c.communeNis,
        (c) => c.communeName,
        (c) => c.amount,
      ),
      byLot: totalsBy(
        list,
        (c) => c.lotId,
        (c) => `${c.agreementReference} — lot ${c.lotNumber} : ${c.lotTitle}`,
        (c) => c.amount,
      ),
      byVendor: totalsBy(
        list,
        (c) => c.vendor ?? '—',
        (c) => c.vendor ?? '—',
        (c) => c.amount,
      ),
    };
  }

  async adoption(actor: Actor, query: AdoptionQuery): Promise<Adoption> {
    authorize(actor, 'read', { type: 'catalogue' });
    const uses = await this.uow.read((repos) =>
      repos.catalogue.uses({
        ...(query.solution ? { solutionId: query.solution } : {}),
        ...(query.category ? { category: query.category } : {}),
        visible: this.visibleStatuses(actor),
      }),
    );
    return adoptionOf(uses);
  }

  // ── saved searches ───────────────────────────────────────────────────────────────────────────────────────────
  async savedSearches(actor: Actor): Promise<SavedSearch[]> {
    authorize(actor, 'read', { type: 'catalogue_search' });
    if (actor.kind !== 'user') return [];
    return (await this.uow.read((repos) => repos.catalogue.savedSearches(actor.id))).map(presentSavedSearch);
  }

  async saveSearch(ctx: RequestContext, input: SavedSearchInput): Promise<SavedSearch> {
    authorize(ctx.actor, 'create', { type: 'catalogue_search' });
    const actor = ctx.actor;
    if (actor.kind !== 'user') throw new ValidationError('USER_REQUIRED');
    return this.uow.write(async (repos) => {
      const row = await repos.catalogue.insertSavedSearch({ userId: actor.id, name: input.name, query: input.query });
      await this.audit(repos, ctx, {
        action: 'catalogue.search.save',
        entityType: 'saved_search',
        entityId: row.id,
        after: input,
      });
      return presentSavedSearch(row);
    });
  }

  async deleteSavedSearch(ctx: RequestContext, id: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await repos.catalogue.savedSearch(id);
      if (!row) throw new NotFoundError('SAVED_SEARCH_NOT_FOUND');
      authorize(ctx.actor, 'delete', { type: 'catalogue_search', ownerId: row.userId });
      await repos.catalogue.deleteSavedSearch(id);
      await this.audit(repos, ctx, {
        action: 'catalogue.search.delete',
        entityType: 'saved_search',
        entityId: id,
        before: row,
      });
    });
  }

  // ── shortlists ───────────────────────────────────────────────────────────────────────────────────────────────
  async shortlists(actor: Actor): Promise<Shortlist[]> {
    authorize(actor, 'read', { type: 'catalogue_shortlist' });
    const all = can(actor, 'read', { type: 'catalogue_shortlist', communeNis: null });
    const communeNis = actor.kind === 'user' ? actor.communeNis : null;
    const rows = await this.uow.read((repos) =>
      repos.catalogue.shortlists(all ? {} : { communeNis: communeNis ?? '-----' }),
    );
    return rows.map(presentShortlist);
  }

  private async loadShortlist(repos: Repositories, actor: Actor, id: string, action: 'read' | 'update' | 'delete') {
    const row = await repos.catalogue.shortlist(id);
    if (!row) throw new NotFoundError('SHORTLIST_NOT_FOUND');
    authorize(actor, action, { type: 'catalogue_shortlist', communeNis: row.communeNis });
    return row;
  }

  async shortlist(actor: Actor, id: string): Promise<Shortlist> {
    return this.uow.read(async (repos) => presentShortlist(await this.loadShortlist(repos, actor, id, 'read')));
  }

  /**
   * The shortlist and its solutions, in its order, for the exports. A solution moved back under watch since it was
   * shortlisted is no longer offered to buyers: the export leaves it out, for everyone (audit finding 12).
   */
  async shortlistWithSolutions(actor: Actor, id: string): Promise<{ shortlist: Shortlist; solutions: Solution[] }> {
    return this.uow.read(async (repos) => {
      const row = await this.loadShortlist(repos, actor, id, 'read');
      const offered: SolutionStatus[] = this.visibleStatuses(actor).filter((status) => status !== 'watch');
      const rows = (await repos.catalogue.solutions(row.solutionIds)).filter((r) => offered.includes(r.status));
      const solutions = await this.present(repos, rows);
      return {
        shortlist: presentShortlist(row),
        solutions: row.solutionIds.map((sid) => solutions.find((s) => s.id === sid)).filter((s) => s !== undefined),
      };
    });
  }

  private async checkSolutionsVisible(repos: Repositories, actor: Actor, ids: string[]) {
    const rows = await repos.catalogue.solutions([...new Set(ids)]);
    const visible = this.visibleStatuses(actor);
    if (rows.filter((r) => visible.includes(r.status)).length !== new Set(ids).size) {
      throw new ValidationError('SOLUTION_NOT_FOUND');
    }
  }

  async createShortlist(ctx: RequestContext, input: ShortlistInput): Promise<Shortlist> {
    const actor = ctx.actor;
    // A commune user's shortlist is their commune's, whatever the body says.
    const communeNis =
      actor.kind === 'user' && actor.communeNis ? (input.communeNis ?? actor.communeNis) : input.communeNis;
    authorize(actor, 'create', { type: 'catalogue_shortlist', communeNis });
    return this.uow.write(async (repos) => {
      await this.checkSolutionsVisible(repos, actor, input.solutionIds);
      if (communeNis && !(await repos.catalogue.communeExists(communeNis))) {
        throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: communeNis });
      }
      const row = await repos.catalogue.insertShortlist({
        name: input.name,
        communeNis,
        ownerId: actor.kind === 'user' ? actor.id : null,
        solutionIds: [...new Set(input.solutionIds)],
        savedSearchId: input.savedSearchId,
      });
      await this.audit(repos, ctx, {
        action: 'catalogue.shortlist.create',
        entityType: 'shortlist',
        entityId: row.id,
        after: input,
        communeNis,
      });
      return presentShortlist(row);
    });
  }

  async updateShortlist(
    ctx: RequestContext,
    id: string,
    input: { name?: string; solutionIds?: string[] },
  ): Promise<Shortlist> {
    return this.uow.write(async (repos) => {
      const row = await this.loadShortlist(repos, ctx.actor, id, 'update');
      if (input.solutionIds) await this.checkSolutionsVisible(repos, ctx.actor, input.solutionIds);
      const updated = await repos.catalogue.updateShortlist(id, {
        ...(input.name ? { name: input.name } : {}),
        ...(input.solutionIds ? { solutionIds: [...new Set(input.solutionIds)] } : {}),
      });
      await this.audit(repos, ctx, {
        action: 'catalogue.shortlist.update',
        entityType: 'shortlist',
        entityId: id,
        before: presentShortlist(row),
        after: input,
        communeNis: row.communeNis,
      });
      return presentShortlist(updated);
    });
  }

  async recordOutcome(ctx: RequestContext, id: string, outcome: OutcomeInput): Promise<Shortlist> {
    return this.uow.write(async (repos) => {
      const row = await this.loadShortlist(repos, ctx.actor, id, 'update');
      rule(() => assertOutcome(outcome, row.solutionIds));
      const updated = await repos.catalogue.updateShortlist(id, {
        outcomeKind: outcome.kind,
        outcomeSolutionId: outcome.kind === 'chosen' ? outcome.solutionId : null,
        outcomeReason: outcome.reason,
        outcomeAt: this.now(),
      });
      await this.audit(repos, ctx, {
        action: 'catalogue.shortlist.outcome',
        entityType: 'shortlist',
        entityId: id,
        before: presentShortlist(row).outcome,
        after: outcome,
        communeNis: row.communeNis,
      });
      return presentShortlist(updated);
    });
  }

  async deleteShortlist(ctx: RequestContext, id: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await this.loadShortlist(repos, ctx.actor, id, 'delete');
      await repos.catalogue.deleteShortlist(id);
      await this.audit(repos, ctx, {
        action: 'catalogue.shortlist.delete',
        entityType: 'shortlist',
        entityId: id,
        before: presentShortlist(row),
        communeNis: row.communeNis,
      });
    });
  }
}
