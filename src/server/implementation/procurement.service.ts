import type { FrameworkChoice, ProcedureAdviceQuery, ProcurementInput } from '../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../domain/implementation/implementation-api.ts';
import { buildReleasePackage, type OcdsRelease, type OcdsReleasePackage } from '../../domain/implementation/ocds.ts';
import {
  type FrameworkMatch,
  type ProcedureAdvice,
  proposeProcedures,
} from '../../domain/implementation/procedures.ts';
import { stepLabelFr, validateProcurementFile } from '../../domain/implementation/procurement-file.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { formatDate } from '../../domain/shared/format.ts';
import { type Actor, can } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { buyerName, PLACEHOLDER_OCDS_PREFIX, publishReleases, releasesOf } from '../open-data/ocds-publication.ts';
import type { FollowedProject } from './implementation.repository.ts';
import type { ImplementationCore } from './implementation-core.ts';
import { thresholdTable } from './thresholds.service.ts';

/** The OCDS publisher prefix: a placeholder until the agency registers its own (setting OCDS_PREFIX, decision 140). */
export const OCID_PREFIX = PLACEHOLDER_OCDS_PREFIX;
/** Who publishes when the open data is read: the platform itself. */
const OPEN_DATA_CONTEXT: RequestContext = { actor: { kind: 'system', label: 'open-data' }, ip: null };

/** A project's procurement file: the procedures the law allows, the file itself, its OCDS export. */
export class ProcurementService {
  constructor(
    private readonly core: ImplementationCore,
    private readonly ocidPrefix: string = OCID_PREFIX,
  ) {}

  async procedureAdvice(actor: Actor, projectId: string, query: ProcedureAdviceQuery): Promise<ProcedureAdvice> {
    return this.core.uow.read(async (repos) => {
      await this.core.project(repos, actor, projectId, 'read', 'procurement');
      const { frameworkMatch } = await frameworkMatchOf(
        repos,
        query.frameworkSolutionId && query.frameworkLotId
          ? { solutionId: query.frameworkSolutionId, lotId: query.frameworkLotId }
          : null,
        query.launchDate,
      );
      const advice = proposeProcedures({
        nature: query.nature,
        estimatedAmountExclVat: query.estimatedAmountExclVat,
        launchDate: query.launchDate,
        thresholds: await thresholdTable(repos),
        ...(frameworkMatch ? { frameworkMatch } : {}),
      });
      return can(actor, 'read', { type: 'threshold_verification_note' })
        ? advice
        : { ...advice, verificationNotesFr: [] };
    });
  }

  async saveProcurement(ctx: RequestContext, projectId: string, input: ProcurementInput): Promise<ProjectFollowUp> {
    return this.core.uow.write(async (repos) => {
      const project = await this.core.project(repos, ctx.actor, projectId, 'update', 'procurement');
      if (input.procedure === 'framework-call-off' && !input.framework) {
        throw new ValidationError('CALL_OFF_NEEDS_REFERENCE');
      }
      const { frameworkMatch, frameworkLabel } = await frameworkMatchOf(repos, input.framework, input.launchDate);
      if (input.framework?.callOffId) await checkCallOff(repos, project, input.framework);
      if (input.procedure) {
        await this.checkProcedure(repos, input, input.procedure, frameworkMatch);
      } else if (input.steps.length > 0) {
        throw new ValidationError('PROCUREMENT_STEPS_NEED_PROCEDURE');
      }
      const before = (await repos.implementation.procurements([projectId]))[0] ?? null;
      await repos.implementation.upsertProcurement({
        projectId,
        nature: input.nature,
        estimatedAmount: input.estimatedAmountExclVat,
        launchDate: input.launchDate,
        procedure: input.procedure,
        frameworkSolutionId: input.framework?.solutionId ?? null,
        frameworkLotId: input.framework?.lotId ?? null,
        callOffId: input.framework?.callOffId ?? null,
        frameworkReference: frameworkLabel ?? null,
        reference: input.reference,
        steps: input.steps,
        vendorName: input.vendorName,
        vendorEnterpriseNumber: input.vendorEnterpriseNumber,
        awardAmount: input.awardAmountExclVat,
      });
      await this.core.record(repos, ctx, project, {
        event: {
          action: before ? 'implementation.procurement.update' : 'implementation.procurement.create',
          procedure: input.procedure,
          amount: input.estimatedAmountExclVat,
          steps: input.steps.filter((s) => s.actualDate).map((s) => s.step),
          vendor: input.vendorName,
        },
        entityType: 'procurement_file',
        before,
        after: input,
      });
      return this.core.present(repos, ctx.actor, project);
    });
  }

