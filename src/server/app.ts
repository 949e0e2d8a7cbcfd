import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import accessPlugin, { type RouteAccess } from './auth/access.plugin.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { AuthService } from './auth/auth.service.ts';
import { usersRoutes } from './auth/users.routes.ts';
import { UsersService } from './auth/users.service.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { CatalogueService } from './catalogue/catalogue.service.ts';
import { communesRoutes } from './communes/communes.routes.ts';
import { CommunesService } from './communes/communes.service.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { UnitOfWork } from './db/unit-of-work.ts';
import { diagnosticRoutes } from './diagnostic/diagnostic.routes.ts';
import { createDiagnosticServices } from './diagnostic/diagnostic-services.ts';
import { targetsRoutes } from './diagnostic/targets.routes.ts';
import { TargetsService } from './diagnostic/targets.service.ts';
import { healthRoutes, VERSION } from './health/health.routes.ts';
import { registerApiDocs } from './http/api-docs.ts';
import { type ErrorResponder, errorResponder, MAX_PARAM_LENGTH, registerErrorHandling } from './http/error-handler.ts';
import { databaseRateLimitStore } from './http/rate-limit-store.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { registerWebApp } from './http/web.plugin.ts';
import { implementationRoutes } from './implementation/implementation.routes.ts';
import { createImplementationServices } from './implementation/implementation-services.ts';
import { createMailer, NoticesService } from './implementation/notices.service.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { MissionOverviewService } from './missions/mission-overview.service.ts';
import { missionsRoutes } from './missions/missions.routes.ts';
import { MissionsService } from './missions/missions.service.ts';
import { groupingRunnerFor } from './needs/grouping-runner.ts';
import { mutualisationRoutes } from './needs/mutualisation.routes.ts';
import { MutualisationService } from './needs/mutualisation.service.ts';
import { needsRoutes } from './needs/needs.routes.ts';
import { NeedsService } from './needs/needs.service.ts';
import { pollNoticeSource } from './needs/poll-notices.ts';
import { OCDS_PUBLISH_JOB, OcdsPublisher, publishChangedProcurement } from './open-data/ocds-publisher.ts';
import { openDataRoutes } from './open-data/open-data.routes.ts';
import { OpenDataService } from './open-data/open-data.service.ts';
import { apiKeysRoutes } from './public/api-keys.routes.ts';
import { ApiKeysService } from './public/api-keys.service.ts';
import { publicRoutes } from './public/public.routes.ts';
import { PublicService } from './public/public.service.ts';
import { widgetRoutes } from './public/widget.routes.ts';
import { purchasingOcdsRoutes } from './purchasing/ocds.routes.ts';
import { PurchasingOcdsService } from './purchasing/ocds-export.ts';
import { purchasingRoutes } from './purchasing/purchasing.routes.ts';
import { PurchasingService } from './purchasing/purchasing.service.ts';
import { ShutdownHooks } from './shutdown.ts';
import { analysisRoutes } from './strategy/analysis.routes.ts';
import { PortfolioSolver } from './strategy/portfolio-solver.ts';
import { strategyRoutes } from './strategy/strategy.routes.ts';
import { StrategyPlanner } from './strategy/strategy-planner.ts';
import { createStrategyServices } from './strategy/strategy-services.ts';
import { watchRoutes } from './watch/watch.routes.ts';
import { WatchService } from './watch/watch.service.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** The job queue's name for the notices pass (alerts, digests, poll notices and their e-mails). */
export const NOTICES_JOB = 'notices';
const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

export type AppOptions = {
  config: Config;
  database: DatabaseHandle;
  /** The clock, so tests can move time (session expiry, mergers). */
  now?: () => Date;
  logger?: boolean;
};

type ServiceLog = { error(object: unknown, message: string): void; info?(object: unknown, message: string): void };

/** The services every feature's routes use, built once per app. */
export function buildServices(database: DatabaseHandle, config: Config, now: () => Date, log: ServiceLog = console) {
  const uow = new UnitOfWork(database.db);
  const { implementation, catalogue, watch, missions, diagnostic } = buildMissionServices(uow, config, now);
  const jobs = buildJobQueue(database, config, log);
  const { groupingRunner, mutualisation } = buildMutualisation(uow, database, config, now, jobs, log);
  const { planner, strategy } = buildStrategy(uow, now, jobs, log);
  const notices = buildNotices(uow, config, now, jobs, log, implementation.province);
  const communes = new CommunesService(uow, now);
  const publicSide = new PublicService(uow, config.agencyName);
  const { purchasing, purchasingOcds, ocdsPublisher } = buildPurchasing(uow, config, now, jobs, implementation);
  return {
    jobs,
    groupingRunner,
    uow,
    auth: new AuthService(uow, { ttlHours: config.sessionTtlHours, loginLimit: config.loginRateLimit }, now),
    users: new UsersService(uow),
    communes,
    missions,
    missionOverview: new MissionOverviewService(missions, diagnostic, strategy.state, implementation.followUp),
    planner,
    strategy,
    calculatorSolver: new PortfolioSolver(),
    diagnostic,
    implementation,
    notices,
    catalogue,
    watch,
    targets: new TargetsService(uow, diagnostic, catalogue, watch),
    needs: new NeedsService(uow, now),
    mutualisation,
    public: publicSide,
    apiKeys: new ApiKeysService(uow, now),
    openData: new OpenDataService(uow, publicSide, communes, config.ocdsPrefix, config.agencyName, now),
    ocdsPublisher,
    purchasing,
    purchasingOcds,
  };
}
export type Services = ReturnType<typeof buildServices>;

