import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Real processes of the app (the server, the CLI), for the tests that need more than one process. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Running = {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
};

export function startProcess(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return { child, output: () => text, exited };
}

/** `src/server/main.ts`, as `npm start` runs it. */
export function startServer(env: NodeJS.ProcessEnv): Running {
  return startProcess(['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts')], env);
}

/** The `smart-rural` command, as an operator runs it. */
export async function runCommand(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const run = startProcess([join(ROOT, 'bin', 'smart-rural.mjs'), ...argv], env);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** Waits until the server says it is ready, or fails with what it printed. */
export async function waitUntilReady(server: Running, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!server.output().includes('Smart Rural est prêt')) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server stopped before it was ready:\n${server.output()}`);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`the server is not ready:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
