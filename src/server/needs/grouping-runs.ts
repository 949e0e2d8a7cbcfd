import type { MutualisationRun } from '../../domain/mutualisation/api.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { JobContext, JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import { type GroupingOutcome, type GroupingRunner, GroupingTimeoutError } from './grouping-runner.ts';
import type { RunRow } from './grouping-runs.repository.ts';
import { presentRun } from './mutualisation.presenter.ts';
import type { NeedRow } from './needs.repository.ts';

/** The job queue's name for grouping runs. */
export const GROUPING_JOB = 'mutualisation-run';
/** What a grouping run's job carries: the run, and who asked (for the audit of its result). */
type GroupingJob = { runId: string; actor: Actor; ip: string | null };

/** A run's failure, in the words the consultant reads under « Le regroupement a échoué : … ». */
const RUN_FAILURES = {
  timeout: (seconds: number) =>
    `le regroupement a dépassé la durée permise (${seconds} s) ; il a été arrêté sans rien changer.`,
  lost: 'l’instance qui le traitait s’est arrêtée et la reprise n’a pas abouti ; relancez le regroupement.',
} as const;

/**
 * The mutualisation (issue 5): grouping runs as jobs of the database's queue (issue 15: any instance does them and
 * shows their progress, a run whose process died is retried or failed), the groups a consultant confirms, splits,

/**
 * The grouping runs (issue 5) as jobs of the database's queue (issue 15: any instance does them and shows their
 * progress, a run whose process died is retried or failed). One use case of the mutualisation (mutualisation.service.ts).
 */
