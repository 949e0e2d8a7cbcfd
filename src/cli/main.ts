import { Command, CommanderError } from 'commander';
import { ConfigError } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { AppError, describeError } from '../server/errors.ts';
import { registerNeedsAnalysis } from './commands/analyse-needs.ts';
import { registerStrategyAnalyses } from './commands/analyse-strategy.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDatabaseCommands } from './commands/database.ts';
import { registerUserCommands } from './commands/users.ts';
import { CliError, type CliIo } from './context.ts';

/** The `smart-rural` command. Returns the exit code, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('smart-rural')
    .description(
      'Smart Rural administration. Uses PGlite in DATA_DIR (default ./data), or the PostgreSQL server of DATABASE_URL.\n' +
        'Stop the app before running commands on the embedded database.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();
  registerDatabaseCommands(program, io);
  registerUserCommands(program, io);
  registerBackupCommands(program, io);
  // One group for every feature's analyses (the needs register adds its own beside these).
  const analyse = program
    .command('analyse')
    .description('run an analysis engine on a JSON file and print JSON (rank, portfolio, …)');
  registerStrategyAnalyses(analyse, io);
  registerNeedsAnalysis(analyse, io);
  for (const command of [...program.commands, ...analyse.commands]) command.exitOverride().showHelpAfterError();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const lang = io.env.LANG?.startsWith('fr') ? 'fr' : 'en';
    const message =
      error instanceof AppError
        ? describeError(error, lang)
        : error instanceof CliError || error instanceof ConfigError || error instanceof DataDirLockedError
          ? error.message
          : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    io.stderr.write(`smart-rural: ${message}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.env.SMART_RURAL_CLI === '1') {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdinIsTty: Boolean(process.stdin.isTTY),
  });
  process.exitCode = code;
}
