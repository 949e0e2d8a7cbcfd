import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The app's sources (server, web, domain, CLI), tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * A date cut out of an ISO timestamp is the day in London: between midnight and 1 or 2 in the morning in Belgium it is
 * still yesterday. « Today » comes from belgianToday() (src/domain/shared/format.ts). The only cut allowed is a
 * spreadsheet's date cell, which exceljs hands over at midnight UTC.
 */
const ALLOWED = ['src/server/needs/needs-file.ts: if (value instanceof Date) return value.toISOString().slice(0, 10);'];

describe('the day of a date', () => {
  it('is never cut out of a UTC timestamp', () => {
    const cuts = sources(join(ROOT, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /toISOString\(\)\.(slice|substring)\(0, ?10\)|toISOString\(\)\.split\('T'\)/.test(line))
        .filter((line) => !line.trim().startsWith('*') && !line.trim().startsWith('//'))
        .map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
    );
    expect(cuts.filter((cut) => !ALLOWED.includes(cut))).toEqual([]);
  });
});