function buildMissionServices(uow: UnitOfWork, config: Config, now: () => Date) {
  const implementation = createImplementationServices(uow, now, config.ocdsPrefix);
  const catalogue = new CatalogueService(uow, now);
  const watch = new WatchService(uow, catalogue);
  const missions = new MissionsService(uow, now);
  // What resource persons and report readers see: the agency's name (AGENCY_NAME), not the workspace's label
  // (« … — espace de démonstration »).
  const agencyName = async () => config.agencyName;
  const diagnostic = createDiagnosticServices(uow, now, agencyName);
  return { implementation, catalogue, watch, missions, diagnostic };
}

function buildJobQueue(database: DatabaseHandle, config: Config, log: ServiceLog) {
  // Background work is kept in the database (decision 110): any instance may do it, and sees it.
  return new JobQueue(database, {
    log,
    pollingIntervalSeconds: config.jobs.pollSeconds,
    maintenanceIntervalSeconds: config.jobs.maintenanceSeconds,
  });
}

function buildMutualisation(
  uow: UnitOfWork,
  database: DatabaseHandle,
  config: Config,
  now: () => Date,
  jobs: JobQueue,
  log: ServiceLog,
) {
  const groupingRunner = groupingRunnerFor(database, config.jobs.groupingTimeoutSeconds);
  const mutualisation = new MutualisationService(
    uow,
    log,
    now,
    jobs,
    groupingRunner,
    config.jobs.groupingTimeoutSeconds,
  );
  jobs.define(mutualisation.jobDefinition());
  return { groupingRunner, mutualisation };
}

function buildStrategy(uow: UnitOfWork, now: () => Date, jobs: JobQueue, log: ServiceLog) {
  // A plan's solve is a job too: any instance solves it and stores its progress with the run (decision 110). Two
  // solver threads: the missions' plans, and the HTTP calculators, so neither waits for the other.
  const planner = new StrategyPlanner(uow, new PortfolioSolver(), log, now, jobs);
  jobs.define(planner.jobDefinition());
  const strategy = createStrategyServices(uow, planner, now);
  return { planner, strategy };
}

function buildNotices(
  uow: UnitOfWork,
  config: Config,
  now: () => Date,
  jobs: JobQueue,
  log: ServiceLog,
  province: ReturnType<typeof createImplementationServices>['province'],
) {
  const notices = new NoticesService(uow, province, createMailer(config.smtp), now, log, [
    pollNoticeSource(uow, config.publicUrl, now),
  ]);
  // One notices pass at a time across instances: the period's job and an admin's « send now » wait for each other
  // (both carry the key NOTICES_JOB), so no notice is sent twice by two passes overlapping.
  jobs.define({
    name: NOTICES_JOB,
    handler: () => notices.run(),
    expireInSeconds: 15 * 60,
    retryLimit: 1,
    concurrency: 'one-at-a-time',
  });
  notices.passThrough(
    async () =>
      (await jobs.sendAndWait(
        NOTICES_JOB,
        { manual: true },
        { singletonKey: NOTICES_JOB, timeoutMs: 120_000 },
      )) as Awaited<ReturnType<typeof notices.run>>,
  );
  return notices;
}

function buildPurchasing(
  uow: UnitOfWork,
  config: Config,
  now: () => Date,
  jobs: JobQueue,
  implementation: ReturnType<typeof createImplementationServices>,
) {
  const purchasing = new PurchasingService(uow, now);
  const purchasingOcds = new PurchasingOcdsService(uow, purchasing, config.agencyName, config.ocdsPrefix, now);
  // The open data's OCDS is published when procurement data changes, never on a public read (issue 15).
  const ocdsPublisher = new OcdsPublisher(implementation.procurement, purchasingOcds, config.publicUrl);
  jobs.define(ocdsPublisher.jobDefinition());
  return { purchasing, purchasingOcds, ocdsPublisher };
}

type App = Awaited<ReturnType<typeof createFastify>>;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const now = options.now ?? (() => new Date());
  const respondWithError = errorResponder(BODY_LIMIT_BYTES);
  const app = createFastify(config, options.logger, respondWithError);
  const shutdownHooks = registerShutdownHooks(app);
  const web = registerParsingAndErrors(app, config, respondWithError);
  registerRouteCatalog(app);
  await registerHttpPlugins(app, config, database);
  await registerApiDocs(app, VERSION);
  const services = buildServices(database, config, now, app.log);
  await app.register(accessPlugin, { auth: services.auth });
  publishChangedProcurement(app, services.jobs);
  await registerFeatureRoutes(app, services, database, config);
  if (web.built) await registerWebApp(app, web.distDir);
  else app.log.warn(`no web build at ${web.distDir}: run "npm run build" (npm start does it for you)`);
  await startJobs(services, config, shutdownHooks);
  app.decorate('services', services);
  return app;
}

