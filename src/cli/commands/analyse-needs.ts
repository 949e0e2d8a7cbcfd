import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { NisCode } from '../../domain/shared/schemas.ts';
import { openDatabase } from '../../server/db/client.ts';
import { AppError } from '../../server/errors.ts';
import { translate } from '../../server/i18n/messages.ts';
import { analyseNeeds } from '../../server/needs/needs-analysis.ts';
import { readCsv } from '../../server/needs/needs-file.ts';
import { CliError, type CliIo, print } from '../context.ts';

/**
 * `smart-rural analyse needs --input needs.csv`: the mutualisation's grouping engine on a CSV file, in a throw-away
 * in-memory PGlite (the same SQL as the app: French full-text search, unaccent, pg_trgm, the taxonomy). Prints
 * {"groups":[{"needs","communes","label","reason"}]} with only groups of two or more needs; exit code 2 on bad input.
 */
export function registerNeedsAnalysis(analyse: Command, io: CliIo): void {
  analyse
    .command('needs')
    .description('group similar needs across communes; prints {"groups":[{"needs","communes","label","reason"}]}')
    .requiredOption('--input <file>', 'CSV (UTF-8, comma or semicolon): id,nis_code,title,description[,category]')
    .addHelpText(
      'after',
      `
Input: a header line, then one need per line:
  id,nis_code,title,description,category
  n1,81001,Remplacer les lampadaires par des LED,Les vieux lampadaires consomment trop,
  n2,81004,Éclairage public intelligent,,public-lighting
Exit codes: 0 grouped, 2 bad input (the message names the line and the column).`,
    )
    .action(async (options: { input: string }) => {
      let content: Buffer;
      try {
        content = await readFile(options.input);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        throw new CliError(`cannot read ${options.input}: ${reason}`, 2);
      }
      const needs = parseNeedsCsv(content, options.input);
      const database = await openDatabase({ memory: true });
      try {
        await database.db.execute(sql`create extension if not exists unaccent`);
        await database.db.execute(sql`create extension if not exists pg_trgm`);
        print(io, JSON.stringify(await analyseNeeds(database.db, needs)));
      } catch (error) {
        if (error instanceof AppError) throw new CliError(translate(error.code, 'en', error.params), 2);
        throw error;
      } finally {
        await database.close();
      }
    });
}

function parseNeedsCsv(content: Buffer, path: string) {
  let lines: ReturnType<typeof readCsv>;
  try {
    lines = readCsv(content);
  } catch (error) {
    throw new CliError(`${path} is not a readable CSV: ${(error as Error).message}`, 2);
  }
  const header = (lines[0]?.cells ?? []).map((c) => c.trim().toLowerCase());
  const missing = ['id', 'nis_code', 'title', 'description'].filter((c) => !header.includes(c));
  if (missing.length) throw new CliError(`${path}: the header lacks ${missing.join(', ')}`, 2);
  const problems: string[] = [];
  const needs = lines
    .slice(1)
    .filter((l) => l.cells.some((c) => c.trim()))
    .map((line) => {
      const cell = (name: string) => (line.cells[header.indexOf(name)] ?? '').trim();
      if (line.cells.some((c) => c.includes('\uFFFD'))) problems.push(`line ${line.line}: not UTF-8`);
      if (!cell('id')) problems.push(`line ${line.line}: id is empty`);
      if (!NisCode.safeParse(cell('nis_code')).success)
        problems.push(`line ${line.line}: nis_code "${cell('nis_code')}" is not a five-digit NIS code`);
      if (!cell('title')) problems.push(`line ${line.line}: title is empty`);
      return {
        id: cell('id'),
        nis_code: cell('nis_code'),
        title: cell('title'),
        description: cell('description'),
        category: header.includes('category') ? cell('category') || null : null,
      };
    });
  if (problems.length) {
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
    throw new CliError(`invalid needs file ${path}:\n  ${problems.slice(0, 10).join('\n  ')}${more}`, 2);
  }
  return needs;
}
