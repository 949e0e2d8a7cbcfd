import { Writable } from 'node:stream';
import { runCli } from './main.ts';

/**
 * Runs the smart-rural command in this process, as the CLI tests do: its output captured, stdin not a terminal, the
 * logs silenced unless `env` sets LOG_LEVEL.
 */
export async function runWith(env: NodeJS.ProcessEnv, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(argv, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { LOG_LEVEL: 'silent', ...env },
    stdinIsTty: false,
  });
  return { code, stdout, stderr };
}

/** The command without a database or any other environment (the analyses read files only). */
export const run = (...argv: string[]) => runWith({}, ...argv);