export class GroupingRuns {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly log: {
      error(object: unknown, message: string): void;
      info?(object: unknown, message: string): void;
    },
    private readonly now: () => Date,
    private readonly jobs: Pick<JobQueue, 'send' | 'find'>,
    private readonly runner: GroupingRunner,
    private readonly runTimeoutSeconds: number,
  ) {}

  /** The queue's definition of a grouping run: expires (counts as lost) a little after the run's own bound. */
  jobDefinition(): JobDefinition<GroupingJob> {
    return {
      name: GROUPING_JOB,
      handler: (data, job) => this.execute(data, job),
      expireInSeconds: this.runTimeoutSeconds + Math.max(5, Math.ceil(this.runTimeoutSeconds / 10)),
      retryLimit: 1,
    };
  }

  private async createRun(ctx: RequestContext) {
    authorize(ctx.actor, 'create', { type: 'mutualisation' });
    return this.uow.write(async (repos) => {
      // One run at a time, across instances: the check and the insert are serialised by a transaction lock.
      await repos.groupingRuns.lockRuns();
      if (await repos.groupingRuns.hasRunningRun()) throw new ConflictError('MUTUALISATION_RUN_IN_PROGRESS');
      const created = await repos.groupingRuns.insertRun(ctx.actor.kind === 'user' ? ctx.actor.id : null);
      await repos.groupingRuns.updateRun(created.id, { step: 'queued' });
      await repos.audit.record(
        auditOf(ctx, { action: 'mutualisation.run', entityType: 'mutualisation_run', entityId: created.id }),
      );
      return { ...created, step: 'queued' };
    });
  }

  async startRun(ctx: RequestContext): Promise<MutualisationRun> {
    // Runs whose job is gone (its process died and its retries are spent) are closed first, so they block nothing.
    await this.settleLostRuns();
    const run = await this.createRun(ctx);
    try {
      await this.jobs.send(GROUPING_JOB, { runId: run.id, actor: ctx.actor, ip: ctx.ip } satisfies GroupingJob, {
        id: run.id,
      });
    } catch (error) {
      await this.uow.write((repos) =>
        repos.groupingRuns.updateRun(run.id, {
          status: 'failed',
          error: (error as Error).message,
          finishedAt: this.now(),
        }),
      );
      throw error;
    }
    return presentRun(run);
  }

  /**
   * A run done at once by the caller, without the queue: the demo's seed, which writes everything in one transaction
   * that the queue's own connection could not see (and on PGlite would wait for).
   */
  async runNow(ctx: RequestContext): Promise<MutualisationRun> {
    const run = await this.createRun(ctx);
    await this.execute({ runId: run.id, actor: ctx.actor, ip: ctx.ip }, { id: run.id, attempt: 0 }, 'in-place');
    const ended = await this.uow.read((repos) => repos.groupingRuns.findRun(run.id));
    return presentRun(ended!);
  }

  /** Resolves when the run has ended, whichever instance ran it (tests, CLI). */
  async waitForRun(id: string, timeoutMs = 120_000): Promise<MutualisationRun> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = await this.uow.read((repos) => repos.groupingRuns.findRun(id));
      if (!run) throw new NotFoundError('MUTUALISATION_RUN_NOT_FOUND');
      if (run.status !== 'running') return presentRun(run);
      if (Date.now() > until) throw new Error(`the grouping run ${id} has not ended`);
      await this.settleLostRuns();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async getRun(actor: Actor, id: string): Promise<MutualisationRun> {
    authorize(actor, 'read', { type: 'mutualisation' });
    let run = await this.uow.read((repos) => repos.groupingRuns.findRun(id));
    if (!run) throw new NotFoundError('MUTUALISATION_RUN_NOT_FOUND');
    if (run.status === 'running' && (await this.settleIfLost(run)))
      run = (await this.uow.read((repos) => repos.groupingRuns.findRun(id)))!;
    return presentRun(run);
  }

  async latestRun(actor: Actor): Promise<MutualisationRun | null> {
    authorize(actor, 'read', { type: 'mutualisation' });
    const run = await this.uow.read((repos) => repos.groupingRuns.latestRun());
    return run ? this.getRun(actor, run.id) : null;
  }

  /** Closes every « running » run whose job no longer runs nor waits for a retry. */
  private async settleLostRuns(): Promise<void> {
    for (const run of await this.uow.read((repos) => repos.groupingRuns.runningRuns())) await this.settleIfLost(run);
  }

  /**
   * A run is « running » while its job is queued, active or waiting for its retry. A job that failed (its process
   * died twice, or stopped with no retry left), was cancelled or is gone leaves the run failed with the reason —
   * never « running » forever (finding 6). Answers whether it changed the run.
   */
  private async settleIfLost(run: RunRow): Promise<boolean> {
    const job = await this.jobs.find(GROUPING_JOB, run.id);
    if (job && (job.state === 'created' || job.state === 'retry' || job.state === 'active')) return false;
    if (job?.state === 'completed') {
      // The handler ended without settling the run (it could not write): read it again before judging.
      const fresh = await this.uow.read((repos) => repos.groupingRuns.findRun(run.id));
      if (fresh?.status !== 'running') return true;
    }
    await this.uow.write((repos) =>
      repos.groupingRuns.settleRun(run.id, { status: 'failed', error: RUN_FAILURES.lost, finishedAt: this.now() }),
    );
    return true;
  }

  /** The job: reads the needs, groups them where it does not block the server (bounded), saves the proposals. */
  private async execute(
    data: GroupingJob,
    job: JobContext,
    where: 'queue' | 'in-place' = 'queue',
  ): Promise<{ status: string }> {
    const { runId } = data;
    const ctx: RequestContext = { actor: data.actor, ip: data.ip };
    const started = Date.now();
    const current = await this.uow.read((repos) => repos.groupingRuns.findRun(runId));
    if (current?.status !== 'running') return { status: 'settled' };
    // A retry starts over: the attempt before it died with its process, having saved nothing.
    const begin = job.attempt > 0 ? 'retry' : 'load';
    this.log.info?.({ runId, attempt: job.attempt, pid: process.pid }, 'grouping run started');
    await this.uow.read((repos) => repos.groupingRuns.updateRun(runId, { progress: 0, step: begin }));
    try {
      const needs = await this.uow.read((repos) => repos.groupingRuns.needsToGroup());
      const outcome = await this.runner.run(
        needs.map((n) => ({
          id: n.id,
          communeNis: n.communeNis,
          title: n.title,
          description: n.description,
          category: n.category,
        })),
        {
          deadline: started + this.runTimeoutSeconds * 1000,
          // Stored with the run, so every instance shows it; the last 10 % are the saving.
          onProgress: (fraction, step) =>
            this.uow.read((repos) =>
              repos.groupingRuns.updateRun(runId, { progress: Math.round(fraction * 90) / 100, step }),
            ),
        },
      );
      await this.uow.read((repos) => repos.groupingRuns.updateRun(runId, { progress: 0.9, step: 'save' }));
      // An attempt that overran and was given up by the queue must not save over the attempt that replaced it.
      const now = where === 'queue' ? await this.jobs.find(GROUPING_JOB, job.id) : null;
      if (now && (now.state !== 'active' || now.retryCount !== job.attempt)) return { status: 'superseded' };
      await this.save(ctx, runId, needs, outcome, started);
      return { status: 'done' };
    } catch (error) {
      const message =
        error instanceof GroupingTimeoutError
          ? RUN_FAILURES.timeout(this.runTimeoutSeconds)
          : (error as Error).message.slice(0, 500);
      if (!(error instanceof GroupingTimeoutError)) this.log.error({ err: error, runId }, 'mutualisation run failed');
      // The run is settled here (the job completes): a run that fails on its data would fail again if retried.
      await this.uow.write((repos) =>
        repos.groupingRuns.settleRun(runId, { status: 'failed', error: message, finishedAt: this.now() }),
      );
      return { status: 'failed' };
    }
  }

  private async save(
    ctx: RequestContext,
    runId: string,
    needs: NeedRow[],
    outcome: GroupingOutcome,
    started: number,
  ): Promise<void> {
    await this.uow.write(async (repos) => {
      const dismissed = (await repos.groupingRuns.dismissedMemberSets()).map((set) => new Set(set));
      const replaced = await repos.groupingRuns.deleteProposedGroups();
      let saved = 0;
      for (const group of outcome.groups) {
        // A group the consultant dismissed is not proposed again with the same needs.
        if (dismissed.some((set) => group.needIds.every((id) => set.has(id)))) continue;
        await repos.mutualisationGroups.insertGroup(
          {
            runId,
            label: group.label,
            category: group.category,
            reason: group.reason,
            explanation: group.explanation,
            sharedTerms: group.sharedTerms,
          },
          group.needIds,
        );
        saved++;
      }
      // The categories recognised in needs entered without one: proposed on each need, replacing the last run's.
      const categorised = await repos.needs.replaceSuggestedCategories(
        needs.map((n) => n.id),
        outcome.suggestions,
      );
      const stats = {
        needs: needs.length,
        groups: saved,
        suggestedCategories: categorised,
        durationMs: Date.now() - started,
      };
      await repos.groupingRuns.updateRun(runId, {
        status: 'done',
        progress: 1,
        step: 'done',
        stats,
        finishedAt: this.now(),
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mutualisation.groups-proposed',
          entityType: 'mutualisation_run',
          entityId: runId,
          // The proposals it replaced, and those it kept because someone had worked on them.
          after: { ...stats, replacedGroups: replaced.deleted, keptGroups: replaced.kept },
        }),
      );
    });
  }
}
