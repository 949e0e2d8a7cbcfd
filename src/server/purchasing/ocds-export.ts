import type { OcdsRecord, OcdsReleaseLike, PublishedRelease } from '../../domain/open-data/ocds-history.ts';
import type { ScenarioAnalysis } from '../../domain/purchasing/analysis.ts';
import type { ScenarioDetail } from '../../domain/purchasing/api.ts';
import {
  type CallOffProcessInput,
  callOffReleases,
  type FrameworkProcessInput,
  frameworkOcid,
  frameworkReleases,
  OCDS_EXTENSIONS,
} from '../../domain/purchasing/ocds-framework.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { buyerName, publishReleases, recordsOf, releasesOf } from '../open-data/ocds-publication.ts';
import type { FileRow } from './purchasing.repository.ts';
import type { PurchasingService } from './purchasing.service.ts';

const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

export type OcdsReleasePackageOut = {
  uri: string;
  version: '1.1';
  extensions: string[];
  publishedDate: string;
  publisher: { name: string };
  license: string;
  releases: OcdsReleaseLike[];
};

export type OcdsRecordPackageOut = Omit<OcdsReleasePackageOut, 'releases'> & {
  packages: string[];
  records: OcdsRecord[];
};

type Agreement = NonNullable<Awaited<ReturnType<Repositories['catalogue']['agreement']>>>;

/**
 * The OCDS of the agency's central purchasing (issue 12, decision 140): the framework agreement of a launched scenario
 * as its own contracting process, and each commune's call-off under the agreement the award created as a related
 * process. Exporting publishes: what changed since the last export gets new releases (`ocds-publication.ts`), the
 * staff export and the open data read the same published releases.
 */
