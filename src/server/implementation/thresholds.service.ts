import type { ThresholdPeriodRecord } from '../../domain/implementation/implementation-api.ts';
import { checkPeriodRemoval, SEED_THRESHOLD_TABLE, ThresholdTable } from '../../domain/implementation/thresholds.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { periodOf, thresholdRecordOf } from './implementation.presenter.ts';
import type { ImplementationCore } from './implementation-core.ts';

/** The thresholds table in force, as the procedure rules read it. */
export async function thresholdTable(repos: Repositories): Promise<ThresholdTable> {
  return (await repos.implementation.thresholds()).map(periodOf);
}

/** The Belgian procurement thresholds by period of validity: read by everyone signed in, kept by agency admins. */
export class ThresholdsService {
  constructor(private readonly core: ImplementationCore) {}

  async thresholds(actor: Actor): Promise<ThresholdPeriodRecord[]> {
    authorize(actor, 'read', { type: 'procurement_threshold' });
    const notes = can(actor, 'read', { type: 'threshold_verification_note' });
    return this.core.uow.read(async (repos) =>
      (await repos.implementation.thresholds()).map((row) => thresholdRecordOf(row, notes)),
    );
  }

  async replaceThresholds(ctx: RequestContext, table: ThresholdTable): Promise<ThresholdPeriodRecord[]> {
    authorize(ctx.actor, 'update', { type: 'procurement_threshold' });
    const parsed = ThresholdTable.safeParse(table);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValidationError('THRESHOLDS_INVALID', { problem: `${issue.path.join('.')} : ${issue.message}` });
    }
    return this.core.uow.write(async (repos) => {
      const before = await repos.implementation.thresholds();
      await repos.implementation.replaceThresholds(parsed.data);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'procurement_thresholds.update',
          entityType: 'procurement_thresholds',
          entityId: 'table',
          before: before.map(periodOf),
          after: parsed.data,
        }),
      );
      return (await repos.implementation.thresholds()).map((row) => thresholdRecordOf(row));
    });
  }

  /** Delete one period (the first or last, not in force today: `checkPeriodRemoval`), audited with its figures. */
  async deleteThresholdPeriod(ctx: RequestContext, validFrom: string): Promise<ThresholdPeriodRecord[]> {
    authorize(ctx.actor, 'delete', { type: 'procurement_threshold' });
    return this.core.uow.write(async (repos) => {
      const rows = await repos.implementation.thresholds();
      const row = rows.find((r) => r.validFrom === validFrom);
      if (!row) throw new NotFoundError('THRESHOLD_PERIOD_UNKNOWN', { date: validFrom });
      checkPeriodRemoval(rows.map(periodOf), validFrom, this.core.today());
      await repos.implementation.deleteThreshold(validFrom);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'procurement_thresholds.delete',
          entityType: 'procurement_thresholds',
          entityId: validFrom,
          before: periodOf(row),
        }),
      );
      return (await repos.implementation.thresholds()).map((r) => thresholdRecordOf(r));
    });
  }
}

/** The seed periods of the domain, stored once (an admin's edits are kept). */
export async function seedProcurementThresholds(uow: UnitOfWork): Promise<number> {
  return uow.write((repos) => repos.implementation.seedThresholds([...SEED_THRESHOLD_TABLE]));
}