function createFastify(config: Config, logger: boolean | undefined, respondWithError: ErrorResponder) {
  return Fastify({
    logger: logger === false ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors Fastify raises before a route is found (a malformed or too long address) take the one shape too.
    frameworkErrors: (error, request, reply) => respondWithError(error, request, reply),
    trustProxy: config.trustProxy,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();
}

function registerShutdownHooks(app: App) {
  // Run when the server closes, after the requests in flight (src/server/shutdown.ts); before the database closes.
  const shutdownHooks = new ShutdownHooks();
  app.decorate('shutdownHooks', shutdownHooks);
  app.addHook('onClose', async () => shutdownHooks.runAll(app.log));
  return shutdownHooks;
}

/** Returns where the web app's build is, and whether there is one (unknown addresses then fall back to it). */
function registerParsingAndErrors(app: App, config: Config, respondWithError: ErrorResponder) {
  // The API speaks JSON; a route that takes files adds its own parser.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const distDir = config.webDistDir ? resolve(config.webDistDir) : DEFAULT_WEB_DIST;
  const built = existsSync(join(distDir, 'index.html'));
  registerErrorHandling(app, respondWithError, built ? 'index.html' : null);
  return { distDir, built };
}

function registerRouteCatalog(app: App) {
  // Documentation pages are public like the document they show. The catalogue lets tests check every route.
  const routeCatalog: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: { public: true } };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeCatalog.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.decorate('routeCatalog', routeCatalog);
}

async function registerHttpPlugins(app: App, config: Config, database: DatabaseHandle) {
  const tileOrigin = config.map.tileUrl ? new URL(config.map.tileUrl.replace(/\{[a-z]\}/g, 'a')).origin : null;
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(fastifyCookie);
  // API answers over 1 kB (the communes' boundaries, lists) go compressed to browsers that accept it; the web
  // app's files are compressed at build time and pass through untouched.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  // Every request limit counts in the database, so it holds across instances (decision 110).
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(database.db) });
}

async function registerFeatureRoutes(app: App, services: Services, database: DatabaseHandle, config: Config) {
  await app.register(healthRoutes, { database, config, uow: services.uow });
  await app.register(authRoutes, { auth: services.auth, config });
  await app.register(usersRoutes, { users: services.users });
  await app.register(auditRoutes, { uow: services.uow });
  await app.register(communesRoutes, { communes: services.communes });
  await app.register(missionsRoutes, { missions: services.missions, overview: services.missionOverview });
  await app.register(strategyRoutes, { strategy: services.strategy });
  await app.register(analysisRoutes, { solver: services.calculatorSolver });
  await app.register(diagnosticRoutes, {
    diagnostic: services.diagnostic,
  });

  await app.register(implementationRoutes, { implementation: services.implementation, notices: services.notices });
  await app.register(catalogueRoutes, { catalogue: services.catalogue });
  await app.register(watchRoutes, { watch: services.watch });
  await app.register(targetsRoutes, { targets: services.targets });
  await app.register(needsRoutes, { needs: services.needs });
  await app.register(mutualisationRoutes, { mutualisation: services.mutualisation, uow: services.uow });
  await app.register(publicRoutes, { public: services.public, apiKeys: services.apiKeys });
  await app.register(openDataRoutes, {
    openData: services.openData,
    publicUrl: config.publicUrl,
    apiKeys: services.apiKeys,
  });
  await app.register(apiKeysRoutes, { apiKeys: services.apiKeys });
  await app.register(widgetRoutes, {
    public: services.public,
    apiKeys: services.apiKeys,
    publicUrl: config.publicUrl,
    agency: config.agencyName,
  });
  await app.register(purchasingRoutes, { purchasing: services.purchasing });
  await app.register(purchasingOcdsRoutes, { ocds: services.purchasingOcds });

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

async function startJobs(services: Services, config: Config, shutdownHooks: ShutdownHooks) {
  // The queue starts last, once every route is in place; on close it releases this instance's jobs (a job still
  // running after the grace period is failed with a reason, and retried by another instance while it has retries).
  await services.jobs.start();
  // The notices of a period are sent once, whichever instances are running (decision 110).
  services.jobs.every(NOTICES_JOB, config.noticesIntervalMinutes * 60);
  // And the open data's OCDS once an hour, for changes made outside the API (the command line, the demo's seed).
  services.jobs.every(OCDS_PUBLISH_JOB, 60 * 60);
  shutdownHooks.add('job queue', () => services.jobs.stop());
  shutdownHooks.add('grouping thread', () => services.groupingRunner.close());
  // After the queue handed its jobs back: a solve still under way is then retried by another instance.
  shutdownHooks.add('plan solver', () => services.planner.close());
}

export type RouteEntry = { method: string; url: string; access: RouteAccess | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    routeCatalog: RouteEntry[];
    /** What features do before the database closes when the server stops (a job queue releasing its jobs). */
    shutdownHooks: ShutdownHooks;
  }
}
