import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../http/request-context.ts';
import type { ProcurementService } from '../implementation/procurement.service.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import type { PurchasingOcdsService } from '../purchasing/ocds-export.ts';

/** The job that publishes the open data's OCDS (issue 15): queued when procurement data changes. */
export const OCDS_PUBLISH_JOB = 'open-data.ocds-publish';

/** Who publishes the open data: the platform itself. */
const OPEN_DATA_CONTEXT: RequestContext = { actor: { kind: 'system', label: 'open-data' }, ip: null };

/**
 * The write routes whose data the open data's OCDS is made of: the commune files (implementation), the project
 * sheets they follow (strategy), the agency's framework agreements (purchasing), the catalogue's agreements, and the
 * communes' official designations (the buyers' names).
 */
const PROCUREMENT_WRITE_PREFIXES = [
  '/api/implementation/',
  '/api/strategy/',
  '/api/purchasing/',
  '/api/catalogue/',
  '/api/communes/:nisCode/official-designation',
];

/**
 * Publishes on change, not on read (issue 15): the public OCDS endpoints only read `ocds_releases`; this job appends
 * what changed since the last publication (decision 140: unchanged data adds no release, nothing is rewritten).
 */
export class OcdsPublisher {
  constructor(
    private readonly procurement: ProcurementService,
    private readonly purchasingOcds: PurchasingOcdsService,
    /** The open data's address: the package the releases are first published in. */
    private readonly publicUrl: string,
  ) {}

  /** The commune files of published projects with their amounts, and every launched framework agreement. */
  async publish(): Promise<void> {
    await this.procurement.publishedOcds(
      `${this.publicUrl}/api/open-data/datasets/procurement/ocds-releases`,
      OPEN_DATA_CONTEXT,
    );
    await this.purchasingOcds.publishedProcesses(OPEN_DATA_CONTEXT);
  }

  /**
   * At most one publication waiting and one running, across instances: changes made while one waits join it, a
   * change made while one runs queues the next. Bounded well below its expiry; retried if its instance dies.
   */
  jobDefinition(): JobDefinition<object> {
    return {
      name: OCDS_PUBLISH_JOB,
      handler: () => this.publish(),
      expireInSeconds: 5 * 60,
      retryLimit: 3,
      retryDelaySeconds: 5,
      concurrency: 'latest-wins',
    };
  }
}

/**
 * Queues a publication after every successful write to the routes that change procurement data (decided on the
 * routed path). The response is not held: the job runs a moment later, on whichever instance is free.
 */
export function publishChangedProcurement(app: FastifyInstance, jobs: Pick<JobQueue, 'sendCoalesced'>): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (reply.statusCode >= 400) return;
    const route = request.routeOptions.url ?? '';
    if (!PROCUREMENT_WRITE_PREFIXES.some((prefix) => route.startsWith(prefix))) return;
    try {
      await jobs.sendCoalesced(OCDS_PUBLISH_JOB, {}, { delaySeconds: 1 });
    } catch (error) {
      request.log.error({ err: error }, 'the OCDS publication was not queued');
    }
  });
}