export class PurchasingOcdsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly purchasing: PurchasingService,
    private readonly agencyName: string,
    private readonly ocidPrefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The framework process and its call-offs' processes as one release package (every release published). */
  async releasePackage(ctx: RequestContext, scenarioId: string, uri: string): Promise<OcdsReleasePackageOut> {
    const published = await this.publishScenario(ctx, scenarioId);
    return { ...this.meta(uri), releases: releasesOf(published) };
  }

  /** The same processes as a record package: each process's releases and its compiled release. */
  async recordPackage(
    ctx: RequestContext,
    scenarioId: string,
    uri: string,
    releasesUri: string,
  ): Promise<OcdsRecordPackageOut> {
    const published = await this.publishScenario(ctx, scenarioId);
    return { ...this.meta(uri), packages: [releasesUri], records: recordsOf(published) };
  }

  /**
   * For the open data: the framework process of every launched scenario, as published. The agency's procedure and its
   * award are public by law (notices); the call-offs are the communes' own contracts, which no notice makes public
   * (a contract based on a framework agreement needs no award notice), so they stay in the staff export until a
   * commune decides to publish them (decision 120: the commune decides what is public).
   */
  async publishedProcesses(ctx: RequestContext): Promise<PublishedRelease[]> {
    const ids = await this.uow.read(async (repos) =>
      (await repos.purchasing.listScenarios({})).filter((s) => s.status === 'launched').map((s) => s.id),
    );
    const all: PublishedRelease[] = [];
    for (const id of ids) {
      try {
        all.push(...(await this.publishScenario(ctx, id, { skipAuthorization: true, withCallOffs: false })));
      } catch (error) {
        // A scenario whose value cannot be computed any more is left out; the staff export says why.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return all;
  }

  meta(uri: string) {
    return {
      uri,
      version: '1.1' as const,
      extensions: [...OCDS_EXTENSIONS],
      publishedDate: this.now().toISOString(),
      publisher: { name: this.agencyName },
      license: LICENCE,
    };
  }

  private async publishScenario(
    ctx: RequestContext,
    scenarioId: string,
    options: { skipAuthorization?: boolean; withCallOffs?: boolean } = {},
  ): Promise<PublishedRelease[]> {
    if (!options.skipAuthorization) authorize(ctx.actor, 'update', { type: 'purchasing' });
    // The scenario as the agency sees it (its value and law), read with the purchasing feature's own rules.
    const reader: Actor = options.skipAuthorization ? { kind: 'system', label: 'open-data' } : ctx.actor;
    const detail = await this.purchasing.scenarios.get(reader, scenarioId);
    const analysis = detail.analysis;
    if (detail.status !== 'launched' || !analysis) throw new ConflictError('SCENARIO_NOT_LAUNCHED');
    return this.uow.write(async (repos) => {
      const file = await repos.purchasing.file(scenarioId);
      if (!file) throw new ConflictError('SCENARIO_NOT_LAUNCHED');
      const agreement = file.agreementId ? await repos.catalogue.agreement(file.agreementId) : null;
      const input = await this.frameworkInput(repos, detail, analysis, file, agreement);
      const processes: OcdsReleaseLike[][] = [frameworkReleases(input)];
      if (agreement && options.withCallOffs !== false) {
        processes.push(...(await this.callOffProcesses(repos, detail, agreement)));
      }
      return publishReleases(repos, ctx, processes, this.now());
    });
  }

  /** The framework agreement's process as the domain writes it: the file, the confirmed communes, the award. */
  private async frameworkInput(
    repos: Repositories,
    detail: ScenarioDetail,
    analysis: ScenarioAnalysis,
    file: FileRow,
    agreement: Agreement | null,
  ): Promise<FrameworkProcessInput> {
    const confirmed = [
      ...new Set(detail.participations.filter((p) => p.status === 'confirmed').map((p) => p.communeNis)),
    ];
    const names = await officialNames(repos, confirmed);
    const awards = file.awards ?? [];
    return {
      ocidPrefix: this.ocidPrefix,
      scenarioId: detail.id,
      title: detail.title,
      agency: { id: 'agency', name: this.agencyName },
      procedure: file.procedure as FrameworkProcessInput['procedure'],
      launchDate: detail.launchDate,
      steps: file.steps,
      publication: file.publication,
      totalMonths: analysis.value.totalMonths,
      estimatedValue: analysis.value.estimatedValue,
      europeanPublication: analysis.europeanPublication.required,
      lots: detail.lots.map((lot) => ({
        key: lot.key,
        label: lot.label,
        nature: lot.nature,
        estimatedValue: analysis.value.lots.find((l) => l.key === lot.key)?.estimatedValue ?? 0,
      })),
      bids: file.bids.map((b) => ({ lotKey: b.lotKey, vendor: b.vendor })),
      communes: confirmed.map((nis) => ({ nisCode: nis, name: names.get(nis) ?? `Commune ${nis}` })),
      award:
        file.awardDate && agreement
          ? {
              date: file.awardDate,
              agreementReference: agreement.reference,
              startDate: agreement.startDate,
              endDate: agreement.endDate,
              lots: awards,
            }
          : null,
    };
  }

  /** Each commune's call-off under the agreement, as a process related to the framework's. */
  private async callOffProcesses(
    repos: Repositories,
    detail: ScenarioDetail,
    agreement: Agreement,
  ): Promise<OcdsReleaseLike[][]> {
    const callOffs = await repos.catalogue.callOffs({ agreementId: agreement.id });
    const names = await officialNames(repos, [...new Set(callOffs.map((c) => c.communeNis))]);
    return callOffs.map((c) => {
      const lot = detail.lots[c.lotNumber - 1];
      const callOff: CallOffProcessInput = {
        ocidPrefix: this.ocidPrefix,
        callOffId: c.id,
        framework: {
          ocid: frameworkOcid(this.ocidPrefix, detail.id),
          title: detail.title,
          reference: agreement.reference,
          lotNumber: c.lotNumber,
          lotTitle: c.lotTitle,
          nature: lot?.nature ?? 'services',
          vendor: c.vendor ?? 'Adjudicataire du lot',
          centralPurchasingBody: this.agencyName,
        },
        buyer: { nisCode: c.communeNis, name: names.get(c.communeNis) ?? c.communeName },
        solutionName: c.solutionName,
        quantity: c.quantity,
        amount: c.amount,
        orderedOn: belgianToday(c.orderedAt),
        cancelled: c.cancelledAt
          ? { on: belgianToday(c.cancelledAt), reason: c.cancellationReason ?? 'sans motif indiqué' }
          : null,
      };
      return callOffReleases(callOff);
    });
  }
}

/** The official designations (« Ville d'Arlon », « Commune de Tintigny ») of some communes. */
async function officialNames(repos: Repositories, nisCodes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const nis of nisCodes) {
    out.set(nis, await buyerName(repos, nis));
  }
  return out;
}