  /** The chosen procedure must be one the rules allow on the launch date (conditional ones included: to motivate). */
  private async checkProcedure(
    repos: Repositories,
    input: ProcurementInput,
    procedure: NonNullable<ProcurementInput['procedure']>,
    frameworkMatch: FrameworkMatch | undefined,
  ): Promise<void> {
    const advice = proposeProcedures({
      nature: input.nature,
      estimatedAmountExclVat: input.estimatedAmountExclVat,
      launchDate: input.launchDate,
      thresholds: await thresholdTable(repos),
      ...(frameworkMatch ? { frameworkMatch } : {}),
    });
    const proposal = advice.proposals.find((p) => p.procedure === procedure);
    if (!proposal?.allowed) {
      throw new ValidationError('PROCEDURE_NOT_ALLOWED', { procedure: proposal?.labelFr ?? procedure });
    }
    const today = this.core.today();
    const validation = validateProcurementFile(
      {
        procedure,
        steps: input.steps,
        ...(input.awardAmountExclVat === null ? {} : { awardAmountExclVat: input.awardAmountExclVat }),
      },
      today,
    );
    const future = validation.problems.find((p) => p.code === 'STEP_DONE_IN_FUTURE');
    if (future?.step) {
      const done = input.steps.find((s) => s.step === future.step)?.actualDate ?? today;
      throw new ValidationError('PROCUREMENT_STEP_DONE_IN_FUTURE', {
        step: stepLabelFr(future.step, procedure),
        date: formatDate(done, 'fr'),
        today: formatDate(today, 'fr'),
      });
    }
    const error = validation.problems.find((p) => p.severity === 'error');
    if (error) throw new ValidationError('PROCUREMENT_FILE_INVALID', { problem: error.messageFr }, validation.problems);
  }

  async ocds(actor: Actor, projectId: string, origin: string): Promise<OcdsReleasePackage> {
    // Exporting publishes: releases not yet published are appended (decision 140), never rewritten.
    return this.core.uow.write(async (repos) => {
      const project = await this.core.project(repos, actor, projectId, 'read', 'procurement');
      const pkg = await this.ocdsOf(
        repos,
        project,
        `${origin}/api/implementation/projects/${projectId}/procurement/ocds`,
      );
      if (!pkg) throw new NotFoundError('PROCUREMENT_NOT_FOUND');
      return this.published(repos, { actor, ip: null }, [pkg]).then((all) => all[0]!);
    });
  }

  /** The packages with their releases as published: what was already published, plus what changed since. */
  private async published(
    repos: Repositories,
    ctx: RequestContext,
    packages: OcdsReleasePackage[],
  ): Promise<OcdsReleasePackage[]> {
    const stored = await publishReleases(
      repos,
      ctx,
      packages.map((p) => p.releases),
      this.core.now(),
    );
    return packages.map((p) => {
      const ocid = p.releases[0]?.ocid;
      return { ...p, releases: releasesOf(stored.filter((r) => r.ocid === ocid)) as OcdsRelease[] };
    });
  }

