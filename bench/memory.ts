/**
 * Resident memory (VmRSS) of one idle server process: after it starts, then after the province dashboards have
 * been served (`/api/implementation/dashboard`, `/api/diagnostic/province`, `/api/communes/boundaries`). The
 * compiled server (`npm start`: node dist/server/main.js) is measured against the baseline of the same sources run
 * through the TypeScript loader (node --import tsx src/server/main.ts), on PGlite and, with --postgres URL, on a
 * PostgreSQL server (an empty database of your own: every run migrates and seeds it).
 *
 *   node scripts/build.mjs server && npx tsx bench/memory.ts [--postgres postgres://postgres@127.0.0.1:5432/prod_bench]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { postgres: { type: 'string' }, settle: { type: 'string', default: '5' } },
});
const settleMs = Number(values.settle) * 1000;
const root = resolve(import.meta.dirname, '..');
const compiled = join(root, 'dist', 'server', 'main.js');
if (!existsSync(compiled)) {
  console.error('No compiled server: run "node scripts/build.mjs server" first.');
  process.exit(1);
}

const runners = {
  'tsx (baseline)': [process.execPath, '--import', 'tsx', join(root, 'src', 'server', 'main.ts')],
  // As `npm start` runs it (scripts/start.mjs).
  compiled: [process.execPath, '--expose-gc', '--max-semi-space-size=2', compiled],
} as const;
const adminEmail = 'bench-admin@bench.test';
// Fixed, so a PostgreSQL database prepared by an earlier run still lets the bench sign in.
const adminPassword = 'Banc-memoire-Smart-Rural-7q9x';

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A port nothing listens on now (a random one may be another service's: RabbitMQ's 25672 was). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

async function start(
  command: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('est prêt')) ready();
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.on('exit', (code) => fail(new Error(`the server stopped (${code}) before it was ready:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function serveDashboards(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  for (const path of ['/api/implementation/dashboard', '/api/diagnostic/province', '/api/communes/boundaries']) {
    const answer = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!answer.ok) throw new Error(`${path}: ${answer.status}`);
    await answer.arrayBuffer();
  }
}

async function stop(child: ChildProcess) {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

async function measure(command: readonly string[], env: NodeJS.ProcessEnv) {
  const { child, url } = await start(command, env);
  try {
    await pause(settleMs);
    const idle = rssMb(child.pid!);
    await serveDashboards(url);
    await pause(settleMs);
    return { idle, served: rssMb(child.pid!) };
  } finally {
    await stop(child);
  }
}

// PGlite: one data folder prepared once (initdb, migrations, demo workspace), copied for each measured start.
const prepared = mkdtempSync(join(tmpdir(), 'smart-rural-bench-memory-'));
const databases: { name: string; env: () => NodeJS.ProcessEnv; cleanup?: () => void }[] = [
  {
    name: 'PGlite',
    env: () => {
      const copy = `${prepared}-${randomBytes(4).toString('hex')}`;
      cpSync(prepared, copy, { recursive: true });
      return { DATA_DIR: copy };
    },
  },
];
if (values.postgres) databases.push({ name: 'PostgreSQL', env: () => ({ DATABASE_URL: values.postgres }) });

try {
  // One start first, not measured: initdb, migrations, reference data, the demo workspace.
  await stop((await start(runners.compiled, { DATA_DIR: prepared })).child);
  if (values.postgres) await stop((await start(runners.compiled, { DATABASE_URL: values.postgres })).child);
  console.log(`Resident memory (VmRSS) of one server, ${settleMs / 1000} s after each step`);
  console.log(
    `${'database'.padEnd(12)} ${'runner'.padEnd(16)} ${'idle after start'.padStart(18)} ${'after dashboards'.padStart(18)}`,
  );
  for (const database of databases) {
    for (const [name, command] of Object.entries(runners)) {
      const env = database.env();
      try {
        const m = await measure(command, env);
        console.log(
          `${database.name.padEnd(12)} ${name.padEnd(16)} ${`${m.idle.toFixed(0)} MB`.padStart(18)} ${`${m.served.toFixed(0)} MB`.padStart(18)}`,
        );
      } finally {
        if (env.DATA_DIR) rmSync(env.DATA_DIR, { recursive: true, force: true });
      }
    }
  }
} finally {
  rmSync(prepared, { recursive: true, force: true });
}
