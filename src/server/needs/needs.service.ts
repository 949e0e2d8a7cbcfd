import { type ImportRowResult, validateNeedRows } from '../../domain/needs/import-rows.ts';
import type { Need, NeedInput, NeedListQuery, NeedUpdateInput } from '../../domain/needs/need.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import { belgianToday } from '../communes/communes.service.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { NeedRecord } from './needs.repository.ts';
import { type NeedExportRow, needsCsv, needsXlsx, readNeedFile } from './needs-file.ts';

export function presentNeed(row: NeedRecord, actor: Actor): Need {
  return {
    id: row.id,
    communeNis: row.communeNis,
    communeName: row.communeName,
    title: row.title,
    description: row.description,
    dimensions: row.dimensions as Need['dimensions'],
    category: row.category,
    suggestedCategory: row.category ? null : row.suggestedCategory,
    urgency: row.urgency,
    estimatedBudget: row.estimatedBudget,
    timeframe: row.timeframe,
    source: row.source,
    sourceRef: row.sourceRef,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: { edit: can(actor, 'update', { type: 'need', communeNis: row.communeNis }) },
  };
}

function auditable(row: Omit<NeedRecord, 'communeName' | 'createdAt' | 'updatedAt' | 'createdBy' | 'id'>) {
  return {
    communeNis: row.communeNis,
    title: row.title,
    description: row.description,
    dimensions: row.dimensions,
    category: row.category,
    urgency: row.urgency,
    estimatedBudget: row.estimatedBudget,
    timeframe: row.timeframe,
    source: row.source,
    sourceRef: row.sourceRef,
  };
}

export type ImportPreview = {
  rows: ImportRowResult[];
  valid: number;
  invalid: number;
  columns: string[];
  missingColumns: string[];
};

