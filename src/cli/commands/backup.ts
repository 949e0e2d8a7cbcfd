import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { type Backup, BackupError, createBackup, parseBackup, restoreBackup } from '../../server/backup/backup.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { auditOf, CLI_CONTEXT } from '../../server/http/request-context.ts';
import { CliError, type CliIo, print, withDatabase } from '../context.ts';

const isGzip = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function readBackupFile(file: string): Promise<Backup> {
  try {
    const bytes = await readFile(file);
    return parseBackup(JSON.parse((isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8')));
  } catch (error) {
    throw new CliError(`cannot read the backup ${file}: ${(error as Error).message}; nothing changed`);
  }
}

export function registerBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup <file>')
    .description('write a full, consistent copy of the data to <file> (gzip-compressed when it ends in .gz)')
    .action((file: string) =>
      withDatabase(io, async (db) => {
        const backup = await createBackup(db);
        const json = Buffer.from(JSON.stringify(backup));
        await writeFile(file, file.endsWith('.gz') ? gzipSync(json) : json);
        const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
        print(io, `backup written to ${file}: ${Object.keys(backup.tables).length} tables, ${rows} rows`);
      }),
    );

  program
    .command('restore <file>')
    .description('replace ALL data with the copy in <file>, in one transaction (works across PGlite and PostgreSQL)')
    .option('-y, --yes', 'do not ask for confirmation (it is asked only in a terminal)')
    .action(async (file: string, options: { yes?: boolean }) => {
      const backup = await readBackupFile(file);
      if (io.stdinIsTty && !options.yes) {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question(`Replace ALL data with the backup of ${backup.createdAt}? Type "yes": `);
        rl.close();
        if (answer.trim().toLowerCase() !== 'yes') throw new CliError('restore cancelled; nothing changed');
      }
      await withDatabase(io, async (db) => {
        await applyMigrations(db);
        try {
          const counts = await restoreBackup(
            db,
            backup,
            auditOf(CLI_CONTEXT, {
              action: 'data.restore',
              entityType: 'backup',
              after: { file, createdAt: backup.createdAt },
            }),
          );
          const rows = Object.values(counts).reduce((a, b) => a + b, 0);
          print(
            io,
            `restored ${rows} rows in ${Object.keys(counts).length} tables from the backup of ${backup.createdAt}`,
          );
        } catch (error) {
          if (error instanceof BackupError) throw new CliError(`restore refused: ${error.message}; nothing changed`);
          throw error;
        }
      });
    });
}
