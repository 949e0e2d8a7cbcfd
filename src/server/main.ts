import { buildApp } from './app.ts';
import { formatCreatedAccounts } from './auth/bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { openConfiguredDatabase, prepareDatabase } from './setup.ts';
import { gracefulShutdown } from './shutdown.ts';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  let demoLine = '';
  const created = await prepareDatabase(database, config, {
    onDemo: (demo) => {
      demoLine = `Espace de démonstration chargé en ${demo.seconds.toFixed(1)} s : ${demo.missions} missions, ${demo.needs} besoins (SEED_DEMO=false pour s’en passer)\n`;
    },
  });
  const app = await buildApp({ config, database });

  const shutdown = gracefulShutdown({ app, database, timeoutMs: config.shutdownTimeoutMs });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error(error, `${signal}: the stop failed`);
          process.exit(1);
        },
      );
    });
  }

  await app.listen({ port: config.port, host: config.host });
  // Starting (migrations, reference data, the password check) leaves ~60 MB of garbage that an idle server would
  // keep until its next collection: `npm start` exposes the collector so it runs once, now (bench/memory.ts).
  (globalThis as { gc?: () => void }).gc?.();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  process.stdout.write(formatCreatedAccounts(created));
  process.stdout.write(demoLine);
  process.stdout.write(
    `\nSmart Rural est prêt : http://localhost:${config.port}  (base : ${where}, démarré en ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
      `API : http://localhost:${config.port}/api/docs\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Smart Rural could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