/** The needs register (issue 5): commune editors keep their own commune's needs; agency staff any commune's. */
export class NeedsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: NeedListQuery): Promise<Need[]> {
    const scope = readScope(actor, 'need');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    if (scope.kind === 'commune' && filter.communeNis && filter.communeNis !== scope.communeNis) return [];
    const communeNis = scope.kind === 'commune' ? scope.communeNis : filter.communeNis;
    const rows = await this.uow.read((repos) => repos.needs.list({ ...filter, ...(communeNis ? { communeNis } : {}) }));
    return rows.map((row) => presentNeed(row, actor));
  }

  async get(actor: Actor, id: string) {
    const row = await this.uow.read((repos) => repos.needs.find(id));
    if (!row) throw new NotFoundError('NEED_NOT_FOUND');
    authorize(actor, 'read', { type: 'need', communeNis: row.communeNis });
    const groups = can(actor, 'read', { type: 'mutualisation', communeNis: row.communeNis })
      ? await this.uow.read((repos) => repos.needs.groupsOfNeed(id))
      : [];
    return { ...presentNeed(row, actor), groups };
  }

  async create(ctx: RequestContext, input: NeedInput) {
    authorize(ctx.actor, 'create', { type: 'need', communeNis: input.communeNis });
    const id = await this.uow.write(async (repos) => {
      await this.checkCommune(repos.needs, input.communeNis);
      const [created] = await repos.needs.insert([
        { ...input, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null },
      ]);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'need.create',
          entityType: 'need',
          entityId: created!.id,
          communeNis: input.communeNis,
          after: auditable(created!),
        }),
      );
      return created!.id;
    });
    return this.get(ctx.actor, id);
  }

  async update(ctx: RequestContext, id: string, input: NeedUpdateInput) {
    await this.uow.write(async (repos) => {
      const before = await repos.needs.find(id);
      if (!before) throw new NotFoundError('NEED_NOT_FOUND');
      authorize(ctx.actor, 'update', { type: 'need', communeNis: before.communeNis });
      // A category chosen (the suggested one accepted, or another) replaces the suggestion.
      await repos.needs.update(id, input.category ? { ...input, suggestedCategory: null } : input);
      const after = (await repos.needs.find(id))!;
      await repos.audit.record(
        auditOf(ctx, {
          action: 'need.update',
          entityType: 'need',
          entityId: id,
          communeNis: before.communeNis,
          before: auditable(before),
          after: auditable(after),
        }),
      );
    });
    return this.get(ctx.actor, id);
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const before = await repos.needs.find(id);
      if (!before) throw new NotFoundError('NEED_NOT_FOUND');
      authorize(ctx.actor, 'delete', { type: 'need', communeNis: before.communeNis });
      await repos.needs.delete(id);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'need.delete',
          entityType: 'need',
          entityId: id,
          communeNis: before.communeNis,
          before: auditable(before),
        }),
      );
    });
  }

  async export(actor: Actor, filter: NeedListQuery, format: 'csv' | 'xlsx') {
    const rows: NeedExportRow[] = (await this.list(actor, filter)).map((n) => ({
      id: n.id,
      nis_code: n.communeNis,
      commune: n.communeName,
      title: n.title,
      description: n.description,
      category: n.category,
      dimensions: n.dimensions.join(','),
      urgency: n.urgency,
      budget: n.estimatedBudget,
      timeframe: n.timeframe,
      source: n.source,
      source_ref: n.sourceRef,
    }));
    const stamp = this.now().toISOString().slice(0, 10);
    return format === 'csv'
      ? { body: needsCsv(rows), type: 'text/csv; charset=utf-8', filename: `besoins-${stamp}.csv` }
      : {
          body: await needsXlsx(rows),
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `besoins-${stamp}.xlsx`,
        };
  }

  /** Every row checked, nothing written. */
  async previewImport(actor: Actor, file: { filename: string; contentBase64: string }): Promise<ImportPreview> {
    authorize(actor, 'create', { type: 'need' });
    const { columns, rows } = await readNeedFile(file.filename, Buffer.from(file.contentBase64, 'base64'));
    const missingColumns = ['nis_code', 'title'].filter((c) => !columns.includes(c));
    if (missingColumns.length) {
      throw new ValidationError('IMPORT_MISSING_COLUMNS', { columns: missingColumns.join(', ') });
    }
    const communeNis = new Set(
      await this.uow.read((repos) => repos.needs.currentCommuneCodes(belgianToday(this.now()))),
    );
    const onlyCommune =
      actor.kind === 'user' && !can(actor, 'create', { type: 'need', communeNis: '00000' }) ? actor.communeNis : null;
    const results = validateNeedRows(rows, { communeNis, onlyCommune });
    const valid = results.filter((r) => r.ok).length;
    return { rows: results, valid, invalid: results.length - valid, columns, missingColumns };
  }

  /** Writes the valid rows of the file, all in one transaction with their audit entries, or none. */
  async confirmImport(ctx: RequestContext, file: { filename: string; contentBase64: string }) {
    const preview = await this.previewImport(ctx.actor, file);
    // Naming another commune's rows is an attempt to write its data: refused outright, not skipped.
    for (const row of preview.rows) {
      const other = row.ok ? undefined : row.problems.find((p) => p.code === 'NOT_YOUR_COMMUNE');
      if (other) authorize(ctx.actor, 'create', { type: 'need', communeNis: other.value ?? null });
    }
    const valid = preview.rows.flatMap((r) => (r.ok ? [r.need] : []));
    if (valid.length === 0) throw new ValidationError('IMPORT_NOTHING_VALID');
    for (const need of valid) authorize(ctx.actor, 'create', { type: 'need', communeNis: need.communeNis });
    const created = await this.uow.write(async (repos) => {
      const rows = await repos.needs.insert(
        valid.map((need) => ({ ...need, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null })),
      );
      await repos.audit.record(
        auditOf(ctx, {
          action: 'need.import',
          entityType: 'need',
          entityId: null,
          communeNis: new Set(valid.map((n) => n.communeNis)).size === 1 ? valid[0]!.communeNis : null,
          after: {
            filename: file.filename,
            created: rows.length,
            skipped: preview.invalid,
            ids: rows.map((r) => r.id),
          },
        }),
      );
      return rows.length;
    });
    return { created, skipped: preview.invalid };
  }

  private async checkCommune(needs: { currentCommuneCodes(today: string): Promise<string[]> }, nis: string) {
    const current = await needs.currentCommuneCodes(belgianToday(this.now()));
    if (!current.includes(nis)) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode: nis });
  }
}