  /**
   * The OCDS packages of the published projects' procurement files, for the open data (issue 14): the same data as
   * the staff export, for the projects the communes published with their amounts only. `uri` names the package.
   */
  async publishedOcds(uri: string, ctx: RequestContext = OPEN_DATA_CONTEXT): Promise<OcdsReleasePackage[]> {
    return this.core.uow.write(async (repos) => {
      const projects = await repos.implementation.followed({ publishedOnly: true });
      const packages: OcdsReleasePackage[] = [];
      // Procurement is about amounts: only the projects whose commune also publishes its amounts (decision 120).
      for (const project of projects.filter((p) => p.followUp?.publishAmounts)) {
        try {
          const pkg = await this.ocdsOf(repos, project, uri);
          if (pkg) packages.push(pkg);
        } catch (error) {
          // A file still too incomplete for OCDS is not published yet; the staff export names what is missing.
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return this.published(repos, ctx, packages);
    });
  }

  private async ocdsOf(repos: Repositories, project: FollowedProject, uri: string): Promise<OcdsReleasePackage | null> {
    const projectId = project.id;
    const [row] = await repos.implementation.procurements([projectId]);
    if (!row?.procedure) return null;
    const agency = (await repos.users.getAgency())?.name ?? 'IDELUX Projets publics';
    const steps = row.steps;
    const awardDate = steps.find((s) => s.step === 'award')?.actualDate;
    const contractDate = steps.find((s) => s.step === 'contract')?.actualDate;
    const award =
      awardDate && row.awardAmount && row.vendorName
        ? {
            date: awardDate,
            amountExclVat: row.awardAmount,
            supplier: {
              name: row.vendorName,
              ...(row.vendorEnterpriseNumber ? { enterpriseNumber: row.vendorEnterpriseNumber } : {}),
            },
          }
        : undefined;
    const milestones = await repos.implementation.milestones([projectId]);
    return buildReleasePackage({
      ocidPrefix: this.ocidPrefix,
      procurementId: projectId,
      ...(row.reference ? { reference: row.reference } : {}),
      package: {
        uri,
        publishedDate: this.core.now().toISOString(),
        publisher: { name: agency },
        license: 'https://creativecommons.org/licenses/by/4.0/',
      },
      buyer: { nisCode: project.communeNis, name: await buyerName(repos, project.communeNis) },
      title: project.title,
      ...(project.description ? { description: project.description } : {}),
      nature: row.nature,
      procedure: row.procedure,
      estimatedAmountExclVat: row.estimatedAmount,
      planning: { projectId: project.id, projectTitle: project.title },
      steps,
      ...(row.procedure === 'framework-call-off'
        ? { framework: { title: row.frameworkReference ?? 'Marché-cadre' } }
        : {}),
      ...(award ? { award } : {}),
      ...(award && contractDate
        ? {
            contract: {
              amountExclVat: award.amountExclVat,
              dateSigned: contractDate,
              milestones: milestones.map((m) => ({
                id: m.id,
                title: m.title,
                dueDate: m.dueDate,
                ...(m.doneDate ? { dateMet: m.doneDate, status: 'met' as const } : {}),
              })),
            },
          }
        : {}),
    });
  }
}

/**
 * A call-off's solution and lot, checked against the catalogue: the solution is listed, the lot offers it, and the
 * agreement is in force on the launch date. Returns the match the procedure advice takes, and its words.
 */
async function frameworkMatchOf(
  repos: Repositories,
  choice: Omit<FrameworkChoice, 'callOffId'> | null,
  launchDate: string,
): Promise<{ frameworkMatch?: FrameworkMatch; frameworkLabel?: string }> {
  if (!choice) return {};
  const [solution] = await repos.catalogue.solutions([choice.solutionId]);
  const offer = solution
    ? (await repos.catalogue.lotsOfSolutions([solution.id])).find((l) => l.lotId === choice.lotId)
    : undefined;
  if (solution?.status !== 'listed' || !offer) {
    throw new ValidationError('FRAMEWORK_SOLUTION_NOT_IN_LOT', { field: 'framework' });
  }
  const agreement = (await repos.catalogue.agreement(offer.agreementId))!;
  if (launchDate < agreement.startDate || launchDate > agreement.endDate) {
    throw new ValidationError('FRAMEWORK_AGREEMENT_NOT_IN_FORCE', {
      reference: agreement.reference,
      start: agreement.startDate,
      end: agreement.endDate,
    });
  }
  return {
    frameworkMatch: {
      solutionId: solution.name,
      lot: `${offer.lotNumber} (${offer.lotTitle}), accord-cadre ${agreement.reference}`,
      centralPurchasingBody: 'IDELUX',
    },
    frameworkLabel: `${solution.name} — lot ${offer.lotNumber} « ${offer.lotTitle} », accord-cadre ${agreement.reference}`,
  };
}

/** The order the commune placed in the catalogue: its own, for this solution and lot, and not cancelled. */
async function checkCallOff(repos: Repositories, project: FollowedProject, framework: FrameworkChoice): Promise<void> {
  const callOff = framework.callOffId ? await repos.catalogue.callOff(framework.callOffId) : null;
  if (
    !callOff ||
    callOff.communeNis !== project.communeNis ||
    callOff.solutionId !== framework.solutionId ||
    callOff.lotId !== framework.lotId ||
    callOff.cancelledAt !== null
  ) {
    throw new ValidationError('CALL_OFF_NOT_FOR_THIS_FILE', { field: 'framework.callOffId' });
  }
}
