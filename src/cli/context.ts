import type { Writable } from 'node:stream';
import { type Config, loadConfig } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import { openConfiguredDatabase } from '../server/setup.ts';

/** What a command runs with: its settings, where it writes, and the database opened on demand. */
export type CliIo = { stdout: Writable; stderr: Writable; env: NodeJS.ProcessEnv; stdinIsTty: boolean };

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export async function withDatabase<T>(io: CliIo, work: (db: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...io.env });
  const database = await openConfiguredDatabase(config);
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

export function print(io: CliIo, text: string): void {
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
