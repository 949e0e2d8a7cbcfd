import {
  type ExistingNeed,
  type ImportRowResult,
  needToRow,
  validateNeedRows,
} from '../../domain/needs/import-rows.ts';
import type { Need, NeedInput, NeedListQuery, NeedUpdateInput } from '../../domain/needs/need.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { NeedRecord } from './needs.repository.ts';
import { needsCsv, needsTemplateCsv, needsTemplateXlsx, needsXlsx, readNeedFile } from './needs-file.ts';

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

/** A need's facts: what the audit records, and what an imported row is compared with. */
function auditable(
  row: Omit<NeedRecord, 'communeName' | 'createdAt' | 'updatedAt' | 'createdBy' | 'id'>,
): ExistingNeed {
  return {
    communeNis: row.communeNis,
    title: row.title,
    description: row.description,
    dimensions: row.dimensions as ExistingNeed['dimensions'],
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
  /** of the valid rows: new needs, needs changed, needs the file leaves as they are */
  created: number;
  updated: number;
  unchanged: number;
  columns: string[];
  missingColumns: string[];
  /** headers the import does not know, whose cells are not read */
  ignoredColumns: string[];
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
      ? await this.uow.read((repos) => repos.mutualisationGroups.groupsOfNeed(id))
      : [];
    return { ...presentNeed(row, actor), groups };
  }

  async create(ctx: RequestContext, input: NeedInput) {
    authorize(ctx.actor, 'create', { type: 'need', communeNis: input.communeNis });
    const id = await this.uow.write(async (repos) => {
      await this.checkCommune(repos.mutualisationGroups, input.communeNis);
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
    await this.uow.write((repos) => this.applyUpdate(repos, ctx, id, input));
    return this.get(ctx.actor, id);
  }

  /** One audited change of a need, in the caller's transaction (a form's edit, or an imported row). */
  private async applyUpdate(
    repos: Repositories,
    ctx: RequestContext,
    id: string,
    input: NeedUpdateInput,
    note: Record<string, unknown> = {},
  ) {
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
        after: { ...auditable(after), ...note },
      }),
    );
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
    const rows = (await this.list(actor, filter)).map(needToRow);
    const stamp = belgianToday(this.now());
    return format === 'csv'
      ? { body: needsCsv(rows), type: 'text/csv; charset=utf-8', filename: `besoins-${stamp}.csv` }
      : { body: await needsXlsx(rows), type: XLSX_TYPE, filename: `besoins-${stamp}.xlsx` };
  }

  /** The empty file to fill in: the columns, what they hold and the values they accept (issue 10). */
  async template(format: 'csv' | 'xlsx') {
    return format === 'csv'
      ? { body: needsTemplateCsv(), type: 'text/csv; charset=utf-8', filename: 'modele-import-besoins.csv' }
      : { body: await needsTemplateXlsx(), type: XLSX_TYPE, filename: 'modele-import-besoins.xlsx' };
  }

  /** Every row checked, nothing written. */
  async previewImport(actor: Actor, file: { filename: string; contentBase64: string }): Promise<ImportPreview> {
    authorize(actor, 'create', { type: 'need' });
    const { columns, ignoredColumns, rows } = await readNeedFile(
      file.filename,
      Buffer.from(file.contentBase64, 'base64'),
    );
    const missingColumns = ['nis_code', 'title'].filter((c) => !columns.includes(c as (typeof columns)[number]));
    if (missingColumns.length) {
      throw new ValidationError('IMPORT_MISSING_COLUMNS', { columns: missingColumns.join(', ') });
    }
    const ids = [...new Set(rows.map((r) => (r.cells.id ?? '').trim().toLowerCase()))].filter((id) =>
      /^[0-9a-f-]{36}$/.test(id),
    );
    const { communeNis, existing } = await this.uow.read(async (repos) => ({
      communeNis: new Set(await repos.mutualisationGroups.currentCommuneCodes(belgianToday(this.now()))),
      existing: await repos.needs.findMany(ids),
    }));
    // A need the caller may not read is, for them, no need at all: its identifier is unknown.
    const visible = existing.filter((n) => can(actor, 'read', { type: 'need', communeNis: n.communeNis }));
    const onlyCommune =
      actor.kind === 'user' && !can(actor, 'create', { type: 'need', communeNis: '00000' }) ? actor.communeNis : null;
    const results = validateNeedRows(rows, {
      communeNis,
      onlyCommune,
      existing: new Map(visible.map((n) => [n.id, auditable(n)])),
      columns: new Set(columns),
    });
    const count = (action: string) => results.filter((r) => r.ok && r.action === action).length;
    const valid = results.filter((r) => r.ok).length;
    return {
      rows: results,
      valid,
      invalid: results.length - valid,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      columns,
      missingColumns,
      ignoredColumns,
    };
  }

  /**
   * Writes the valid rows of the file — new needs, and the changes of the needs it names by identifier — all in
   * one transaction with their audit entries, or nothing. Unchanged rows are left alone.
   */
  async confirmImport(ctx: RequestContext, file: { filename: string; contentBase64: string }) {
    const preview = await this.previewImport(ctx.actor, file);
    // Naming another commune's rows is an attempt to write its data: refused outright, not skipped.
    for (const row of preview.rows) {
      const other = row.ok ? undefined : row.problems.find((p) => p.code === 'NOT_YOUR_COMMUNE');
      if (other) authorize(ctx.actor, 'create', { type: 'need', communeNis: other.value ?? null });
    }
    const creates = preview.rows.flatMap((r) => (r.ok && r.action === 'create' ? [r.need] : []));
    const updates = preview.rows.flatMap((r) =>
      r.ok && r.action === 'update' && r.id ? [{ ...r.need, id: r.id }] : [],
    );
    if (preview.valid === 0) throw new ValidationError('IMPORT_NOTHING_VALID');
    for (const need of [...creates, ...updates])
      authorize(ctx.actor, 'create', { type: 'need', communeNis: need.communeNis });
    if (creates.length + updates.length === 0) {
      return { created: 0, updated: 0, unchanged: preview.unchanged, skipped: preview.invalid };
    }
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    const result = await this.uow.write(async (repos) => {
      const rows = await repos.needs.insert(creates.map((need) => ({ ...need, createdBy: actorId })));
      for (const { id, communeNis: _commune, ...patch } of updates) {
        await this.applyUpdate(repos, ctx, id, patch, { importedFrom: file.filename });
      }
      const communes = new Set([...creates, ...updates].map((n) => n.communeNis));
      await repos.audit.record(
        auditOf(ctx, {
          action: 'need.import',
          entityType: 'need',
          entityId: null,
          communeNis: communes.size === 1 ? [...communes][0]! : null,
          after: {
            filename: file.filename,
            created: rows.length,
            updated: updates.length,
            unchanged: preview.unchanged,
            skipped: preview.invalid,
            ids: rows.map((r) => r.id),
          },
        }),
      );
      return { created: rows.length, updated: updates.length };
    });
    return { ...result, unchanged: preview.unchanged, skipped: preview.invalid };
  }

  private async checkCommune(needs: { currentCommuneCodes(today: string): Promise<string[]> }, nis: string) {
    const current = await needs.currentCommuneCodes(belgianToday(this.now()));
    if (!current.includes(nis)) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode: nis });
  }
}
